import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, describe: string, matches: () => Promise<boolean>, key = 'Tab', limit = 25) {
  for (let i = 0; i < limit; i++) {
    if (await matches()) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${describe} was not reached with ${limit} presses of ${key}`);
}

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
  });

test('keyboard only: filter, rename, open the drawer, toggle Active, close with focus returned', async ({
  page,
  product,
  influx,
}) => {
  await page.goto(`${product.url}/tokens`);
  await expect(page.getByRole('table', { name: 'API tokens' })).toBeVisible();

  await tabTo(page, 'the filter box', async () => (await focusedLabel(page)) === 'Filter tokens');
  await page.keyboard.type('telegraf');
  await expect(page.getByText('1 of 7 tokens')).toBeVisible();

  // The rows are one Tab stop (its first row's checkbox); the arrow keys move within them.
  await tabTo(page, "the row's checkbox", async () => (await focusedLabel(page)) === "Select user2's telegraf writer");
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'Edit description' })).toBeFocused();
  await page.keyboard.press('Enter');
  const box = page.getByRole('textbox', { name: 'Description' });
  await expect(box).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' (keyboard)');
  await page.keyboard.press('Enter');
  const renamed = "user2's telegraf writer (keyboard)";
  await expect(page.getByRole('button', { name: renamed, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit description' })).toBeFocused();
  await expect.poll(async () => (await influx.tokenNamed(renamed)).description).toBe(renamed);

  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('button', { name: renamed, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: new RegExp(renamed.replace(/[()]/g, '\\$&')) });
  await expect(dialog).toBeVisible();

  const active = dialog.getByRole('switch', { name: 'Active' });
  await tabTo(page, 'the Active switch', async () => active.evaluate((el) => el === document.activeElement));
  await page.keyboard.press('Space');
  await expect(active).not.toBeChecked();
  const token = await influx.tokenNamed(renamed);
  await expect.poll(async () => (await influx.getAuthorization(token.id)).status).toBe('inactive');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(`${product.url}/tokens?q=telegraf`);
  await expect(page.getByRole('button', { name: renamed, exact: true })).toBeFocused();
});
