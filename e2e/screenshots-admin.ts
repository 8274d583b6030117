// Screenshots of the token admin's quick paths (row menu, bulk toast and report, Rotate, Generate with owner,
// permission tooltip, the just-made row), each light, dark and 420 px wide, for a person to look at (not a test).
// Run: npx tsx e2e/screenshots-admin.ts [outDir]   (builds nothing: run `npm run build` first)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchTestChromium } from './support/test-browser';
import { SCREENSHOT_VIEWS, viewContext } from './support/screenshot-views';
import { startProduct } from '../server/app/start';

const outDir = resolve(process.argv[2] ?? 'test-results/screenshots-admin');
/** SHOTS=name,name takes only those (e.g. SHOTS=permission-tooltip). */
const only = process.env.SHOTS?.split(',');

/** Each variant on a fresh stand-in, since the steps change tokens. `path` is below the app's origin. */
async function shoot(browser: Browser, name: string, path: string, after: (page: Page) => Promise<unknown>) {
  if (only && !only.includes(name)) return;
  for (const v of SCREENSHOT_VIEWS) {
    const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-shots-'));
    const product = await startProduct({ dataDir });
    const url = `${product.url}${path}`;
    const context = await viewContext(browser, v);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(url);
    await page.getByRole('heading', { name: 'API Tokens' }).waitFor();
    await page.getByRole('row').nth(1).waitFor();
    await after(page);
    await page.waitForTimeout(400);
    const file = join(outDir, `${name}-${v.suffix}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await context.close();
    await product.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const row = (page: Page, description: string) =>
  page.getByRole('row').filter({ has: page.getByRole('button', { name: description, exact: true }) });

async function main() {
  mkdirSync(outDir, { recursive: true });
  const browser = await launchTestChromium();
  try {
    const base = '/tokens';
    await shoot(browser, 'row-menu', base, async (page) => {
      await row(page, "user2's telegraf writer")
        .getByRole('button', { name: /^Actions for/ })
        .click();
    });
    await shoot(browser, 'bulk-toast', base, async (page) => {
      await page.getByRole('checkbox', { name: "Select user2's telegraf writer" }).check();
      await page.getByRole('checkbox', { name: 'Select old CI token (revoked)' }).check();
      await page.getByRole('region', { name: 'Selected tokens' }).getByRole('button', { name: 'Deactivate' }).click();
      await page
        .getByRole('alertdialog')
        .getByRole('button', { name: /^Deactivate 1 token/ })
        .click();
      await page.locator('.toast').filter({ hasText: 'deactivated' }).waitFor();
      await page.mouse.move(5, 5);
    });
    await shoot(browser, 'bulk-confirm', base, async (page) => {
      await page.getByRole('checkbox', { name: "Select user2's telegraf writer" }).check();
      await page.getByRole('checkbox', { name: 'Select old CI token (revoked)' }).check();
      await page.getByRole('region', { name: 'Selected tokens' }).getByRole('button', { name: 'Deactivate' }).click();
    });
    await shoot(browser, 'bulk-details', base, async (page) => {
      await page.getByRole('checkbox', { name: "Select user2's telegraf writer" }).check();
      await page
        .getByRole('region', { name: 'Selected tokens' })
        .getByRole('button', { name: 'Activate', exact: true })
        .click();
      await page
        .getByRole('alertdialog')
        .getByRole('button', { name: 'Close' })
        .click()
        .catch(() => {});
      await page.getByRole('checkbox', { name: 'Select dashboards viewer' }).check();
      await page.getByRole('region', { name: 'Selected tokens' }).getByRole('button', { name: 'Deactivate' }).click();
      await page
        .getByRole('alertdialog')
        .getByRole('button', { name: /^Deactivate 2 tokens/ })
        .click();
      await page.locator('.toast').filter({ hasText: 'deactivated' }).getByRole('button', { name: 'Details' }).click();
    });
    await shoot(browser, 'rotate-confirm', base, async (page) => {
      await row(page, 'dashboards viewer')
        .getByRole('button', { name: /^Actions for/ })
        .click();
      await page.getByRole('menuitem', { name: /^Rotate/ }).click();
    });
    await shoot(browser, 'rotate-secret', base, async (page) => {
      await row(page, 'dashboards viewer')
        .getByRole('button', { name: /^Actions for/ })
        .click();
      await page.getByRole('menuitem', { name: /^Rotate/ }).click();
      await page.getByRole('button', { name: 'Create replacement' }).click();
      await page.getByRole('dialog', { name: 'Replacement created: copy it now' }).waitFor();
    });
    await shoot(browser, 'rotate-done', base, async (page) => {
      await row(page, 'dashboards viewer')
        .getByRole('button', { name: /^Actions for/ })
        .click();
      await page.getByRole('menuitem', { name: /^Rotate/ }).click();
      await page.getByRole('button', { name: 'Create replacement' }).click();
      const shown = page.getByRole('dialog', { name: 'Replacement created: copy it now' });
      await shown.getByRole('button', { name: 'Copy to clipboard' }).click();
      await shown.getByRole('button', { name: /deactivate old/ }).click();
      await page.locator('.toast').filter({ hasText: 'Rotated' }).waitFor();
    });
    await shoot(browser, 'custom-dialog', base, async (page) => {
      await page.getByRole('button', { name: 'Generate API Token' }).click();
      await page.getByRole('menuitem', { name: /Custom API Token/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Generate Custom API Token' });
      await dialog.getByRole('textbox', { name: 'Description' }).fill('ci reader');
      await dialog.getByRole('searchbox', { name: 'Filter buckets and resources' }).fill('my');
      await dialog.getByRole('checkbox', { name: 'Read every bucket shown' }).check();
      await dialog.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'user2' });
    });
    await shoot(browser, 'all-access-dialog', base, async (page) => {
      await page.getByRole('button', { name: 'Generate API Token' }).click();
      await page.getByRole('menuitem', { name: /All Access API Token/ }).click();
    });
    await shoot(browser, 'permission-tooltip', base, async (page) => {
      await row(page, "user1's all-access token").locator('.perm-summary').focus();
      await page.getByRole('tooltip').waitFor();
    });
    await shoot(browser, 'just-made-row', `${base}?sort=description&dir=asc`, async (page) => {
      await page.getByRole('button', { name: 'Generate API Token' }).click();
      await page.getByRole('menuitem', { name: /Custom API Token/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Generate Custom API Token' });
      await dialog.getByRole('textbox', { name: 'Description' }).fill('zz newest');
      await dialog.getByRole('checkbox', { name: 'Read dashboards' }).check();
      await dialog.getByRole('button', { name: 'Generate' }).click();
      const shown = page.getByRole('dialog', { name: /API token created/ });
      await shown.getByRole('button', { name: 'Copy to clipboard' }).click();
      await shown.getByRole('button', { name: 'Close' }).click();
      await page.waitForTimeout(300);
    });
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
