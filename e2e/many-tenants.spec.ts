// More users and buckets than one page of InfluxDB's largest (100): the page pages through them all, so the
// Custom API Token dialog offers every bucket and its Owner select every user.
import type { Page } from '@playwright/test';
import { expect, seedProductTokens, test } from './fixtures';

async function openCustom(page: Page) {
  await page.getByRole('button', { name: 'Generate API Token' }).click();
  await page.getByRole('menuitem', { name: /Custom API Token/ }).click();
  return page.getByRole('dialog', { name: 'Generate Custom API Token' });
}

test('with 125 more users and buckets, Custom API Token lists every bucket and the Owner select every user', async ({
  page,
  product,
  influx,
}) => {
  seedProductTokens(product, { tokens: 5, users: 125, buckets: 125 });
  const buckets = await influx.listEveryBucket({ orgID: product.standin.orgID });
  const users = await influx.listUsers();
  expect(buckets.length).toBeGreaterThan(125);
  expect(users.length).toBeGreaterThan(125);

  await page.goto(`${product.url}/tokens`);
  const dialog = await openCustom(page);
  // One Read and one Write checkbox a bucket, the last page's too.
  const readBucket = dialog.getByRole('checkbox', { name: /^Read bucket / });
  await expect(readBucket).toHaveCount(buckets.length);
  await expect(dialog.getByRole('checkbox', { name: /^Write bucket / })).toHaveCount(buckets.length);
  for (const name of ['bucket-seed-1', 'bucket-seed-125', 'my-bucket', 'telegraf', '_monitoring']) {
    await expect(dialog.getByRole('checkbox', { name: `Read bucket ${name}`, exact: true })).toBeAttached();
  }

  // Every user: the signed-in one as "(you)", then every other.
  const owner = dialog.getByRole('combobox', { name: 'Owner' });
  await expect(owner.getByRole('option')).toHaveCount(users.length);
  await expect(owner.getByRole('option', { name: 'admin (you)' })).toBeAttached();
  for (const name of ['user-seed-1', 'user-seed-99', 'user-seed-125', 'user2']) {
    await expect(owner.getByRole('option', { name, exact: true })).toBeAttached();
  }

  // And the last of them can be chosen and given a token.
  await dialog.getByRole('textbox', { name: 'Description' }).fill('for the 125th');
  await dialog.getByRole('checkbox', { name: 'Write bucket bucket-seed-125', exact: true }).check();
  await owner.selectOption({ label: 'user-seed-125' });
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('dialog', { name: /API token created/ })).toBeVisible();
  const created = await influx.tokenNamed('for the 125th');
  expect(created.user).toBe('user-seed-125');
  expect(created.permissions.map((p) => `${p.action}:${p.resource.name}`)).toEqual(['write:bucket-seed-125']);
});
