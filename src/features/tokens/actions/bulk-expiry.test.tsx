// "Set expiry" for a selection: one choice for every selected token; the outcome in one toast; failures stay selected.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken } from '../../../testing/token-factory';

const id = (n: number) => `aaaaaaaaaaaa${n.toString(16).padStart(4, '0')}`;
const tokens = [0, 1, 2].map((n) => makeToken({ id: id(n), description: `batch ${n}` }));
const DAY_MS = 86_400_000;

async function selectAll(user: ReturnType<typeof renderApp>['user']) {
  for (const n of [0, 1, 2]) await user.click(await screen.findByRole('checkbox', { name: `Select batch ${n}` }));
}

describe('Set expiry for a selection', { timeout: 20_000 }, () => {
  it('sets one expiry on every selected token, says so once, and shows it in the Expires column', async () => {
    const fake = new FakeInflux({ tokens });
    const { user } = renderApp();
    await selectAll(user);
    const bar = screen.getByRole('region', { name: 'Selected tokens' });
    await user.click(within(bar).getByRole('button', { name: 'Set expiry' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set the expiry of 3 tokens' });
    expect(dialog).toHaveTextContent('InfluxDB itself does not enforce expiry');
    await user.click(within(dialog).getByRole('radio', { name: 'In 30 days' }));
    const before = Date.now();
    await user.click(within(dialog).getByRole('button', { name: 'Set expiry' }));

    expect(await screen.findByRole('status', { name: '' })).toHaveTextContent(/Expiry set for 3 tokens: \d{4}-/);
    for (const n of [0, 1, 2]) {
      const at = Date.parse(fake.governance.expiries.get(id(n))!.expiresAt);
      expect(at - before).toBeGreaterThan(29.9 * DAY_MS);
      expect(at - before).toBeLessThan(30.1 * DAY_MS);
    }
    const row = screen.getByRole('button', { name: 'batch 1' }).closest('[role="row"]') as HTMLElement;
    await waitFor(() => expect(row).toHaveTextContent('in 30 days'));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Selected tokens' })).not.toBeInTheDocument());
  });

  it('reports a failure with its reason, and keeps the token that failed selected', async () => {
    const fake = new FakeInflux({ tokens });
    const { user } = renderApp();
    await selectAll(user);
    fake.failNext('PUT', 404, `Token ${id(2)} was not found in this org: it may have been deleted`, new RegExp(id(2)));
    await user.click(
      within(screen.getByRole('region', { name: 'Selected tokens' })).getByRole('button', { name: 'Set expiry' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Set the expiry of 3 tokens' });
    await user.click(within(dialog).getByRole('radio', { name: 'In 7 days' }));
    await user.click(within(dialog).getByRole('button', { name: 'Set expiry' }));

    const toast = await screen.findByRole('alert');
    expect(toast).toHaveTextContent('Expiry set for 2 tokens');
    expect(toast).toHaveTextContent('1 failed');
    expect(toast).toHaveTextContent('“batch 2”: Token aaaaaaaaaaaa0002 was not found in this org');
    expect(fake.governance.expiries.has(id(2))).toBe(false);
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Selected tokens' })).toHaveTextContent('1 selected'),
    );
    expect(screen.getByRole('checkbox', { name: 'Select batch 2' })).toBeChecked();
  });

  it('is not offered where expiry is unavailable', async () => {
    const fake = new FakeInflux({ tokens });
    fake.governance.available = false;
    fake.governance.unavailableReason = 'this console holds no token of its own';
    const { user } = renderApp();
    await selectAll(user);
    const bar = screen.getByRole('region', { name: 'Selected tokens' });
    expect(within(bar).getByRole('button', { name: 'Deactivate' })).toBeInTheDocument();
    expect(within(bar).queryByRole('button', { name: 'Set expiry' })).not.toBeInTheDocument();
  });
});
