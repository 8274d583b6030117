// Axe scans of the dialogs the list opens, in light and dark: the Generate menu, All Access and Custom (also
// with a missing choice), the show-once dialog and its "close uncopied?" question, a row's Delete confirmation,
// and the bulk dialog from confirmation to report. No serious or critical violations.
import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { expect, test } from './support/fault-fixtures';

async function openGenerate(page: Page, item: 'All Access API Token' | 'Custom API Token') {
  await page.getByRole('button', { name: 'Generate API Token' }).click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await menu.getByRole('menuitem', { name: new RegExp(item) }).click();
  const dialog = page.getByRole('dialog', { name: `Generate ${item}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the Generate menu, the All Access dialog, the show-once dialog and its close-uncopied question', async ({ page, product }) => {
  await page.goto(`${product.url}/tokens`);
  const dialog = await openGenerate(page, 'All Access API Token');
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.getByRole('textbox', { name: 'Description' }).fill('axe all access');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  const shown = page.getByRole('dialog', { name: /API token created/ });
  await expect(shown.getByRole('textbox', { name: 'Token for “axe all access”' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await shown.getByRole('button', { name: 'Close' }).click();
  const question = page.getByRole('alertdialog');
  await expect(question).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Custom dialog, before and after choosing permissions', async ({ page, product }) => {
  await page.goto(`${product.url}/tokens`);
  const dialog = await openGenerate(page, 'Custom API Token');
  await expect(dialog.getByText('Choose at least one permission to generate a token.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.getByRole('checkbox', { name: 'Write bucket telegraf' }).check();
  await expect(dialog.getByText('1 permission chosen.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a row's Delete confirmation and the bulk dialog from confirmation to report", async ({ page, product }) => {
  await page.goto(`${product.url}/tokens`);
  await page.getByRole('button', { name: 'Actions for read all buckets' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “read all buckets”?' });
  await expect(confirm).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  await page.getByRole('checkbox', { name: 'Select dashboards viewer' }).check();
  await page.getByRole('checkbox', { name: 'Select read all buckets' }).check();
  const bar = page.getByRole('region', { name: 'Selected tokens' });
  await expect(bar).toContainText('2 selected');
  expect(await seriousViolations(page)).toEqual([]);

  await bar.getByRole('button', { name: 'Deactivate' }).click();
  const bulk = page.getByRole('alertdialog', { name: 'Deactivate 2 tokens?' });
  await expect(bulk).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await bulk.getByRole('button', { name: 'Deactivate 2 tokens' }).click();
  const report = page.getByRole('alertdialog', { name: 'Deactivation finished' });
  await expect(report.getByRole('status')).toHaveText('2 deactivated');
  expect(await seriousViolations(page)).toEqual([]);
});
