// Chromium screenshots of the token lifecycle and bulk UI (dialogs, menus, bulk bar), light, dark and narrow,
// for a person to look at (not a test). Run: npm run build && npx tsx e2e/screenshots-lifecycle.ts [outDir]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchTestChromium } from './support/test-browser';
import { SCREENSHOT_VIEWS, viewContext } from './support/screenshot-views';
import { startProduct, type RunningProduct } from '../server/app/start';
import { createInfluxClient } from '../core/influx-client';

const outDir = resolve(process.argv[2] ?? 'test-results/screenshots-lifecycle');

type Scene = (page: Page, product: RunningProduct) => Promise<unknown>;

async function openGenerate(page: Page, item: RegExp) {
  await page.getByRole('button', { name: 'Generate API Token' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function selectSome(page: Page) {
  for (const name of ['dashboards viewer', 'read all buckets', "user2's telegraf writer"]) {
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  }
}

const SCENES: Record<string, Scene> = {
  'generate-menu': (page) => page.getByRole('button', { name: 'Generate API Token' }).click(),
  'all-access-dialog': async (page) => {
    await openGenerate(page, /All Access/);
    await page.getByRole('textbox', { name: 'Description' }).fill('ops laptop');
  },
  'custom-dialog': async (page) => {
    await openGenerate(page, /Custom/);
    await page.getByRole('checkbox', { name: 'Write bucket telegraf' }).check();
    await page.getByRole('checkbox', { name: 'Read dashboards' }).check();
  },
  'custom-dialog-empty': async (page) => {
    await openGenerate(page, /Custom/);
    await page.getByRole('checkbox', { name: 'Read bucket telegraf' }).waitFor();
  },
  'custom-dialog-refused': async (page) => {
    await page.route('**/api/v2/authorizations', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 403,
            json: {
              code: 'forbidden',
              message: 'permission write:orgs/0a1b2c3d4e5f6071/buckets/0cb16b3948e40005 is not allowed',
            },
          })
        : route.fallback(),
    );
    await openGenerate(page, /Custom/);
    await page.getByRole('textbox', { name: 'Description' }).fill('wants to write');
    await page.getByRole('checkbox', { name: 'Write bucket telegraf' }).check();
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByRole('alert').waitFor();
  },
  'show-once': async (page) => {
    await openGenerate(page, /All Access/);
    await page.getByRole('textbox', { name: 'Description' }).fill('ops laptop');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByRole('dialog', { name: /API token created/ }).waitFor();
  },
  'show-once-manual-copy': async (page) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined });
      document.execCommand = () => false;
    });
    await page.reload();
    await openGenerate(page, /All Access/);
    await page.getByRole('textbox', { name: 'Description' }).fill('ops laptop');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByRole('button', { name: 'Copy to clipboard' }).click();
    await page.getByText('press Ctrl+C').waitFor();
  },
  'show-once-close-warning': async (page) => {
    await openGenerate(page, /All Access/);
    await page.getByRole('button', { name: 'Generate' }).click();
    await page
      .getByRole('dialog', { name: /API token created/ })
      .getByRole('button', { name: 'Close' })
      .click();
    await page.getByRole('alertdialog').waitFor();
  },
  'row-menu': (page) => page.getByRole('button', { name: 'Actions for dashboards viewer' }).click(),
  'delete-confirm': async (page) => {
    await page.getByRole('button', { name: 'Actions for dashboards viewer' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').waitFor();
  },
  'drawer-actions': async (page) => {
    await page.getByRole('button', { name: "user1's all-access token", exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clone' }).waitFor();
  },
  'bulk-bar': selectSome,
  'bulk-confirm': async (page) => {
    await selectSome(page);
    await page.getByRole('region', { name: 'Selected tokens' }).getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('alertdialog').waitFor();
  },
  'bulk-progress': async (page) => {
    await page.route('**/api/v2/authorizations/*', async (route) => {
      if (route.request().method() === 'PATCH') await new Promise((r) => setTimeout(r, 60_000));
      await route.fallback();
    });
    await selectSome(page);
    await page.getByRole('region', { name: 'Selected tokens' }).getByRole('button', { name: 'Deactivate' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /^Deactivate 3/ })
      .click();
    await page.getByRole('progressbar').waitFor();
  },
  'bulk-report': async (page, product) => {
    await selectSome(page);
    const influx = createInfluxClient({ baseUrl: product.standin.url, token: product.standin.operatorToken });
    const gone = (await influx.listAuthorizations({ orgID: product.standin.orgID })).find(
      (t) => t.description === 'read all buckets',
    )!;
    await influx.deleteAuthorization(gone.id);
    const telegraf = (await influx.listAuthorizations({ orgID: product.standin.orgID })).find(
      (t) => t.description === "user2's telegraf writer",
    )!;
    await page.route(`**/api/v2/authorizations/${telegraf.id}`, (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({ status: 503, json: { code: 'unavailable', message: 'service unavailable' } })
        : route.fallback(),
    );
    await page.getByRole('region', { name: 'Selected tokens' }).getByRole('button', { name: 'Deactivate' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /^Deactivate/ })
      .click();
    // The outcome is a toast; its Details opens the whole report.
    await page.locator('.toast').getByRole('button', { name: 'Details' }).click();
    await page.getByRole('dialog', { name: 'Deactivation report' }).waitFor();
  },
  'permission-filter': async (page) => {
    // Below 760 px the filters fold behind "Filters".
    const fold = page.getByRole('button', { name: /^Filters/ });
    if (await fold.isVisible()) await fold.click();
    await page.getByRole('combobox', { name: 'Permission' }).selectOption('Write');
    await page.getByRole('combobox', { name: 'On resource' }).selectOption({ label: 'bucket: telegraf' });
  },
  'export-menu': (page) => page.getByRole('button', { name: 'Export' }).click(),
};

async function shoot(browser: Browser, name: string, scene: Scene) {
  for (const view of SCREENSHOT_VIEWS) {
    // A fresh stand-in per picture: scenes delete and create tokens.
    const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-shots-'));
    const product = await startProduct({ dataDir });
    const context = await viewContext(browser, view);
    const page = await context.newPage();
    await page.goto(`${product.url}/tokens`);
    await page.getByRole('table', { name: 'API tokens' }).waitFor();
    await scene(page, product);
    await page.waitForTimeout(300);
    const file = join(outDir, `${name}-${view.suffix}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await context.close();
    await product.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const only = process.argv[3];
  const browser = await launchTestChromium();
  try {
    for (const [name, scene] of Object.entries(SCENES)) {
      if (only && !name.startsWith(only)) continue;
      await shoot(browser, name, scene);
    }
  } finally {
    await browser.close();
  }
}

await main();
