import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ADMIN_USER, FakeInflux } from '../../testing/fake-influx';
import { mswServer } from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';
import { allAccessPermissions, bucketPermission, makeToken, operatorPermissions } from '../../testing/token-factory';

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const read = bucketPermission('read', 'b000000000000001', 'telemetry');
const write = bucketPermission('write', 'b000000000000001', 'telemetry');

/** A varied org: each check finds a known number of tokens. */
function orgTokens() {
  const recent = ago(1);
  return [
    makeToken({
      id: 'a000000000000001',
      description: "admin's Token",
      user: 'admin',
      permissions: operatorPermissions(),
      updatedAt: recent,
    }),
    makeToken({
      id: 'a000000000000002',
      description: 'grafana',
      permissions: allAccessPermissions(),
      updatedAt: recent,
    }),
    makeToken({
      id: 'a000000000000003',
      description: 'backup',
      user: 'user2',
      permissions: allAccessPermissions(),
      updatedAt: recent,
    }),
    makeToken({
      id: 'a000000000000004',
      description: 'ci 1',
      user: 'user2',
      permissions: [read, write],
      updatedAt: recent,
    }),
    makeToken({
      id: 'a000000000000005',
      description: 'ci 2',
      user: 'user2',
      permissions: [write, read],
      updatedAt: recent,
    }),
    makeToken({ id: 'a000000000000006', description: 'old dashboard', permissions: [read], updatedAt: ago(120) }),
    makeToken({
      id: 'a000000000000007',
      description: '',
      status: 'inactive',
      permissions: [write],
      updatedAt: ago(45),
    }),
  ];
}

function setup(arrange?: (influx: FakeInflux) => void, path = '/cleanup') {
  const influx = new FakeInflux({ tokens: orgTokens() });
  influx.governance.seedExpiry('a000000000000002', inDays(3));
  influx.governance.seedExpiry('a000000000000003', inDays(30));
  influx.governance.seedExpiry('a000000000000006', ago(1), 'overdue');
  arrange?.(influx);
  return { influx, ...renderApp(path) };
}

/** The check titled `title`: its heading holds the count (a link when there is something to see). */
async function check(title: string) {
  const name = (accessibleName: string) => accessibleName.endsWith(title);
  return within(await screen.findByRole('listitem', { name }));
}

describe('the Health view', { timeout: 20_000 }, () => {
  it('counts each kind of token to clean up, says what each means, and links to exactly those', async () => {
    const { url, user } = setup();
    expect(await screen.findByRole('heading', { name: 'Health', level: 1 })).toBeInTheDocument();
    const expected: [string, number, string][] = [
      ['All-access tokens', 2, 'all-access'],
      ['Operator tokens', 1, 'operator'],
      ['Never expire', 4, 'no-expiry'],
      ['Expire within 7 days', 1, 'expiring-soon'],
      ['Expiry overdue', 1, 'expiry-overdue'],
      ['Active, unchanged for 90+ days', 1, 'stale-active'],
      ['Inactive for 30+ days', 1, 'old-inactive'],
      ['Duplicates', 2, 'duplicates'],
      ['No real description', 2, 'unnamed'],
    ];
    for (const [title, count, key] of expected) {
      const link = (await check(title)).getByRole('link');
      expect(link).toHaveAccessibleName(`${count} ${title}`);
      expect(link).toHaveAttribute('href', `/tokens?check=${key}`);
    }
    expect((await check('All-access tokens')).getByText(/^Read and write everything in the org/)).toBeInTheDocument();
    expect((await check('Duplicates')).getByText(/^Same owner and same permissions/)).toBeInTheDocument();
    expect((await check('Inactive for 30+ days')).getByText(/candidates to delete\.$/)).toBeInTheDocument();
    // Nothing found: a plain zero, nothing to open.
    const ownerGone = await check('Owner no longer exists');
    expect(ownerGone.getByRole('heading')).toHaveTextContent('0 Owner no longer exists');
    expect(ownerGone.queryByRole('link')).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'Last use: InfluxDB does not record when a token was last used, so this view cannot tell which tokens are unused.',
      ),
    ).toBeInTheDocument();

    await user.click((await check('All-access tokens')).getByRole('link'));
    expect(url()).toBe('/tokens?check=all-access');
  });

  it('says why expiry is unknown when the console cannot keep expiry dates, and counts the rest', async () => {
    setup((influx) => {
      influx.governance.available = false;
      influx.governance.unavailableReason = 'the console holds no token of its own (INFLUX_TOKEN is not set).';
    });
    for (const title of ['Never expire', 'Expire within 7 days', 'Expiry overdue']) {
      const row = await check(title);
      expect(
        row.getByText('Expiry unknown: the console holds no token of its own (INFLUX_TOKEN is not set).'),
      ).toBeInTheDocument();
      expect(row.queryByRole('link')).not.toBeInTheDocument();
    }
    expect((await check('All-access tokens')).getByRole('link')).toHaveAccessibleName('2 All-access tokens');
  });

  it('finds tokens whose owner is gone', async () => {
    const gone = makeToken({ id: 'a000000000000009', userID: '1000000000000099', user: '', updatedAt: ago(1) });
    setup((influx) => {
      influx.tokens.push(gone);
      mswServer.use(http.get('/api/v2/users', () => HttpResponse.json({ links: {}, users: [ADMIN_USER] })));
    });
    const link = (await check('Owner no longer exists')).getByRole('link');
    expect(link).toHaveAccessibleName('1 Owner no longer exists');
    expect(link).toHaveAttribute('href', '/tokens?check=owner-gone');
  });

  it('says the owners cannot be told when the users cannot be read', async () => {
    setup((influx) => influx.failNext('GET', 403, 'read:users is not allowed', /\/api\/v2\/users$/, 'forbidden'));
    const row = await check('Owner no longer exists');
    expect(await row.findByText('Unknown: could not read the users (read:users is not allowed).')).toBeInTheDocument();
    expect(row.queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows a failed token list with Retry', async () => {
    const { user } = setup((influx) => influx.failNext('GET', 503, 'InfluxDB is restarting', /authorizations$/));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not check the tokens');
    expect(alert).toHaveTextContent('InfluxDB is restarting');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect((await check('All-access tokens')).getByRole('link')).toHaveAccessibleName('2 All-access tokens');
  });

  it('is linked from the tokens page, and links back to it', async () => {
    const { url, user } = setup(undefined, '/tokens');
    await user.click(await screen.findByRole('link', { name: 'Health' }));
    expect(url()).toBe('/cleanup');
    expect(await screen.findByRole('heading', { name: 'Health', level: 1 })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'API Tokens' }));
    await waitFor(() => expect(url()).toBe('/tokens'));
  });
});
