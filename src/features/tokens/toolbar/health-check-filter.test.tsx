// The Health view's counts open the list narrowed to exactly those tokens (`?check=`), saying so, with a way back.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { allAccessPermissions, makeToken } from '../../../testing/token-factory';

const tokens = [
  makeToken({ id: 'aaaaaaaaaaaaaaa1', description: 'everything', permissions: allAccessPermissions() }),
  makeToken({ id: 'aaaaaaaaaaaaaaa2', description: 'telegraf 1', user: 'user1' }),
  makeToken({ id: 'aaaaaaaaaaaaaaa3', description: 'telegraf 2', user: 'user1' }),
  makeToken({ id: 'aaaaaaaaaaaaaaa4', description: '', user: 'user2', status: 'inactive' }),
];

function shownDescriptions(): string[] {
  const table = screen.getByRole('table', { name: 'API tokens' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('button')[0]!.textContent ?? '');
}

describe('the list narrowed to a health check', () => {
  it('shows exactly the tokens the check counts, says which check, and shows all again', async () => {
    new FakeInflux({ tokens });
    const { user, url } = renderApp('/tokens?check=duplicates');
    await screen.findByRole('button', { name: 'telegraf 1' });
    await waitFor(() => expect(shownDescriptions()).toEqual(['telegraf 1', 'telegraf 2']));
    const note = screen.getByRole('status', { name: '' });
    expect(within(note).getByText('Duplicates', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all tokens' }));
    await waitFor(() => expect(shownDescriptions()).toHaveLength(4));
    expect(url()).toBe('/tokens');
  });

  it('narrows to all-access tokens', async () => {
    new FakeInflux({ tokens });
    renderApp('/tokens?check=all-access');
    await waitFor(() => expect(shownDescriptions()).toEqual(['everything']));
  });

  it('says a check it does not know is not applied', async () => {
    new FakeInflux({ tokens });
    renderApp('/tokens?check=bogus');
    expect(await screen.findByRole('alert')).toHaveTextContent('check “bogus” is not one of all-access');
    await waitFor(() => expect(shownDescriptions()).toHaveLength(4));
  });
});
