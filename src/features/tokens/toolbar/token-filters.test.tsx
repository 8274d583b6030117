import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { makeToken } from '../../../testing/token-factory';

const tokens = [
  makeToken({
    id: 'aaaaaaaaaaaaaaa1',
    description: 'CI writer',
    user: 'user2',
    status: 'inactive',
    createdAt: '2024-01-03T00:00:00Z',
    updatedAt: '2024-05-01T00:00:00Z',
  }),
  makeToken({
    id: 'aaaaaaaaaaaaaaa2',
    description: 'ci reader',
    user: 'user1',
    status: 'active',
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-02-01T00:00:00Z',
  }),
  makeToken({
    id: 'aaaaaaaaaaaaaaa3',
    description: 'backup',
    user: 'user2',
    status: 'active',
    createdAt: '2024-01-02T00:00:00Z',
    updatedAt: '2024-04-01T00:00:00Z',
  }),
  makeToken({
    id: 'bbbbbbbbbbbbbbb4',
    description: 'grafana',
    user: 'admin',
    status: 'inactive',
    createdAt: '2024-01-04T00:00:00Z',
    updatedAt: '2024-03-01T00:00:00Z',
  }),
];

/** Descriptions of the rows shown, top to bottom. */
function shownDescriptions(): string[] {
  const table = screen.getByRole('table', { name: 'API tokens' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('button')[0]!.textContent ?? '');
}

describe('filtering and sorting through the URL', () => {
  it('reads filter, status, owner and sort from the URL', async () => {
    new FakeInflux({ tokens });
    renderApp('/tokens?q=ci&status=inactive&owner=user2&sort=created&dir=desc');
    await screen.findByRole('button', { name: 'CI writer' });
    expect(shownDescriptions()).toEqual(['CI writer']);
    expect(screen.getByRole('searchbox', { name: 'Filter tokens' })).toHaveValue('ci');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('inactive');
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue('user2');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveDisplayValue('Created (newest first)');
    expect(screen.getByText('1 of 4 tokens')).toBeInTheDocument();
  });

  it('filters case-insensitively over description, ID and owner as one types, and writes it to the URL', async () => {
    new FakeInflux({ tokens });
    const { user, url } = renderApp();
    await screen.findByRole('button', { name: 'backup' });
    const filter = screen.getByRole('searchbox', { name: 'Filter tokens' });

    await user.type(filter, 'CI');
    await waitFor(() => expect(shownDescriptions()).toEqual(['ci reader', 'CI writer']));
    expect(url()).toBe('/tokens?q=CI');

    await user.clear(filter);
    await user.type(filter, 'BBBB');
    await waitFor(() => expect(shownDescriptions()).toEqual(['grafana']));

    await user.clear(filter);
    await user.type(filter, 'user2');
    await waitFor(() => expect(shownDescriptions()).toEqual(['backup', 'CI writer']));
    expect(filter).toHaveValue('user2');
  });

  it('writes status, owner and sort choices to the URL, and the back button restores the view', async () => {
    new FakeInflux({ tokens });
    const { user, url, router } = renderApp();
    await screen.findByRole('button', { name: 'backup' });
    expect(shownDescriptions()).toEqual(['backup', 'ci reader', 'CI writer', 'grafana']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'active');
    await waitFor(() => expect(shownDescriptions()).toEqual(['backup', 'ci reader']));
    expect(url()).toBe('/tokens?status=active');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'user2');
    await waitFor(() => expect(shownDescriptions()).toEqual(['backup']));
    expect(url()).toBe('/tokens?status=active&owner=user2');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'all');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Created (newest first)');
    await waitFor(() => expect(shownDescriptions()).toEqual(['CI writer', 'backup']));
    expect(url()).toBe('/tokens?owner=user2&sort=created&dir=desc');

    await act(() => router.navigate(-1));
    await waitFor(() => expect(shownDescriptions()).toEqual(['backup', 'CI writer']));
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveDisplayValue('Description (A → Z)');

    await act(() => router.navigate(-1));
    await act(() => router.navigate(-1));
    await waitFor(() => expect(shownDescriptions()).toEqual(['backup', 'ci reader']));
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue('');
  });

  it('sorts by status, created and last modified both ways', async () => {
    new FakeInflux({ tokens });
    const { user } = renderApp('/tokens?sort=status&dir=asc');
    await screen.findByRole('button', { name: 'backup' });
    expect(shownDescriptions()).toEqual(['backup', 'ci reader', 'CI writer', 'grafana']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Status (inactive first)');
    await waitFor(() => expect(shownDescriptions()).toEqual(['CI writer', 'grafana', 'backup', 'ci reader']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Created (oldest first)');
    await waitFor(() => expect(shownDescriptions()).toEqual(['ci reader', 'backup', 'CI writer', 'grafana']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Last modified (newest first)');
    await waitFor(() => expect(shownDescriptions()).toEqual(['CI writer', 'backup', 'grafana', 'ci reader']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Description (Z → A)');
    await waitFor(() => expect(shownDescriptions()).toEqual(['grafana', 'CI writer', 'ci reader', 'backup']));
  });

  it('takes the filter text from the URL when the back button changes it', async () => {
    new FakeInflux({ tokens });
    const { user, router } = renderApp();
    await screen.findByRole('button', { name: 'backup' });
    const filter = screen.getByRole('searchbox', { name: 'Filter tokens' });
    await user.type(filter, 'graf');
    await waitFor(() => expect(shownDescriptions()).toEqual(['grafana']));
    await act(() => router.navigate(-1));
    await waitFor(() => expect(filter).toHaveValue(''));
    expect(shownDescriptions()).toHaveLength(4);
  });

  it('offers each owner once, from the tokens themselves', async () => {
    new FakeInflux({ tokens });
    renderApp();
    await screen.findByRole('button', { name: 'backup' });
    const options = within(screen.getByRole('combobox', { name: 'Owner' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['All', 'admin', 'user1', 'user2']);
  });
});
