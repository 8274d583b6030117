import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../testing/fake-influx';
import { renderApp } from '../../testing/render-app';
import { makeToken } from '../../testing/token-factory';

const PASTED = 'pasted-token-value';

describe('signing in with a pasted token', () => {
  it('asks for a token when the server has none, then sends it with every request', async () => {
    const fake = new FakeInflux({
      tokens: [makeToken({ description: 'visible after sign-in' })],
      config: { needsToken: true },
      validToken: PASTED,
    });
    const { user } = renderApp();
    const field = await screen.findByRole('textbox', { name: 'API token' });
    expect(screen.queryByRole('heading', { name: 'API Tokens' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Paste a token first.')).toBeInTheDocument();

    await user.type(field, PASTED);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: 'visible after sign-in' })).toBeInTheDocument();
    expect(sessionStorage.getItem('influx-token-manager:token')).toBe(PASTED);
    const apiCalls = fake.requests.filter((r) => r.path.startsWith('/api/v2/'));
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.every((r) => r.authorization === `Token ${PASTED}`)).toBe(true);
  });

  it('keeps the token for the tab, and "Sign out" forgets it', async () => {
    new FakeInflux({ tokens: [makeToken({ description: 'mine' })], config: { needsToken: true }, validToken: PASTED });
    sessionStorage.setItem('influx-token-manager:token', PASTED);
    const { user } = renderApp();
    expect(await screen.findByRole('button', { name: 'mine' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('textbox', { name: 'API token' })).toHaveValue('');
    expect(sessionStorage.getItem('influx-token-manager:token')).toBeNull();
    expect(screen.queryByRole('button', { name: 'mine' })).not.toBeInTheDocument();
  });

  it("returns to the form with the server's message when InfluxDB refuses the token", async () => {
    new FakeInflux({ tokens: [], config: { needsToken: true }, validToken: 'the-right-one' });
    sessionStorage.setItem('influx-token-manager:token', 'a-wrong-one');
    renderApp();
    expect(await screen.findByRole('alert')).toHaveTextContent('InfluxDB refused the token: unauthorized access');
    expect(screen.getByRole('textbox', { name: 'API token' })).toBeInTheDocument();
    expect(sessionStorage.getItem('influx-token-manager:token')).toBeNull();
  });

  it('offers no sign-in or sign-out when the server holds the token', async () => {
    const fake = new FakeInflux({ tokens: [makeToken({ description: 'served' })] });
    sessionStorage.setItem('influx-token-manager:token', 'left over');
    renderApp();
    expect(await screen.findByRole('button', { name: 'served' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    expect(fake.requests.every((r) => r.authorization === null)).toBe(true);
  });

  it("explains when the app's settings cannot be loaded, and retries", async () => {
    const fake = new FakeInflux({ tokens: [makeToken({ description: 'finally' })] });
    fake.failNext('GET', 500, 'config exploded', /app\/config/);
    const { user } = renderApp();
    expect(await screen.findByRole('alert')).toHaveTextContent('config exploded');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'finally' })).toBeInTheDocument());
  });
});
