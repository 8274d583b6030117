import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeInflux } from '../testing/fake-influx';
import { renderApp } from '../testing/render-app';
import { makeToken, ORG_ID, ORG_NAME } from '../testing/token-factory';

const DEV = { name: 'dev', upstream: 'http://dev.example:8086', production: false, org: null, needsToken: false };
const PROD = { name: 'prod', upstream: 'https://prod.example', production: true, org: null, needsToken: false };
const PROD_ORG = '0c0c0c0c0c0c0c01';

/** dev (the default, at /api/…) and prod (at /c/prod/api/…), each an InfluxDB with its own tokens. */
function twoConnections() {
  const dev = new FakeInflux({
    config: { mode: 'influx', upstream: DEV.upstream, connection: 'dev', connections: [DEV, PROD] },
    tokens: [makeToken({ id: 'aaaaaaaaaaaaaaa1', description: 'telegraf writer (dev)' })],
  });
  const prod = new FakeInflux({
    prefix: '/c/prod',
    orgs: [{ id: PROD_ORG, name: 'acme' }],
    tokens: [
      makeToken({ id: 'bbbbbbbbbbbbbbb1', description: 'telegraf writer (prod)', orgID: PROD_ORG, org: 'acme' }),
      makeToken({ id: 'bbbbbbbbbbbbbbb2', description: 'grafana reader', orgID: PROD_ORG, org: 'acme' }),
    ],
  });
  return { dev, prod };
}

describe('several connections', () => {
  it("shows another connection's tokens under /c/<name>/, with its name, host and production mark", async () => {
    const { dev, prod } = twoConnections();
    renderApp('/c/prod/tokens');
    await screen.findByRole('button', { name: 'grafana reader' });
    expect(screen.queryByRole('button', { name: 'telegraf writer (dev)' })).toBeNull();
    expect(
      screen.getByRole('button', { name: /^Connection: prod \(https:\/\/prod\.example, production\)/ }),
    ).toBeVisible();
    expect(screen.getByText('Production: prod')).toBeVisible();
    expect(screen.getByRole('button', { name: /^Org: acme/ })).toBeVisible();
    // Every request went to prod's path; none to dev's InfluxDB.
    expect(prod.requests.length).toBeGreaterThan(0);
    expect(dev.requests.filter((r) => r.path.startsWith('/api/v2/'))).toEqual([]);
  });

  it('names the production connection in every confirmation', async () => {
    twoConnections();
    const { user } = renderApp('/c/prod/tokens');
    await user.click(await screen.findByRole('checkbox', { name: 'Select grafana reader' }));
    await user.click(
      within(screen.getByRole('region', { name: 'Selected tokens' })).getByRole('button', { name: 'Deactivate' }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate 1 token on prod?' });
    expect(within(dialog).getByText('Production: prod')).toBeVisible();
  });

  it('switches connection from the header by keyboard, to that connection’s default org', async () => {
    twoConnections();
    const { user, url } = renderApp('/tokens');
    await screen.findByRole('button', { name: 'telegraf writer (dev)' });
    expect(screen.queryByText(/^Production:/)).toBeNull();
    screen.getByRole('button', { name: /^Connection: dev/ }).focus();
    await user.keyboard('{Enter}');
    const prodItem = await screen.findByRole('menuitemradio', { name: /^prod/ });
    expect(screen.getByRole('menuitemradio', { name: /^dev/ })).toHaveAttribute('aria-checked', 'true');
    prodItem.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('button', { name: 'grafana reader' });
    expect(url()).toBe('/c/prod/tokens');
  });

  it('says so for a connection name the server does not offer, and lists the ones it does', async () => {
    twoConnections();
    renderApp('/c/staging/tokens');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This console offers no connection named “staging”. It offers: dev, prod.');
  });

  it('leaves the others usable when one connection does not answer', async () => {
    const { prod } = twoConnections();
    // Down: every try fails (the page retries a 502 twice).
    for (let i = 0; i < 3; i++)
      prod.failNext('GET', 502, 'InfluxDB at https://prod.example (connection "prod") is unreachable', /orgs/);
    renderApp('/c/prod/tokens');
    expect(await screen.findByText(/connection "prod"\) is unreachable/)).toBeVisible();
    const { unmount } = renderApp('/tokens');
    expect(await screen.findAllByRole('button', { name: 'telegraf writer (dev)' })).not.toHaveLength(0);
    unmount();
  });
});

describe('Find token by ID or description', () => {
  it('searches every org of every connection and links each match to its drawer', async () => {
    twoConnections();
    const { user, url } = renderApp('/tokens');
    await screen.findByRole('button', { name: 'telegraf writer (dev)' });
    await user.type(
      screen.getByRole('searchbox', { name: 'Find token by ID or description' }),
      'telegraf writer{Enter}',
    );
    expect(url()).toBe('/find?q=telegraf+writer');
    const tables = await screen.findAllByRole('table');
    await waitFor(() => expect(screen.getAllByRole('link', { name: /telegraf writer/ })).toHaveLength(2));
    expect(tables.length).toBeGreaterThan(0);
    const prodRow = screen.getByRole('link', { name: 'telegraf writer (prod)' }).closest('tr')!;
    expect(prodRow).toHaveTextContent('prod');
    expect(prodRow).toHaveTextContent('acme');
    expect(prodRow).toHaveTextContent('Active');
    await user.click(screen.getByRole('link', { name: 'telegraf writer (prod)' }));
    expect(url()).toBe(`/c/prod/orgs/${PROD_ORG}/tokens/bbbbbbbbbbbbbbb1`);
    await screen.findByRole('dialog', { name: /telegraf writer \(prod\)/ });
  });

  it('finds a token by its whole ID on whichever connection holds it', async () => {
    twoConnections();
    renderApp('/find?q=aaaaaaaaaaaaaaa1');
    const link = await screen.findByRole('link', { name: 'telegraf writer (dev)' });
    expect(link).toHaveAttribute('href', `/orgs/${ORG_ID}/tokens/aaaaaaaaaaaaaaa1`);
    expect(link.closest('tr')).toHaveTextContent(ORG_NAME);
    expect(await screen.findByText('No token matches “aaaaaaaaaaaaaaa1” on prod.')).toBeVisible();
  });
});
