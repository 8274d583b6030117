import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function violations(page: Page, selector: string) {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the new dialogs, menus and the bulk bar have no axe violations (${colorScheme})`, async ({ page, product }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${product.url}/tokens`);
    await expect(page.getByRole('table', { name: 'API tokens' })).toBeVisible();

    await page.getByRole('button', { name: 'Generate API Token' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    expect(await violations(page, '[role="menu"]')).toEqual([]);
    await page.getByRole('menuitem', { name: /Custom API Token/ }).click();
    const custom = page.getByRole('dialog', { name: 'Generate Custom API Token' });
    await expect(custom.getByRole('checkbox', { name: 'Read bucket telegraf' })).toBeVisible();
    expect(await violations(page, '[role="dialog"]')).toEqual([]);
    await custom.getByRole('checkbox', { name: 'Read bucket telegraf' }).check();
    await custom.getByRole('button', { name: 'Generate' }).click();

    const shown = page.getByRole('dialog', { name: /API token created/ });
    await expect(shown).toBeVisible();
    expect(await violations(page, '[role="dialog"]')).toEqual([]);
    await shown.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    expect(await violations(page, '[role="alertdialog"]')).toEqual([]);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Close anyway' }).click();

    await page.getByRole('button', { name: 'Generate API Token' }).click();
    await page.getByRole('menuitem', { name: /All Access API Token/ }).click();
    await expect(page.getByRole('dialog', { name: 'Generate All Access API Token' })).toBeVisible();
    expect(await violations(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('checkbox', { name: 'Select dashboards viewer' }).check();
    await page.getByRole('checkbox', { name: 'Select read all buckets' }).check();
    const bar = page.getByRole('region', { name: 'Selected tokens' });
    await expect(bar).toContainText('2 selected');
    const list = await new AxeBuilder({ page }).analyze();
    expect(list.violations.map((v) => v.id)).toEqual([]);
    await bar.getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Deactivate 2 tokens?' })).toBeVisible();
    expect(await violations(page, '[role="alertdialog"]')).toEqual([]);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate 2 tokens' }).click();
    const toast = page.locator('.toast').filter({ hasText: '2 tokens deactivated' });
    await expect(toast).toBeVisible();
    expect(await violations(page, '.toast-list')).toEqual([]);
    await toast.getByRole('button', { name: 'Details' }).click();
    await expect(page.getByRole('dialog', { name: 'Deactivation report' })).toBeVisible();
    expect(await violations(page, '[role="dialog"]')).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Actions for read all buckets' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Delete “read all buckets”?' })).toBeVisible();
    expect(await violations(page, '[role="alertdialog"]')).toEqual([]);
  });
}
