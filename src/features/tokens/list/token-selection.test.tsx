import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken } from '../../../testing/token-factory';

const box = (n: number) => screen.getByRole('checkbox', { name: `Select token ${n}` });

describe('selecting rows with shift-click', () => {
  it('ticks, then clears, the range from the last clicked row, by the rows as sorted and filtered', async () => {
    // Sorted by description, token 1 … token 8; "token 4" is filtered out by its status below.
    new FakeInflux({
      tokens: [5, 2, 8, 1, 4, 7, 3, 6].map((n) =>
        makeToken({ description: `token ${n}`, status: n === 4 ? 'inactive' : 'active' }),
      ),
    });
    const user = userEvent.setup();
    renderApp('/tokens?status=active');
    await screen.findByRole('checkbox', { name: 'Select token 1' });

    await user.click(box(2));
    await user.keyboard('{Shift>}');
    await user.click(box(6));
    await user.keyboard('{/Shift}');
    for (const n of [2, 3, 5, 6]) expect(box(n)).toBeChecked();
    for (const n of [1, 7, 8]) expect(box(n)).not.toBeChecked();
    expect(screen.getByText('4 selected')).toBeInTheDocument();

    // The clicked box's new state goes to the whole range: clearing from 6 back up to 3 leaves 2.
    await user.keyboard('{Shift>}');
    await user.click(box(3));
    await user.keyboard('{/Shift}');
    expect(box(2)).toBeChecked();
    for (const n of [3, 5, 6]) expect(box(n)).not.toBeChecked();
    expect(screen.getByText('1 selected')).toBeInTheDocument();

    // A plain click is one row only.
    await user.click(box(8));
    expect(box(7)).not.toBeChecked();
    expect(screen.getByText('2 selected')).toBeInTheDocument();
  });

  it('names the selected tokens in a confirmation in the order the list shows them', async () => {
    new FakeInflux({ tokens: [5, 2, 8, 1].map((n) => makeToken({ description: `token ${n}` })) });
    const user = userEvent.setup();
    renderApp('/tokens?sort=description&dir=desc');
    for (const n of [1, 5, 8, 2]) await user.click(await screen.findByRole('checkbox', { name: `Select token ${n}` }));
    await user.click(
      within(screen.getByRole('region', { name: 'Selected tokens' })).getByRole('button', { name: 'Delete' }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 4 tokens?' });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['token 8', 'token 5', 'token 2', 'token 1']);
  });
});
