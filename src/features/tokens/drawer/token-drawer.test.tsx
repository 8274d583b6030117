import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { ciWriter, makeToken } from '../../../testing/token-factory';

const ID = 'aaaaaaaaaaaaaaa1';
const tokens = () => [
  ciWriter(ID, [{ action: 'read', resource: { type: 'dashboards', orgID: '0a1b2c3d4e5f6071', org: 'my-org' } }]),
  makeToken({ id: 'aaaaaaaaaaaaaaa2', description: 'other' }),
];

describe('the token drawer', () => {
  it('opens from the description at /tokens/<id>, keeps the list query, and shows the details', async () => {
    new FakeInflux({ tokens: tokens() });
    const { user, url } = renderApp('/tokens?q=ci');
    await user.click(await screen.findByRole('button', { name: 'ci writer' }));
    const dialog = await screen.findByRole('dialog', { name: /ci writer/ });
    expect(url()).toBe(`/tokens/${ID}?q=ci`);
    expect(within(dialog).getByText(ID)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy ID' })).toBeInTheDocument();
    expect(within(dialog).getByText('user2')).toBeInTheDocument();
    expect(within(dialog).getByText('my-org')).toBeInTheDocument();
    expect(within(dialog).getByText('shown only when created')).toBeInTheDocument();
    expect(within(dialog).getByRole('switch', { name: 'Active' })).toBeChecked();

    expect(within(dialog).getByRole('heading', { name: 'Buckets' })).toBeInTheDocument();
    expect(within(dialog).getByRole('heading', { name: 'Dashboards' })).toBeInTheDocument();
    const telemetry = within(dialog).getByText('bucket “telemetry”').closest('li') as HTMLElement;
    expect(within(telemetry).getByText('Read')).toBeInTheDocument();
    expect(within(telemetry).getByText('Write')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('searchbox', { name: 'Filter permissions' }), 'dash');
    expect(within(dialog).queryByRole('heading', { name: 'Buckets' })).not.toBeInTheDocument();
    expect(within(dialog).getByText('all dashboards in my-org')).toBeInTheDocument();
  });

  it('closes with the Close button, goes back to the list URL and focuses the description again', async () => {
    new FakeInflux({ tokens: tokens() });
    const { user, url } = renderApp('/tokens?status=active');
    await user.click(await screen.findByRole('button', { name: 'ci writer' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(url()).toBe('/tokens?status=active');
    await waitFor(() => expect(screen.getByRole('button', { name: 'ci writer' })).toHaveFocus());
  });

  it('closes on Escape and returns focus, also when it was opened by a deep link', async () => {
    new FakeInflux({ tokens: tokens() });
    const { user, url } = renderApp(`/tokens/${ID}?sort=created&dir=desc`);
    expect(await screen.findByRole('dialog', { name: /ci writer/ })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(url()).toBe('/tokens?sort=created&dir=desc');
    await waitFor(() => expect(screen.getByRole('button', { name: 'ci writer' })).toHaveFocus());
  });

  it('closes when the back button leaves its URL', async () => {
    new FakeInflux({ tokens: tokens() });
    const { user, url, router } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'other' }));
    await screen.findByRole('dialog', { name: /other/ });
    await act(() => router.navigate(-1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(url()).toBe('/tokens');
  });

  it('says "Token not found" for an unknown ID, with a Close button', async () => {
    new FakeInflux({ tokens: tokens() });
    const { user, url } = renderApp('/tokens/0123456789abcdef');
    const dialog = await screen.findByRole('dialog', { name: 'Token not found' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(url()).toBe('/tokens');
  });

  it('shows the token string when the API returns one, and copies the ID', async () => {
    const withSecret = makeToken({ id: 'aaaaaaaaaaaaaaa3', description: 'fresh', token: 'c2VjcmV0LXRva2Vu==' });
    new FakeInflux({ tokens: [withSecret] });
    const { user } = renderApp('/tokens/aaaaaaaaaaaaaaa3');
    // After userEvent.setup(), which installs its own clipboard stub.
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      const dialog = await screen.findByRole('dialog', { name: /fresh/ });
      expect(within(dialog).getByText('c2VjcmV0LXRva2Vu==')).toBeInTheDocument();
      await user.click(within(dialog).getByRole('button', { name: 'Copy ID' }));
      expect(writeText).toHaveBeenCalledWith('aaaaaaaaaaaaaaa3');
      expect(await within(dialog).findByText('Copied')).toBeInTheDocument();
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('copies with the textarea fallback when the Clipboard API refuses', async () => {
    new FakeInflux({ tokens: tokens() });
    const { user } = renderApp(`/tokens/${ID}`);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    const copied: string[] = [];
    const execCommand = vi.fn(() => {
      copied.push((document.activeElement as HTMLTextAreaElement).value);
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    try {
      const dialog = await screen.findByRole('dialog', { name: /ci writer/ });
      await user.click(within(dialog).getByRole('button', { name: 'Copy ID' }));
      expect(await within(dialog).findByText('Copied')).toBeInTheDocument();
      expect(execCommand).toHaveBeenCalledWith('copy');
      expect(copied).toEqual([ID]);
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
      Reflect.deleteProperty(document, 'execCommand');
    }
  });
});

describe('Escape in the drawer’s permission filter', () => {
  it('clears the filter first; only a second Escape, on the empty filter, closes the drawer', async () => {
    new FakeInflux({ tokens: tokens() });
    const { user, url } = renderApp(`/tokens/${ID}`);
    const dialog = await screen.findByRole('dialog', { name: /ci writer/ });
    const filter = within(dialog).getByRole('searchbox', { name: 'Filter permissions' });
    await user.type(filter, 'dash');
    expect(within(dialog).queryByRole('heading', { name: 'Buckets' })).not.toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: /ci writer/ })).toBeInTheDocument();
    expect(filter).toHaveValue('');
    expect(filter).toHaveFocus();
    expect(within(dialog).getByRole('heading', { name: 'Buckets' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(url()).toBe('/tokens');
  });
});
