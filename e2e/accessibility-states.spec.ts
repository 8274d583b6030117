// Axe scans of the states around the list, in light and dark: the sign-in form (also with its messages), the list
// failing to load with InfluxDB down, an org without tokens, and filters matching nothing. No serious or critical
// violations. (The list and the drawer are scanned in accessibility.spec.ts.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer } from '../server/app/app-server';
import { newId } from '../server/standin/ids';
import { startStandin } from '../server/standin/start';
import { StandinStore } from '../server/standin/store';
import { seriousViolations } from './support/axe';
import { distDir, expect, test } from './support/fault-fixtures';

test('the sign-in form, empty, with a missing token and with a refused one', async ({ page, product }) => {
  const app = await startAppServer({ mode: 'influx', upstreamUrl: product.standin.url, org: null, staticDir: distDir });
  try {
    await page.goto(`${app.url}/tokens`);
    await expect(page.getByRole('textbox', { name: 'API token' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('textbox', { name: 'API token' })).toHaveAttribute('aria-invalid', 'true');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('textbox', { name: 'API token' }).fill('not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('InfluxDB refused the token');
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await app.close();
  }
});

test('the error state: InfluxDB down when the page loads', async ({ page, faulty }) => {
  await faulty.upstream.setMode('down');
  await page.goto(`${faulty.url}/tokens`);
  const failed = page.getByRole('alert').filter({ hasText: 'Could not load API tokens' });
  await expect(failed).toContainText(`InfluxDB at ${faulty.upstream.url} is unreachable`, { timeout: 15_000 });
  await expect(failed.getByRole('button', { name: 'Retry' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the empty state: an org without tokens', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-e2e-empty-'));
  const standin = await startStandin({ dataDir, port: 0 });
  // A second org, added beside the running stand-in (it rereads orgs when the database changes).
  const store = StandinStore.open(dataDir);
  const now = new Date().toISOString();
  store.insertOrg({ id: newId(), name: 'empty-org', description: '', createdAt: now, updatedAt: now });
  store.close();
  const app = await startAppServer({
    mode: 'standin',
    upstreamUrl: standin.url,
    serverToken: standin.operatorToken,
    org: 'empty-org',
    staticDir: distDir,
  });
  try {
    await page.goto(`${app.url}/tokens`);
    await expect(page.getByRole('heading', { name: "Looks like there aren't any API tokens yet" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await app.close();
    await standin.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the no-match state: filters that match nothing', async ({ page, product }) => {
  await page.goto(`${product.url}/tokens?q=no-such-token-anywhere&status=inactive`);
  await expect(page.getByRole('heading', { name: 'No API tokens match your filters' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clear filters' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
