// Two InfluxDBs from one console: the product's stand-in as "dev" (the default) and a second stand-in as "prod",
// marked production, as INFLUX_CONFIGS=dev,prod with INFLUX_PRODUCTION=prod would offer them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInfluxClient } from '../core/influx-client';
import { startProduct, type RunningProduct } from '../server/app/start';
import { startStandin, type RunningStandin } from '../server/standin/start';
import { expect, test as base } from './fixtures';

const test = base.extend<{ two: { product: RunningProduct; prod: RunningStandin } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured first argument.
  two: async ({}, use) => {
    const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'token-manager-e2e-')));
    const prod = await startStandin({ dataDir: dirs[1]!, port: 0, host: '127.0.0.1' });
    const product = await startProduct({
      dataDir: dirs[0]!,
      connectionName: 'dev',
      moreConnections: [
        { name: 'prod', upstreamUrl: prod.url, serverToken: prod.operatorToken, org: null, production: true },
      ],
    });
    try {
      await use({ product, prod });
    } finally {
      await product.close();
      await prod.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  },
});

test('switches connection by keyboard; prod is marked on the page and in confirmations; URLs reload in place', async ({
  page,
  two: { product, prod },
}) => {
  const prodClient = createInfluxClient({ baseUrl: prod.url, token: prod.operatorToken });
  const mine = await prodClient.listAuthorizations({ orgID: prod.orgID });
  const target = mine.find((t) => t.description === 'dashboards viewer')!;
  await prodClient.updateAuthorization(target.id, { description: 'dashboards viewer (prod)' });

  await page.goto(`${product.url}/tokens`);
  await expect(page.getByRole('button', { name: 'dashboards viewer', exact: true })).toBeVisible();
  await expect(page.getByText(/^Production:/)).toHaveCount(0);
  await page.getByRole('button', { name: /Connection: dev/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitemradio', { name: /^dev/ })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('p');
  await expect(page.getByRole('menuitemradio', { name: /^prod/ })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(`${product.url}/c/prod/tokens`);
  await expect(page.getByRole('button', { name: 'dashboards viewer (prod)', exact: true })).toBeVisible();
  await expect(page.getByText('Production: prod').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'dashboards viewer (prod)', exact: true })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Select dashboards viewer (prod)' }).click();
  await page.getByRole('region', { name: 'Selected tokens' }).getByRole('button', { name: 'Deactivate' }).click();
  const question = page.getByRole('alertdialog', { name: 'Deactivate 1 token on prod?' });
  await expect(question).toBeVisible();
  await expect(question.getByText('Production: prod')).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  expect((await prodClient.getAuthorization(target.id)).status).toBe('active');
});

test('a connection that does not answer shows its own error; the default stays usable', async ({
  page,
  two: { product, prod },
}) => {
  await prod.close();
  await page.goto(`${product.url}/c/prod/tokens`);
  await expect(page.getByRole('alert').filter({ hasText: 'connection "prod"' })).toBeVisible({ timeout: 20_000 });
  await page.goto(`${product.url}/tokens`);
  await expect(page.getByRole('button', { name: 'dashboards viewer', exact: true })).toBeVisible();
});

test('an unknown connection name is refused, in the page and by the API', async ({ page, two: { product } }) => {
  await page.goto(`${product.url}/c/staging/tokens`);
  await expect(page.getByRole('alert')).toContainText('This console offers no connection named “staging”');
  const api = await page.request.get(`${product.url}/c/staging/api/v2/authorizations`);
  expect(api.status()).toBe(404);
  expect((await api.json()).message).toContain('No connection named "staging"');
});

test('Find token searches both connections and opens the match on prod', async ({ page, two: { product, prod } }) => {
  const prodClient = createInfluxClient({ baseUrl: prod.url, token: prod.operatorToken });
  const [leaked] = await prodClient.listAuthorizations({ orgID: prod.orgID });
  await page.goto(`${product.url}/tokens`);
  const box = page.getByRole('searchbox', { name: 'Find token by ID or description' });
  await box.fill(leaked!.id);
  await box.press('Enter');
  const link = page.getByRole('link', { name: leaked!.description!, exact: true });
  await expect(link).toBeVisible();
  await expect(page.getByRole('row').filter({ has: link })).toContainText('prod');
  await link.click();
  await expect(page).toHaveURL(`${product.url}/c/prod/orgs/${prod.orgID}/tokens/${leaked!.id}`);
  await expect(page.getByRole('dialog').getByRole('switch', { name: 'Active' })).toBeVisible();
});
