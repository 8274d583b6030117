import { expect, rowOf, test } from './fixtures';

test('opens the drawer from the description, flips "Active" off, and it stays off after a reload and in InfluxDB', async ({
  page,
  product,
  influx,
}) => {
  await page.goto(`${product.url}/tokens?owner=user2`);
  await rowOf(page, 'dashboards viewer').getByRole('button', { name: 'dashboards viewer', exact: true }).click();
  const token = await influx.tokenNamed('dashboards viewer');
  await expect(page).toHaveURL(`${product.url}/tokens/${token.id}?owner=user2`);

  const dialog = page.getByRole('dialog', { name: /dashboards viewer/ });
  const active = dialog.getByRole('switch', { name: 'Active' });
  await expect(active).toBeChecked();
  await active.click();
  await expect(active).not.toBeChecked();
  await expect(dialog.getByRole('status').filter({ hasText: 'Token “dashboards viewer” deactivated' })).toBeVisible();
  await expect.poll(async () => (await influx.getAuthorization(token.id)).status).toBe('inactive');

  await page.reload();
  await expect(
    page.getByRole('dialog', { name: /dashboards viewer/ }).getByRole('switch', { name: 'Active' }),
  ).not.toBeChecked();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL(`${product.url}/tokens?owner=user2`);
  await expect(rowOf(page, 'dashboards viewer')).toContainText('Inactive');
});

test('Undo in the toast puts the status back', async ({ page, product, influx }) => {
  const token = await influx.tokenNamed('read/write my-bucket');
  await page.goto(`${product.url}/tokens/${token.id}`);
  const dialog = page.getByRole('dialog', { name: /read\/write my-bucket/ });
  const active = dialog.getByRole('switch', { name: 'Active' });
  await expect(active).not.toBeChecked();
  await active.click();
  await expect.poll(async () => (await influx.getAuthorization(token.id)).status).toBe('active');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(active).not.toBeChecked();
  await expect.poll(async () => (await influx.getAuthorization(token.id)).status).toBe('inactive');
});

test('a deep link opens the drawer; Close goes to the list and focuses the token', async ({
  page,
  product,
  influx,
}) => {
  const token = await influx.tokenNamed("user1's all-access token");
  await page.goto(`${product.url}/tokens/${token.id}?sort=created&dir=desc`);
  const dialog = page.getByRole('dialog', { name: /user1's all-access token/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(token.id, { exact: true })).toBeVisible();
  await expect(dialog.getByText('shown only when created')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Buckets' })).toBeVisible();

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(`${product.url}/tokens?sort=created&dir=desc`);
  await expect(page.getByRole('button', { name: "user1's all-access token", exact: true })).toBeFocused();
});

test('a deep link to an unknown token says so', async ({ page, product }) => {
  await page.goto(`${product.url}/tokens/0123456789abcdef`);
  const dialog = page.getByRole('dialog', { name: 'Token not found' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL(`${product.url}/tokens`);
});

test('Escape in the permission filter clears it; a second Escape closes the drawer', async ({ page, product }) => {
  await page.goto(`${product.url}/tokens`);
  await page.getByRole('button', { name: "user1's all-access token", exact: true }).click();
  const drawer = page.getByRole('dialog', { name: /user1's all-access token/ });
  const filter = drawer.getByRole('searchbox', { name: 'Filter permissions' });
  await filter.fill('dashboards');
  await expect(drawer.getByRole('heading', { name: 'Buckets' })).toHaveCount(0);
  await filter.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('heading', { name: 'Buckets' })).toBeVisible();
  await filter.press('Escape');
  await expect(drawer).toBeHidden();
});
