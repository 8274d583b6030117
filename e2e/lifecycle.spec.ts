import type { Permission } from '../core/influx-types';
import { expect, rowOf, test } from './fixtures';

const keys = (permissions: Permission[]) =>
  permissions.map((p) => `${p.action}:${p.resource.type}/${p.resource.orgID ?? ''}/${p.resource.id ?? ''}`).sort();

test('Clone in the drawer: same permissions and owner, "(cloned at YYYY-MM-DD HH:MM:SS)" in local time, shown once', async ({
  page,
  product,
  influx,
}) => {
  const original = await influx.tokenNamed("user1's all-access token");
  await page.goto(`${product.url}/tokens/${original.id}`);
  const drawer = page.getByRole('dialog', { name: /user1's all-access token/ });
  await drawer.getByRole('button', { name: 'Clone' }).click();

  const shown = page.getByRole('dialog', { name: /Token cloned/ });
  const field = shown.getByRole('textbox', {
    name: /^Token for “user1's all-access token \(cloned at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\)”$/,
  });
  await expect(field).toBeVisible();
  const secret = await field.inputValue();
  const label = await shown.locator('label').first().textContent();
  const description = /“(.*)”/.exec(label ?? '')![1]!;
  // Local time of the browser, which runs on this machine: within a minute of now.
  const stamp = /cloned at (.*)\)$/.exec(description)![1]!;
  expect(Math.abs(new Date(stamp.replace(' ', 'T')).getTime() - Date.now())).toBeLessThan(60_000);

  await page.keyboard.press('Escape');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close anyway' }).click();
  await expect(shown).toBeHidden();
  await expect(drawer).toBeVisible();

  const clone = await influx.tokenNamed(description);
  expect(clone.id).not.toBe(original.id);
  expect(clone.token).toBe('');
  expect(clone.user).toBe('user1');
  expect(clone.status).toBe('active');
  expect(keys(clone.permissions)).toEqual(keys(original.permissions));
  const answer = await fetch(`${product.standin.url}/api/v2/me`, { headers: { Authorization: `Token ${secret}` } });
  expect(((await answer.json()) as { name: string }).name).toBe('user1');

  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(rowOf(page, description)).toContainText('All access');
});

test('Delete in the drawer asks first, then the token is gone from the list and from InfluxDB', async ({
  page,
  product,
  influx,
}) => {
  const token = await influx.tokenNamed('old CI token (revoked)');
  await page.goto(`${product.url}/tokens`);
  await rowOf(page, 'old CI token (revoked)')
    .getByRole('button', { name: 'old CI token (revoked)', exact: true })
    .click();
  const drawer = page.getByRole('dialog', { name: /old CI token/ });
  await drawer.getByRole('button', { name: 'Delete' }).click();

  const confirm = page.getByRole('alertdialog', { name: 'Delete “old CI token (revoked)”?' });
  await expect(confirm).toContainText('Anything using this token stops working at once.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect((await influx.getAuthorization(token.id)).id).toBe(token.id);

  await drawer.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Yes, delete this token' }).click();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(`${product.url}/tokens`);
  await expect(
    page.getByRole('status').filter({ hasText: 'API token “old CI token (revoked)” was deleted' }),
  ).toBeVisible();
  await expect(rowOf(page, 'old CI token (revoked)')).toHaveCount(0);
  await expect(influx.getAuthorization(token.id)).rejects.toMatchObject({
    status: 404,
    message: 'authorization not found',
  });

  await page.reload();
  await expect(page.getByRole('button', { name: 'read all buckets', exact: true })).toBeVisible();
  await expect(rowOf(page, 'old CI token (revoked)')).toHaveCount(0);
  await page.goto(`${product.url}/tokens/${token.id}`);
  await expect(page.getByRole('dialog', { name: 'Token not found' })).toBeVisible();
});

test('Delete from the row menu', async ({ page, product, influx }) => {
  const token = await influx.tokenNamed('read all buckets');
  await page.goto(`${product.url}/tokens`);
  const menuButton = page.getByRole('button', { name: 'Actions for read all buckets' });
  await menuButton.click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “read all buckets”?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(menuButton).toBeFocused();

  await menuButton.click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Yes, delete this token' }).click();
  await expect(rowOf(page, 'read all buckets')).toHaveCount(0);
  await expect(influx.getAuthorization(token.id)).rejects.toMatchObject({ status: 404 });
  // Focus goes somewhere sensible, not to the body.
  await expect(page.getByRole('searchbox', { name: 'Filter tokens' })).toBeFocused();
});
