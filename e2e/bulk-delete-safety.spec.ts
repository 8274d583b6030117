// Deleting thousands of tokens is not two clicks: the confirmation names what will go, waits for the count typed in,
// and offers the bulk Deactivate (which has Undo) instead; a finished delete is one toast, not a modal report.
import type { Page } from '@playwright/test';
import { expect, seedProductTokens, test } from './fixtures';

const OWN = "admin's Token";
const bulkBar = (page: Page) => page.getByRole('region', { name: 'Selected tokens' });
const count = (n: number) => n.toLocaleString('en-US');

test('deleting all of a large list: names and "and N more", the count typed in, and Deactivate instead with Undo', async ({
  page,
  product,
  influx,
}) => {
  // Most of them far below the fold; enough that the bulk runs take a few seconds on a shared machine.
  test.setTimeout(60_000);
  seedProductTokens(product, { tokens: 200, users: 5 });
  const orgID = product.standin.orgID;
  const before = await influx.listAuthorizations({ orgID });
  const others = before.filter((t) => t.description !== OWN);
  const active = others.filter((t) => t.status === 'active');
  const n = others.length;

  await page.goto(`${product.url}/tokens`);
  // The rows as the list shows them (sorted by description), the page's own token aside: the names to expect.
  const shown = page.getByRole('table', { name: 'API tokens' }).locator('[data-open-token]');
  await expect(shown.first()).toBeVisible();
  const firstTen = (await shown.allTextContents()).filter((text) => text !== OWN).slice(0, 10);
  await page.getByRole('checkbox', { name: `Select all ${count(before.length)} matching` }).check();
  await bulkBar(page).getByRole('button', { name: 'Delete' }).click();
  // The page's own token is asked about first, and left out.
  await page
    .getByRole('alertdialog', { name: "The selection includes this page's own token" })
    .getByRole('button', { name: `Continue with ${count(n)} tokens` })
    .click();

  const dialog = page.getByRole('alertdialog', { name: `Delete ${count(n)} tokens?` });
  // The first ten by name, as the list shows them, then how many more; and what kinds of token they are.
  await expect(dialog.getByRole('list', { name: 'Tokens to delete' }).getByRole('listitem')).toHaveText(firstTen);
  await expect(dialog.getByText(`and ${count(n - 10)} more`)).toBeVisible();
  await expect(dialog).toContainText(`Active: ${count(active.length)} of ${count(n)}`);
  await expect(dialog).toContainText(/All-access or operator: [1-9][\d,]* \([1-9][\d,]* active\)/);

  // Delete waits for the count.
  const remove = dialog.getByRole('button', { name: `Delete ${count(n)} tokens` });
  const typed = dialog.getByRole('textbox', { name: `To confirm, type ${count(n)}` });
  await expect(remove).toBeDisabled();
  await typed.fill(String(n - 1));
  await expect(remove).toBeDisabled();
  await typed.fill(count(n));
  await expect(remove).toBeEnabled();

  // The safe first step instead: the same tokens, deactivated (those already inactive are skipped).
  await dialog.getByRole('button', { name: 'Deactivate instead' }).click();
  const deactivate = page.getByRole('alertdialog', { name: `Deactivate ${count(active.length)} tokens?` });
  await deactivate.getByRole('button', { name: `Deactivate ${count(active.length)} tokens` }).click();
  const toast = page.locator('.toast').filter({ hasText: `${count(active.length)} tokens deactivated` });
  await expect(toast).toBeVisible({ timeout: 20_000 });
  let now = await influx.listAuthorizations({ orgID });
  expect(now).toHaveLength(before.length);
  expect(now.filter((t) => t.status === 'active').map((t) => t.description)).toEqual([OWN]);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.locator('.toast').filter({ hasText: `Undone: ${count(active.length)} tokens activated again` }),
  ).toBeVisible({ timeout: 20_000 });
  now = await influx.listAuthorizations({ orgID });
  expect(now.map((t) => [t.id, t.status])).toEqual(before.map((t) => [t.id, t.status]));
});

test('a finished bulk delete is one toast with Details (each failure with its reason), no Undo and no modal', async ({
  page,
  product,
  influx,
}) => {
  const orgID = product.standin.orgID;
  const made = [];
  for (let i = 1; i <= 12; i++) {
    made.push(
      await influx.createAuthorization({
        orgID,
        description: `retired ${String(i).padStart(2, '0')}`,
        permissions: [{ action: 'read', resource: { type: 'dashboards', orgID } }],
      }),
    );
  }
  const refused = made[4]!;
  await page.route(`**/api/v2/authorizations/${refused.id}`, (route) =>
    route.request().method() === 'DELETE'
      ? route.fulfill({ status: 503, json: { code: 'unavailable', message: 'service unavailable' } })
      : route.fallback(),
  );
  await page.goto(`${product.url}/tokens?q=retired`);
  await page.getByRole('checkbox', { name: 'Select all 12 matching' }).check();
  await bulkBar(page).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 12 tokens?' });
  await dialog.getByRole('textbox', { name: 'To confirm, type 12' }).fill('12');
  await dialog.getByRole('button', { name: 'Delete 12 tokens' }).click();

  await expect(dialog).toHaveCount(0);
  const toast = page.locator('.toast').filter({ hasText: '11 tokens deleted, 1 failed' });
  await expect(toast).toBeVisible();
  await expect(page.locator('.toast')).toHaveCount(1);
  await expect(toast.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // What failed stays, and stays selected.
  await expect(bulkBar(page)).toContainText('1 selected');
  await expect(page.getByRole('checkbox', { name: 'Select retired 05' })).toBeChecked();
  const left = await influx.listAuthorizations({ orgID });
  expect(left.filter((t) => t.description.startsWith('retired ')).map((t) => t.id)).toEqual([refused.id]);

  await toast.getByRole('button', { name: 'Details' }).click();
  const report = page.getByRole('dialog', { name: 'Deletion report' });
  await expect(report.getByText('11 deleted, 1 failed:', { exact: true })).toBeVisible();
  await expect(report.getByRole('listitem')).toHaveText([
    'retired 05: InfluxDB answered HTTP 503: service unavailable',
  ]);
  await expect(report.getByRole('button', { name: /Undo/ })).toHaveCount(0);
});

test("in the own-token question, the checkbox's label wraps beside the box, never under it (420 px)", async ({
  page,
  product,
}) => {
  await page.setViewportSize({ width: 420, height: 860 });
  await page.goto(`${product.url}/tokens`);
  await page.getByRole('checkbox', { name: /^Select all/ }).check();
  await bulkBar(page).getByRole('button', { name: 'Delete' }).click();
  const ask = page.getByRole('alertdialog', { name: "The selection includes this page's own token" });
  const box = (await ask.getByRole('checkbox').boundingBox())!;
  const label = (await ask.locator('label').boundingBox())!;
  // Several lines, every one of them right of the box.
  expect(label.height).toBeGreaterThan(box.height * 3);
  expect(label.x).toBeGreaterThanOrEqual(box.x + box.width);
});
