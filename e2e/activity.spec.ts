import { readFileSync } from 'node:fs';
import { expect, rowOf, test } from './fixtures';

test('a rename made on the page shows in Activity with before → after, by action, and in the CSV', async ({
  page,
  product,
  influx,
}) => {
  const token = await influx.tokenNamed('dashboards viewer');
  await page.goto(`${product.url}/tokens`);
  await rowOf(page, 'dashboards viewer').getByRole('button', { name: 'Edit description' }).click();
  await page.getByRole('textbox', { name: 'Description' }).fill('dashboards viewer (wall screen)');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'dashboards viewer (wall screen)', exact: true })).toBeVisible();
  await expect
    .poll(async () => (await influx.getAuthorization(token.id)).description)
    .toBe('dashboards viewer (wall screen)');

  // Another kind of change through the page, so that the action filter has something to leave out.
  await page.getByRole('button', { name: 'dashboards viewer (wall screen)', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: /dashboards viewer \(wall screen\)/ });
  await drawer.getByRole('switch', { name: 'Active' }).click();
  await expect.poll(async () => (await influx.getAuthorization(token.id)).status).toBe('inactive');
  await drawer.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page).toHaveURL(`${product.url}/activity`);
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  const renamed = page.getByRole('row').filter({ hasText: 'Renamed' }).filter({ hasText: token.id });
  await expect(renamed).toHaveCount(1);
  await expect(renamed).toContainText('description: “dashboards viewer” → “dashboards viewer (wall screen)”');
  await expect(renamed).toContainText('page');
  await expect(renamed.getByRole('link', { name: /^dashboards viewer/ })).toHaveAttribute(
    'href',
    `/tokens/${token.id}`,
  );

  await expect(page.getByRole('row').filter({ hasText: 'Deactivated' }).filter({ hasText: token.id })).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Renamed' });
  await expect(page).toHaveURL(`${product.url}/activity?action=rename`);
  const rows = page.getByRole('table', { name: 'Activity' }).getByRole('row');
  await expect(rows.filter({ hasText: 'Renamed' })).toHaveCount(1);
  await expect(rows.filter({ hasNotText: 'Renamed' })).toHaveCount(1); // the column headings
  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Any action' });
  await expect(page).toHaveURL(`${product.url}/activity`);

  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Renamed' });
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /^CSV/ }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^influxdb-activity-my-org-\d{8}-\d{6}\.csv$/);
  const lines = readFileSync((await file.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('time,token_id,description,action,change,who,via,note');
  expect(lines.slice(1)).toHaveLength(1);
  expect(lines[1]).toContain(`,${token.id},`);
  expect(lines[1]).toContain(',Renamed,description: “dashboards viewer” → “dashboards viewer (wall screen)”,');
  expect(lines[1]).not.toContain(product.standin.operatorToken);

  await page.getByRole('link', { name: 'API Tokens' }).click();
  await expect(page.getByRole('heading', { name: 'API Tokens' })).toBeVisible();
});
