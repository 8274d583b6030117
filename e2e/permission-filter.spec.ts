import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function descriptions(page: Page) {
  return page
    .getByRole('table', { name: 'API tokens' })
    .getByRole('row')
    .locator('[data-open-token]')
    .allTextContents();
}

test('who can write bucket telegraf: InfluxDB matching rules, in the URL, kept on reload', async ({
  page,
  product,
  influx,
}) => {
  const telegraf = (await influx.listBuckets({ orgID: product.standin.orgID })).find((b) => b.name === 'telegraf')!;
  await page.goto(`${product.url}/tokens`);
  await page.getByRole('combobox', { name: 'Permission' }).selectOption('Write');
  await page.getByRole('combobox', { name: 'On resource' }).selectOption({ label: 'bucket: telegraf' });
  await expect(page).toHaveURL(`${product.url}/tokens?perm=write%3Abuckets%2F${telegraf.id}`);
  // The operator (unscoped), the all-access token and the org-wide bucket writer match as well as the one-bucket writer.
  const writers = ["admin's Token", 'old CI token (revoked)', "user1's all-access token", "user2's telegraf writer"];
  await expect.poll(() => descriptions(page)).toEqual(writers);
  await expect(page.getByText('4 of 7 tokens')).toBeVisible();

  await page.reload();
  await expect.poll(() => descriptions(page)).toEqual(writers);
  await expect(page.getByRole('combobox', { name: 'On resource' })).toHaveValue(`buckets/${telegraf.id}`);

  // Read on telegraf: org-wide readers count, the write-only telegraf writer does not.
  await page.getByRole('combobox', { name: 'Permission' }).selectOption('Read');
  await expect
    .poll(() => descriptions(page))
    .toEqual([
      "admin's Token",
      'dashboards viewer',
      'old CI token (revoked)',
      'read all buckets',
      "user1's all-access token",
    ]);

  // Any action on dashboards of any kind.
  await page.getByRole('combobox', { name: 'Permission' }).selectOption('Any');
  await page.getByRole('combobox', { name: 'On resource' }).selectOption({ label: 'Dashboards (any)' });
  await expect(page).toHaveURL(`${product.url}/tokens?perm=any%3Adashboards`);
  await expect
    .poll(() => descriptions(page))
    .toEqual(["admin's Token", 'dashboards viewer', "user1's all-access token"]);

  await page.getByRole('combobox', { name: 'On resource' }).selectOption({ label: 'Any resource' });
  await expect(page).toHaveURL(`${product.url}/tokens`);
  await expect(page.getByText('7 tokens', { exact: true })).toBeVisible();
});
