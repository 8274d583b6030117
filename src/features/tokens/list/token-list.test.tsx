import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../../../testing/fake-influx';
import { renderApp } from '../../../testing/render-app';
import { allAccessPermissions, bucketPermission, makeToken, operatorPermissions } from '../../../testing/token-factory';
import { formatDateTime } from '../../../lib/format-time';

describe('the token list', () => {
  it('redirects / to /tokens and shows every token of the org as a row', async () => {
    const created = '2024-02-03T04:05:06Z';
    new FakeInflux({
      tokens: [
        makeToken({
          description: "admin's Token",
          user: 'admin',
          permissions: operatorPermissions(),
          createdAt: created,
        }),
        makeToken({ description: 'all of my-org', user: 'admin', permissions: allAccessPermissions() }),
        makeToken({
          description: 'ci writer',
          user: 'user2',
          status: 'inactive',
          permissions: [bucketPermission('write', 'b1', 'my-bucket')],
        }),
        makeToken({
          description: '',
          user: 'user1',
          permissions: [bucketPermission('read', 'b1', 'a'), bucketPermission('read', 'b2', 'b')],
        }),
      ],
    });
    const { url } = renderApp('/');

    expect(await screen.findByRole('heading', { name: 'API Tokens' })).toBeVisible();
    expect(url()).toBe('/tokens');
    const admin = (await screen.findByRole('button', { name: "admin's Token" })).closest('[role="row"]') as HTMLElement;
    expect(within(admin).getByText('Operator')).toBeInTheDocument();
    expect(within(admin).getByText('Active')).toBeInTheDocument();
    expect(within(admin).getByText('admin')).toBeInTheDocument();
    const createdCell = within(admin).getByText(formatDateTime(created));
    expect(createdCell).toHaveAttribute('title', created);

    const ci = screen.getByRole('button', { name: 'ci writer' }).closest('[role="row"]') as HTMLElement;
    expect(within(ci).getByText('Inactive')).toBeInTheDocument();
    expect(within(ci).getByText('Write my-bucket')).toBeInTheDocument();
    expect(within(ci).getByText('user2')).toBeInTheDocument();

    const unnamed = screen.getByRole('button', { name: '(no description)' }).closest('[role="row"]') as HTMLElement;
    expect(within(unnamed).getByText('Read 2 buckets')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'all of my-org' }).closest('[role="row"]')).toHaveTextContent(
      'All access',
    );

    const table = screen.getByRole('table', { name: 'API tokens' });
    expect(table).toHaveAttribute('aria-rowcount', '5');
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(screen.getByText('4 tokens')).toBeInTheDocument();
    expect(within(ci).getAllByRole('button', { name: 'Edit description' })).toHaveLength(1);
  });

  it('shows how long ago a token changed, with the exact time in the title', async () => {
    const updated = new Date(Date.now() - 3 * 60_000 - 5_000).toISOString();
    new FakeInflux({ tokens: [makeToken({ description: 'recent', updatedAt: updated })] });
    renderApp();
    const row = (await screen.findByRole('button', { name: 'recent' })).closest('[role="row"]') as HTMLElement;
    const modified = within(row).getByText('3 minutes ago');
    expect(modified.getAttribute('title')).toContain(formatDateTime(updated));
  });

  it('renders only the rows near the viewport among 100,000 tokens', async () => {
    const tokens = Array.from({ length: 100_000 }, (_, i) =>
      makeToken({ id: i.toString(16).padStart(16, '0'), description: `token ${String(i).padStart(6, '0')}` }),
    );
    new FakeInflux({ tokens });
    renderApp();
    expect(await screen.findByRole('button', { name: 'token 000000' }, { timeout: 25_000 })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'API tokens' });
    expect(table).toHaveAttribute('aria-rowcount', '100001');
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[1]).toHaveAttribute('aria-rowindex', '2');
    expect(screen.getByText('100,000 tokens')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'token 099999' })).not.toBeInTheDocument();
  }, 40_000);
});
