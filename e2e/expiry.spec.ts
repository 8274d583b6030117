// Expiry as a person sets it: in the drawer, seen in the list's Expires column, and recorded in the drawer's Activity.
import { expect, rowOf, test } from './fixtures';

test('sets an expiry in the drawer, sees it in the Expires column, and finds it in the Activity tab', async ({
  page,
  product,
  influx,
}) => {
  const token = await influx.tokenNamed('dashboards viewer');
  await page.goto(`${product.url}/tokens`);
  await expect(page.getByRole('columnheader', { name: /Expires/ })).toBeVisible();
  const row = rowOf(page, 'dashboards viewer');
  await expect(row).toContainText('never');

  await row.getByRole('button', { name: 'dashboards viewer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /dashboards viewer/ });
  const expiry = dialog.getByRole('region', { name: 'Expiry' });
  await expect(expiry).toContainText('Never expires.');
  await expect(expiry).toContainText('InfluxDB itself does not enforce expiry');
  await expiry.getByRole('radio', { name: 'In 30 days' }).check();
  await expiry.getByRole('button', { name: 'Save expiry' }).click();
  await expect(expiry.getByRole('status')).toContainText('Saved: this token expires');
  // The date with its time zone, and how far off it is.
  await expect(expiry).toContainText(/Expires \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+ \(in 30 days\)/);

  await dialog.getByRole('tab', { name: 'Activity' }).click();
  const activity = dialog.getByRole('tabpanel', { name: 'Activity' });
  const entry = activity.getByRole('listitem').filter({ hasText: 'Expiry set' });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('expiry:');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.locator('[data-label="Expires"]')).toHaveText('in 30 days');

  // Sorted by expiry, it comes first: every other token never expires.
  await page.getByRole('button', { name: 'Expires', exact: true }).click();
  await expect(page).toHaveURL(/sort=expires&dir=asc/);
  await expect(page.getByRole('row').nth(1)).toContainText('dashboards viewer');

  // The expiry filter: "Never expires" leaves it out, "Expires within 7 days" too (30 days is later).
  await page.getByRole('combobox', { name: 'Expiry' }).selectOption({ label: 'Never expires' });
  await expect(page).toHaveURL(/expiry=never/);
  await expect(rowOf(page, 'dashboards viewer')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Expiry' }).selectOption({ label: 'Any expiry' });
  await expect(rowOf(page, 'dashboards viewer')).toHaveCount(1);
  await expect(page).toHaveURL(`${product.url}/tokens?sort=expires&dir=asc`);
  // Kept by the console's own store, not by InfluxDB: the token itself is unchanged and still active.
  expect((await influx.getAuthorization(token.id)).status).toBe('active');
});
