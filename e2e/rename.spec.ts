import { expect, rowOf, test } from './fixtures';

test('renames a token with the pencil and a click elsewhere; the name survives a reload', async ({
  page,
  product,
  influx,
}) => {
  await page.goto(`${product.url}/tokens`);
  const row = rowOf(page, 'dashboards viewer');
  await row.getByRole('button', { name: 'Edit description' }).click();
  // While editing, the row's name button is replaced by the only "Description" box on the page.
  const box = page.getByRole('textbox', { name: 'Description' });
  await expect(box).toBeFocused();
  await box.fill('dashboards viewer (wall screen)');
  await page.getByRole('heading', { name: 'API Tokens' }).click();

  await expect(page.getByRole('button', { name: 'dashboards viewer (wall screen)', exact: true })).toBeVisible();
  await expect
    .poll(async () => (await influx.tokenNamed('dashboards viewer (wall screen)')).description)
    .toBe('dashboards viewer (wall screen)');
  await page.reload();
  await expect(page.getByRole('button', { name: 'dashboards viewer (wall screen)', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'dashboards viewer', exact: true })).toHaveCount(0);
});

test('Escape cancels a rename and sends nothing', async ({ page, product, influx }) => {
  await page.goto(`${product.url}/tokens`);
  const before = await influx.tokenNamed('read all buckets');
  const row = rowOf(page, 'read all buckets');
  await row.getByRole('button', { name: 'Edit description' }).click();
  await page.getByRole('textbox', { name: 'Description' }).fill('should not be saved');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'read all buckets', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'read all buckets', exact: true })).toBeVisible();
  const after = await influx.getAuthorization(before.id);
  expect(after.description).toBe('read all buckets');
  expect(after.updatedAt).toBe(before.updatedAt);
});

test('a save that fails (InfluxDB stopped) rolls back, says why, and keeps the typed text', async ({
  page,
  product,
}) => {
  await page.goto(`${product.url}/tokens`);
  const row = rowOf(page, "user2's telegraf writer");
  await row.getByRole('button', { name: 'Edit description' }).click();
  await page.getByRole('textbox', { name: 'Description' }).fill('telegraf writer, site B');

  await product.standin.close();
  await page.keyboard.press('Enter');

  const alert = page.getByRole('alert').filter({ hasText: 'Could not rename' });
  await expect(alert).toContainText("Could not rename “user2's telegraf writer”");
  await expect(alert).toContainText('unreachable');
  const box = page.getByRole('textbox', { name: 'Description' });
  await expect(box).toHaveValue('telegraf writer, site B');
  // The list still shows the name InfluxDB has, once the edit is dismissed.
  await box.press('Escape');
  await expect(page.getByRole('button', { name: "user2's telegraf writer", exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'telegraf writer, site B', exact: true })).toHaveCount(0);
});

test('clearing the description saves it empty, as InfluxDB allows; the row then says "(no description)"', async ({
  page,
  product,
  influx,
}) => {
  const before = await influx.tokenNamed('read all buckets');
  await page.goto(`${product.url}/tokens`);
  await rowOf(page, 'read all buckets').getByRole('button', { name: 'Edit description' }).click();
  await page.getByRole('textbox', { name: 'Description' }).fill('');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '(no description)', exact: true })).toBeVisible();
  await expect.poll(async () => (await influx.getAuthorization(before.id)).description).toBe('');
  await page.reload();
  await expect(page.getByRole('button', { name: '(no description)', exact: true })).toBeVisible();
});

test('a paste longer than the box holds is cut to fit, and the page says so at once', async ({
  page,
  product,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${product.url}/tokens`);
  await rowOf(page, 'read all buckets').getByRole('button', { name: 'Edit description' }).click();
  const box = page.getByRole('textbox', { name: 'Description' });
  await box.fill('');
  await page.evaluate(() => navigator.clipboard.writeText('z'.repeat(300)));
  await box.press('ControlOrMeta+v');
  await expect(box).toHaveValue('z'.repeat(255));
  await expect(page.getByRole('status').filter({ hasText: 'Pasted text shortened to 255 characters' })).toBeVisible();
  await expect(page.getByText('the last 45 of what you pasted were left out')).toBeVisible();
});
