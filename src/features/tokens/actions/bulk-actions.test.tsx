import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Authorization } from '../../../../core/influx-types';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken } from '../../../testing/token-factory';

const id = (n: number) => `aaaaaaaaaaaa${n.toString(16).padStart(4, '0')}`;

function tokens(count: number, over: (i: number) => Partial<Authorization> = () => ({})): Authorization[] {
  return Array.from({ length: count }, (_, i) =>
    makeToken({ id: id(i), description: `batch ${String(i).padStart(2, '0')}`, ...over(i) }),
  );
}

async function select(user: ReturnType<typeof renderApp>['user'], ...descriptions: string[]) {
  for (const description of descriptions)
    await user.click(await screen.findByRole('checkbox', { name: `Select ${description}` }));
}

function bulkBar() {
  return screen.getByRole('region', { name: 'Selected tokens' });
}

describe('bulk actions', { timeout: 20_000 }, () => {
  it('confirms with the count, skips tokens already in the state, and reports partial failure exactly', async () => {
    const fake = new FakeInflux({
      tokens: [...tokens(6, (i) => ({ status: i === 2 ? 'inactive' : 'active' })), makeToken({ description: 'other' })],
    });
    const { user } = renderApp();
    await select(user, 'batch 00', 'batch 01', 'batch 02', 'batch 03', 'batch 04', 'batch 05');
    expect(bulkBar()).toHaveTextContent('6 selected');

    // Deleted elsewhere meanwhile, and one that InfluxDB refuses to change.
    fake.tokens = fake.tokens.filter((t) => t.id !== id(3) && t.id !== id(4));
    fake.failNext('PATCH', 503, 'service unavailable', new RegExp(id(5)));

    await user.click(within(bulkBar()).getByRole('button', { name: 'Deactivate' }));
    // The title counts what will be sent, like the button.
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate 5 tokens?' });
    expect(dialog).toHaveTextContent('Of the 6 selected, 1 was already inactive and is skipped.');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate 5 tokens' }));

    // Not a blocking report: the dialog closes and a toast says what happened, with Undo and Details.
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    const toast = await screen.findByRole('alert');
    expect(toast).toHaveTextContent('2 tokens deactivated, 3 failed');
    expect(toast).toHaveTextContent('1 was already inactive.');
    expect(fake.patches()).toHaveLength(5);
    expect(fake.token(id(0))?.status).toBe('inactive');
    expect(fake.token(id(1))?.status).toBe('inactive');
    // The list shows what succeeded; the failure that still exists stays selected for a retry.
    await waitFor(() => expect(bulkBar()).toHaveTextContent('1 selected'));
    expect(screen.getByRole('checkbox', { name: 'Select batch 05' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select batch 00' })).not.toBeChecked();
    const row0 = screen.getByRole('button', { name: 'batch 00' }).closest('[role="row"]') as HTMLElement;
    await waitFor(() => expect(within(row0).getByText('Inactive')).toBeInTheDocument());

    // The report of failures stays available.
    await user.click(within(toast).getByRole('button', { name: 'Details' }));
    const report = await screen.findByRole('dialog', { name: 'Deactivation report' });
    expect(
      within(report)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'batch 03: authorization not found (HTTP 404)',
      'batch 04: authorization not found (HTTP 404)',
      'batch 05: InfluxDB answered HTTP 503: service unavailable',
    ]);

    // Undo switches back exactly the two that changed: not batch 02, which was inactive before.
    await user.click(within(report).getByRole('button', { name: 'Undo (2 tokens)' }));
    expect(await screen.findByText('Undone: 2 tokens activated again')).toBeInTheDocument();
    expect(fake.token(id(0))?.status).toBe('active');
    expect(fake.token(id(1))?.status).toBe('active');
    expect(fake.token(id(2))?.status).toBe('inactive');
    expect(fake.patches()).toHaveLength(7);
  });

  it('Undo in the toast restores the tokens a bulk Activate switched on', async () => {
    const fake = new FakeInflux({ tokens: tokens(4, (i) => ({ status: i < 3 ? 'inactive' : 'active' })) });
    const { user } = renderApp();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all 4 matching' }));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Activate' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Activate 3 tokens?' });
    await user.click(within(dialog).getByRole('button', { name: 'Activate 3 tokens' }));
    const toast = (await screen.findByText('3 tokens activated')).closest('.toast') as HTMLElement;
    expect(fake.tokens.every((t) => t.status === 'active')).toBe(true);
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: 3 tokens deactivated again')).toBeInTheDocument();
    expect(fake.tokens.map((t) => t.status)).toEqual(['inactive', 'inactive', 'inactive', 'active']);
  });

  it('sends at most 6 at once, shows progress, and Cancel stops sending while finished ones stay', async () => {
    const fake = new FakeInflux({ tokens: tokens(10) });
    const { user } = renderApp();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all 10 matching' }));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Deactivate' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate 10 tokens?' });
    const release = fake.holdPatches();
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate 10 tokens' }));

    const progress = await within(dialog).findByRole('progressbar', { name: 'Deactivating tokens' });
    expect(progress).toHaveAttribute('aria-valuenow', '0');
    expect(progress).toHaveAttribute('aria-valuemax', '10');
    expect(dialog).toHaveTextContent('0 of 10');
    await waitFor(() => expect(fake.patches()).toHaveLength(6));

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    release();
    const toast = (await screen.findByText('6 tokens deactivated')).closest('.toast') as HTMLElement;
    expect(toast).toHaveTextContent('Cancelled: 4 tokens not sent (still selected).');
    expect(fake.patches()).toHaveLength(6);
    expect(fake.tokens.filter((t) => t.status === 'inactive')).toHaveLength(6);
    await waitFor(() => expect(bulkBar()).toHaveTextContent('4 selected'));
  });

  it('moves the progress bar as each answer lands', async () => {
    const fake = new FakeInflux({ tokens: tokens(8) });
    fake.patchDelays = [0, 0, 0, 0, 0, 0, 1_500, 1_500];
    const { user } = renderApp();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all 8 matching' }));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Deactivate' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate 8 tokens?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate 8 tokens' }));
    const progress = await within(dialog).findByRole('progressbar');
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '6'));
    expect(progress).toHaveAttribute('aria-valuetext', '6 of 8');
    expect(dialog).toHaveTextContent('6 of 8');
    expect(await screen.findByText('8 tokens deactivated')).toBeInTheDocument();
  });

  it('deletes the selection after confirmation and removes the rows', async () => {
    const fake = new FakeInflux({ tokens: [...tokens(3), makeToken({ description: 'keep me' })] });
    const { user } = renderApp();
    await select(user, 'batch 00', 'batch 02');
    await user.click(within(bulkBar()).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 2 tokens?' });
    expect(dialog).toHaveTextContent('Anything using these tokens stops working at once.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 tokens' }));
    expect(await within(dialog).findByText('2 deleted')).toBeInTheDocument();
    expect(fake.tokens.map((t) => t.description)).toEqual(['batch 01', 'keep me']);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'batch 00' })).not.toBeInTheDocument());
    expect(screen.queryByRole('region', { name: 'Selected tokens' })).not.toBeInTheDocument();
  });

  it('"Select all N matching" takes every token the filters match, also those not rendered', async () => {
    new FakeInflux({ tokens: [...tokens(40), makeToken({ description: 'other' })] });
    const { user } = renderApp('/tokens?q=batch');
    const all = await screen.findByRole('checkbox', { name: 'Select all 40 matching' });
    await user.click(all);
    expect(bulkBar()).toHaveTextContent('40 selected');
    expect(all).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Select batch 00' }));
    expect(all).not.toBeChecked();
    expect((all as HTMLInputElement).indeterminate).toBe(true);

    // Widening the filter keeps the selection and says how much of it is hidden.
    await user.type(screen.getByRole('searchbox', { name: 'Filter tokens' }), ' 01');
    await waitFor(() => expect(bulkBar()).toHaveTextContent('39 selected (38 not shown by the current filters)'));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('region', { name: 'Selected tokens' })).not.toBeInTheDocument();
  });

  it('selects all of 100,000 matching tokens', async () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      makeToken({ id: i.toString(16).padStart(16, '0'), description: `token ${i}` }),
    );
    new FakeInflux({ tokens: many });
    const { user } = renderApp();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all 100,000 matching' }, { timeout: 25_000 }));
    expect(bulkBar()).toHaveTextContent('100,000 selected');
    await user.click(within(bulkBar()).getByRole('button', { name: 'Activate' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Nothing to activate' });
    expect(dialog).toHaveTextContent('Every selected token is already active.');
    expect(dialog).toHaveTextContent('100,000 were already active and are skipped.');
    expect(within(dialog).queryByRole('button', { name: /Activate/ })).not.toBeInTheDocument();
  }, 60_000);
});
