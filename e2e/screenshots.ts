// Takes Chromium screenshots of each state of the tokens page, for a person to look at (not a test).
// Run: npx tsx e2e/screenshots.ts [outDir]   (builds nothing: run `npm run build` first)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { viewContext } from './support/screenshot-views';
import { launchTestChromium } from './support/test-browser';
import { startProduct } from '../server/app/start';
import { createInfluxClient } from '../core/influx-client';

const outDir = resolve(process.argv[2] ?? 'test-results/screenshots');
async function shoot(
  browser: Browser,
  name: string,
  url: string,
  options: {
    width?: number;
    height?: number;
    dark?: boolean;
    waitForText?: string;
    prepare?: (page: Page) => Promise<unknown>;
    after?: (page: Page) => Promise<void>;
  } = {},
) {
  const context = await viewContext(browser, {
    width: options.width ?? 1280,
    height: options.height ?? 800,
    dark: options.dark ?? false,
  });
  const page = await context.newPage();
  await options.prepare?.(page);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  if (options.waitForText) await page.getByText(options.waitForText).first().waitFor({ timeout: 15_000 });
  await options.after?.(page);
  await page.waitForTimeout(300);
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
  await context.close();
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-shots-'));
  const product = await startProduct({ dataDir });
  const browser = await launchTestChromium();
  try {
    const influx = createInfluxClient({ baseUrl: product.standin.url, token: product.standin.operatorToken });
    const tokens = await influx.listAuthorizations({ orgID: product.standin.orgID });
    const withPermissions = tokens.find((t) => t.description === "user1's all-access token") ?? tokens[0]!;
    const base = `${product.url}/tokens`;

    await shoot(browser, 'list-light', base);
    await shoot(browser, 'list-dark', base, { dark: true });
    await shoot(browser, 'list-narrow-420', base, { width: 420, height: 860 });
    await shoot(browser, 'list-filtered', `${base}?owner=user2&sort=created&dir=desc`);
    await shoot(browser, 'drawer-light', `${base}/${withPermissions.id}`);
    await shoot(browser, 'drawer-dark', `${base}/${withPermissions.id}`, { dark: true });
    await shoot(browser, 'drawer-narrow-420', `${base}/${withPermissions.id}`, { width: 420, height: 860 });
    await shoot(browser, 'rename-editing', base, {
      after: (page) => page.getByRole('button', { name: 'Edit description' }).nth(1).click(),
    });
    await shoot(browser, 'drawer-toggled-toast', `${base}/${withPermissions.id}`, {
      after: async (page) => {
        await page.getByRole('switch', { name: 'Active' }).click();
        await page.getByText('deactivated').waitFor();
      },
    });
    await shoot(browser, 'rename-failed-dark', base, {
      dark: true,
      prepare: (page) =>
        page.route('**/api/v2/authorizations/*', (route) =>
          route.request().method() === 'PATCH'
            ? route.fulfill({
                status: 502,
                json: {
                  code: 'unavailable',
                  message: `InfluxDB at ${product.standin.url} is unreachable: connection refused`,
                },
              })
            : route.fallback(),
        ),
      after: async (page) => {
        await page.getByRole('button', { name: 'Edit description' }).nth(1).click();
        await page.keyboard.type('wall screen viewer');
        await page.keyboard.press('Enter');
        await page.getByRole('alert').waitFor();
      },
    });
    await shoot(browser, 'no-match', `${base}?q=nothing-like-this`);
    await shoot(browser, 'empty', base, {
      prepare: (page) =>
        page.route('**/api/v2/authorizations?*', (route) =>
          route.fulfill({ json: { links: { self: '/api/v2/authorizations' }, authorizations: [] } }),
        ),
    });
    await shoot(browser, 'error', base, {
      waitForText: 'Could not load API tokens',
      prepare: (page) =>
        page.route('**/api/v2/authorizations?*', (route) =>
          route.fulfill({
            status: 502,
            json: {
              code: 'unavailable',
              message: `InfluxDB at ${product.standin.url} is unreachable: connection refused (is it running, and on that port?)`,
            },
          }),
        ),
    });
    await shoot(browser, 'signed-out', base, {
      prepare: (page) =>
        page.route('**/api/app/config', (route) =>
          route.fulfill({
            json: { mode: 'influx', upstream: 'https://cloud2.influxdata.com', org: 'my-org', needsToken: true },
          }),
        ),
    });
    await shoot(browser, 'signed-out-dark', base, {
      dark: true,
      prepare: (page) =>
        page.route('**/api/app/config', (route) =>
          route.fulfill({
            json: { mode: 'influx', upstream: 'https://cloud2.influxdata.com', org: 'my-org', needsToken: true },
          }),
        ),
    });
  } finally {
    await browser.close();
    await product.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
