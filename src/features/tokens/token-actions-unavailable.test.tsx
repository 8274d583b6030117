// When what the list's actions do cannot be downloaded (the connection dropped after the page loaded), choosing one
// says that nothing was changed, instead of doing nothing.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeInflux } from '../../testing/fake-influx';
import { renderApp } from '../../testing/render-app';
import { makeToken } from '../../testing/token-factory';

vi.mock('./token-actions-host', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

describe('a list action whose code cannot be downloaded', { timeout: 20_000 }, () => {
  it('says nothing was changed, and changes nothing', async () => {
    const fake = new FakeInflux({
      tokens: [makeToken({ description: 'ci writer' }), makeToken({ description: 'grafana' })],
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Actions for ci writer' }));
    await user.click(await screen.findByRole('menuitem', { name: /Clone/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was changed: part of the page did not download');
    expect(alert).toHaveTextContent('Check the connection, then try again.');
    expect(fake.tokens).toHaveLength(2);
  });

  it('after a bulk change that was made, says so: only its report (with Undo) is missing', async () => {
    const fake = new FakeInflux({
      tokens: [makeToken({ description: 'ci writer' }), makeToken({ description: 'grafana' })],
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all 2 matching' }));
    await user.click(
      within(await screen.findByRole('region', { name: 'Selected tokens' })).getByRole('button', {
        name: 'Deactivate',
      }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate 2 tokens?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate 2 tokens' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The change was made, but its report did not download');
    expect(alert).not.toHaveTextContent('Nothing was changed');
    expect(fake.tokens.map((t) => t.status)).toEqual(['inactive', 'inactive']);
  });
});
