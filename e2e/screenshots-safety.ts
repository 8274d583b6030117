// Screenshots of the states issue 13 (safety, layout, focus) changed, light, dark and 420 px, for a person to look at.
// Run: npx vite build && npx tsx e2e/screenshots-safety.ts [outDir]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { failListRefreshes } from './support/refresh-failure';
import { launchTestChromium } from './support/test-browser';
import { SCREENSHOT_VIEWS, viewContext } from './support/screenshot-views';
import { startProduct } from '../server/app/start';

const outDir = resolve(process.argv[2] ?? 'test-results/screenshots-safety');
const only = process.argv[3];

async function shoot(browser: Browser, name: string, url: string, steps: (page: Page) => Promise<unknown>) {
  for (const layout of SCREENSHOT_VIEWS) {
    const context = await viewContext(browser, layout);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'API Tokens' }).waitFor();
    await page.waitForLoadState('networkidle');
    await steps(page);
    await page.waitForTimeout(300);
    const file = join(outDir, `${name}-${layout.suffix}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await context.close();
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-shots-'));
  const product = await startProduct({ dataDir });
  const browser = await launchTestChromium();
  const base = `${product.url}/tokens`;
  const shots: Record<string, [string, (page: Page) => Promise<unknown>]> = {
    'list-own-token': [base, async () => {}],
    selecting: [
      base,
      (page) =>
        page
          .getByRole('checkbox', { name: /^Select (?!all)/ })
          .first()
          .check(),
    ],
    'focus-checkbox': [
      base,
      async (page) => {
        await page.getByRole('checkbox', { name: /^Select all/ }).focus();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Shift+Tab');
      },
    ],
    'focus-row-checkbox': [
      base,
      async (page) => {
        await page
          .getByRole('checkbox', { name: /^Select (?!all)/ })
          .first()
          .focus();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Shift+Tab');
      },
    ],
    'own-delete': [
      base,
      async (page) => {
        await page.getByRole('button', { name: "Actions for admin's Token" }).click();
        await page.getByRole('menuitem', { name: 'Delete' }).click();
      },
    ],
    'own-bulk': [
      base,
      async (page) => {
        await page.getByRole('checkbox', { name: /^Select all/ }).check();
        await page.getByRole('region', { name: 'Selected tokens' }).getByRole('button', { name: 'Delete' }).click();
      },
    ],
    'filters-open': [
      base,
      async (page) => {
        const fold = page.getByRole('button', { name: /^Filters/ });
        if (await fold.isVisible()) await fold.click();
      },
    ],
    'sorted-owner': [`${base}?sort=owner&dir=desc&perm=write:foo`, async () => {}],
    'no-matches': [`${base}?q=zzz&status=inactive&owner=user2`, async () => {}],
    'skip-link': [base, (page) => page.keyboard.press('Tab')],
    'own-drawer': [base, (page) => page.getByRole('button', { name: "admin's Token", exact: true }).click()],
    'refresh-failed': [
      base,
      async (page) => {
        await failListRefreshes(page);
        await page.getByText('Could not refresh the list').waitFor({ timeout: 20_000 });
      },
    ],
  };
  try {
    for (const [name, [url, steps]] of Object.entries(shots))
      if (!only || name === only) await shoot(browser, name, url, steps);
    if (!only || only === 'own-lost') {
      const client = { base: product.standin.url, token: product.standin.operatorToken };
      const own = (await (await fetch(`${product.url}/api/app/own-token`)).json()) as { id: string };
      await fetch(`${client.base}/api/v2/authorizations/${own.id}`, {
        method: 'PATCH',
        headers: { authorization: `Token ${client.token}`, 'content-type': 'application/json' },
        body: '{"status":"inactive"}',
      });
      for (const layout of SCREENSHOT_VIEWS) {
        const context = await viewContext(browser, layout);
        const page = await context.newPage();
        await page.goto(base);
        await page.getByText("This page's own token no longer works").waitFor();
        await page.screenshot({ path: join(outDir, `own-lost-${layout.suffix}.png`) });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await product.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
