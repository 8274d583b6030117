import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Authorization } from '../../../../core/influx-types';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { allAccessPermissions, makeToken, operatorPermissions } from '../../../testing/token-factory';

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

  it('a delete names its tokens and counts the active and all-access ones; one toast reports it, without Undo', async () => {
    const fake = new FakeInflux({
      tokens: [
        ...tokens(3, (i) => ({ status: i === 1 ? 'inactive' : 'active' })),
        makeToken({ id: id(9), description: '', permissions: allAccessPermissions(), status: 'inactive' }),
        makeToken({ description: 'keep me' }),
      ],
    });
    const { user } = renderApp();
    await select(user, 'batch 00', 'batch 01', 'batch 02', '(no description)');
    await user.click(within(bulkBar()).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 4 tokens?' });
    expect(dialog).toHaveTextContent('Anything using these tokens stops working at once.');
    expect(
      within(within(dialog).getByRole('list', { name: 'Tokens to delete' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['(no description)', 'batch 00', 'batch 01', 'batch 02']); // as the list shows them
    expect(dialog).toHaveTextContent('Active: 2 of 4');
    expect(dialog).toHaveTextContent('All-access or operator: 1 (0 active)');
    expect(dialog).not.toHaveTextContent(/more/);
    // Four tokens, none of them a live all-access one: no count to type.
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();

    fake.failNext('DELETE', 503, 'service unavailable', new RegExp(id(2)));
    await user.click(within(dialog).getByRole('button', { name: 'Delete 4 tokens' }));

    // No report of its own: the dialog closes and one toast says what happened, with Details and no Undo.
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    const toast = await screen.findByRole('alert');
    expect(toast).toHaveTextContent('3 tokens deleted, 1 failed');
    expect(within(toast).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fake.tokens.map((t) => t.description)).toEqual(['batch 02', 'keep me']);
    // What failed stays selected for another try.
    await waitFor(() => expect(bulkBar()).toHaveTextContent('1 selected'));
    expect(screen.getByRole('checkbox', { name: 'Select batch 02' })).toBeChecked();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'batch 00' })).not.toBeInTheDocument());

    await user.click(within(toast).getByRole('button', { name: 'Details' }));
    const report = await screen.findByRole('dialog', { name: 'Deletion report' });
    expect(report).toHaveTextContent('3 deleted, 1 failed:');
    expect(
      within(report)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['batch 02: InfluxDB answered HTTP 503: service unavailable']);
    expect(within(report).queryByRole('button', { name: /Undo/ })).not.toBeInTheDocument();
  });

  it('past ten tokens, Delete waits for the count typed in; Deactivate instead switches them off, with Undo', async () => {
    const fake = new FakeInflux({ tokens: tokens(12, (i) => ({ status: i === 11 ? 'inactive' : 'active' })) });
    const { user } = renderApp();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all 12 matching' }));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 12 tokens?' });
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(10);
    expect(within(dialog).getByText('and 2 more')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Active: 11 of 12');

    const remove = within(dialog).getByRole('button', { name: 'Delete 12 tokens' });
    const count = within(dialog).getByRole('textbox', { name: 'To confirm, type 12' });
    expect(remove).toBeDisabled();
    // Enter with another number deletes nothing and says why.
    await user.type(count, '1{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      '“1” is not 12: type the number of tokens to delete them, or Cancel.',
    );
    expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(remove).toBeDisabled();
    await user.type(count, '3');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(remove).toBeDisabled();
    await user.clear(count);
    await user.type(count, '12');
    expect(remove).toBeEnabled();
    expect(fake.sent('DELETE')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Deactivate instead' }));
    const deactivate = await screen.findByRole('alertdialog', { name: 'Deactivate 11 tokens?' });
    expect(deactivate).toHaveTextContent('Of the 12 selected, 1 was already inactive and is skipped.');
    await user.click(within(deactivate).getByRole('button', { name: 'Deactivate 11 tokens' }));
    const toast = (await screen.findByText('11 tokens deactivated')).closest('.toast') as HTMLElement;
    expect(fake.sent('DELETE')).toHaveLength(0);
    expect(fake.tokens.every((t) => t.status === 'inactive')).toBe(true);
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: 11 tokens activated again')).toBeInTheDocument();
    expect(fake.tokens.filter((t) => t.status === 'active')).toHaveLength(11);
  });

  it('an active all-access or operator token among a few asks for the count too; the typed count deletes', async () => {
    const fake = new FakeInflux({
      tokens: [...tokens(2), makeToken({ id: id(7), description: 'root', permissions: operatorPermissions() })],
    });
    // The page knows its own token (not among these), so "root" cannot be it: no question before this dialog.
    fake.ownToken = { state: 'active', id: 'ffffffffffffffff', source: 'server', recoverable: false };
    const { user } = renderApp();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all 3 matching' }));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 3 tokens?' });
    expect(dialog).toHaveTextContent('All-access or operator: 1 (1 active)');
    const remove = within(dialog).getByRole('button', { name: 'Delete 3 tokens' });
    expect(remove).toBeDisabled();
    // Enter in the box deletes once the count is right.
    await user.type(within(dialog).getByRole('textbox', { name: 'To confirm, type 3' }), '3{Enter}');
    expect(await screen.findByText('3 tokens deleted')).toBeInTheDocument();
    expect(fake.tokens).toEqual([]);
  });

  it("Deactivate instead still asks before switching off the page's own token", async () => {
    const fake = new FakeInflux({ tokens: tokens(11) });
    fake.ownToken = { state: 'active', id: id(4), source: 'server', recoverable: false };
    const { user } = renderApp();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all 11 matching' }));
    await user.click(within(bulkBar()).getByRole('button', { name: 'Delete' }));
    // Ticked in on purpose for the delete…
    const ask = await screen.findByRole('alertdialog', { name: "The selection includes this page's own token" });
    await user.click(within(ask).getByRole('checkbox', { name: /Also delete this page's own token/ }));
    await user.click(within(ask).getByRole('button', { name: 'Continue with 11 tokens' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 11 tokens?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate instead' }));
    // …the deactivate asks again, and leaves it out unless ticked in again.
    const again = await screen.findByRole('alertdialog', { name: "The selection includes this page's own token" });
    expect(within(again).getByRole('checkbox', { name: /Also deactivate this page's own token/ })).not.toBeChecked();
    await user.click(within(again).getByRole('button', { name: 'Continue with 10 tokens' }));
    const deactivate = await screen.findByRole('alertdialog', { name: 'Deactivate 10 tokens?' });
    await user.click(within(deactivate).getByRole('button', { name: 'Deactivate 10 tokens' }));
    expect(await screen.findByText('10 tokens deactivated')).toBeInTheDocument();
    expect(fake.token(id(4))?.status).toBe('active');
    expect(fake.tokens.filter((t) => t.status === 'inactive')).toHaveLength(10);
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

    // Narrowing the filter to one token keeps the selection and says how much of it is hidden.
    await user.type(screen.getByRole('searchbox', { name: 'Filter tokens' }), ' 39');
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
