import type { Page } from '@playwright/test';
import { expect, test, type Fixtures } from './fixtures';

async function seed(
  influx: Fixtures['influx'],
  orgID: string,
  names: string[],
  status: 'active' | 'inactive' = 'active',
) {
  const made = [];
  for (const description of names) {
    made.push(
      await influx.createAuthorization({
        orgID,
        description,
        status,
        permissions: [{ action: 'read', resource: { type: 'dashboards', orgID } }],
      }),
    );
  }
  return made;
}

const bulkBar = (page: Page) => page.getByRole('region', { name: 'Selected tokens' });

test('bulk deactivate while two of the selected tokens are deleted elsewhere: progress, then the exact report', async ({
  page,
  product,
  influx,
}) => {
  const orgID = product.standin.orgID;
  const active = await seed(influx, orgID, ['bulk 1', 'bulk 2', 'bulk 3', 'bulk 4', 'bulk 5', 'bulk 6']);
  await seed(influx, orgID, ['bulk 7'], 'inactive');
  await page.goto(`${product.url}/tokens?q=bulk`);
  await page.getByRole('checkbox', { name: 'Select all 7 matching' }).check();
  await expect(bulkBar(page)).toContainText('7 selected');

  // Held between selecting and confirming: someone deletes two of them meanwhile.
  await influx.deleteAuthorization(active[1]!.id);
  await influx.deleteAuthorization(active[4]!.id);

  await bulkBar(page).getByRole('button', { name: 'Deactivate' }).click();
  // The title counts what will be sent, as the button does.
  await expect(page.getByRole('alertdialog', { name: 'Deactivate 6 tokens?' })).toContainText(
    'Of the 7 selected, 1 was already inactive and is skipped.',
  );
  const dialog = page.getByRole('alertdialog');
  // Answers slowed down a little, so the progress can be seen on its way.
  await page.route('**/api/v2/authorizations/*', async (route) => {
    if (route.request().method() === 'PATCH') await new Promise((resolve) => setTimeout(resolve, 400));
    await route.fallback();
  });
  await dialog.getByRole('button', { name: 'Deactivate 6 tokens' }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Deactivating tokens' });
  await expect(progress).toHaveAttribute('aria-valuemax', '6');
  await expect(dialog.getByText(/^[0-6] of 6$/)).toBeVisible();
  // Done: no blocking report, a toast says what happened; Details keeps the failures.
  await expect(dialog).toHaveCount(0);
  const toast = page.locator('.toast').filter({ hasText: '4 tokens deactivated, 2 failed' });
  await expect(toast).toContainText('1 was already inactive.');
  for (const token of [active[0]!, active[2]!, active[3]!, active[5]!]) {
    expect((await influx.getAuthorization(token.id)).status).toBe('inactive');
  }
  await toast.getByRole('button', { name: 'Details' }).click();
  const report = page.getByRole('dialog', { name: 'Deactivation report' });
  await expect(report.getByText('4 deactivated, 2 failed:', { exact: true })).toBeVisible();
  await expect(report.getByRole('listitem')).toHaveText([
    'bulk 2: authorization not found (HTTP 404)',
    'bulk 5: authorization not found (HTTP 404)',
  ]);
  await report.getByRole('button', { name: 'Close' }).click();
  // The deleted ones leave the list (and with them the selection) once it refreshes.
  await expect(page.getByText('5 of 12 tokens')).toBeVisible();
  await expect(bulkBar(page)).toHaveCount(0);
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'bulk' })
      .filter({ has: page.getByText('Active', { exact: true }) }),
  ).toHaveCount(0);
});

test('select all matching a filter, then Activate: already-active ones are skipped and counted', async ({
  page,
  product,
  influx,
}) => {
  await page.goto(`${product.url}/tokens?owner=user2`);
  const all = page.getByRole('checkbox', { name: 'Select all 3 matching' });
  await all.check();
  await expect(bulkBar(page)).toContainText('3 selected');
  await expect(page.getByRole('checkbox', { name: 'Select read/write my-bucket' })).toBeChecked();
  // With the filter gone, the selection is the same three: tokens outside the filter were not taken.
  await page.getByRole('combobox', { name: 'Owner' }).selectOption('All');
  await expect(bulkBar(page)).toContainText('3 selected');
  await expect(page.getByRole('checkbox', { name: "Select admin's Token" })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Select all 7 matching' })).toHaveJSProperty('indeterminate', true);

  await bulkBar(page).getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(page.getByRole('alertdialog', { name: 'Activate 1 token?' })).toContainText(
    'Of the 3 selected, 2 were already active and are skipped.',
  );
  await expect(page.getByRole('alertdialog')).toContainText('InfluxDB accepts it again at once.');
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('button', { name: 'Activate 1 token' }).click();
  const toast = page.getByRole('status').filter({ hasText: '1 token activated' });
  await expect(toast).toContainText('2 were already active.');
  expect((await influx.tokenNamed('read/write my-bucket')).status).toBe('active');
  await expect(bulkBar(page)).toHaveCount(0);
});

test('bulk delete names the tokens and removes them from InfluxDB', async ({ page, product, influx }) => {
  const made = await seed(influx, product.standin.orgID, ['temp a', 'temp b', 'temp c']);
  await page.goto(`${product.url}/tokens?q=temp`);
  await page.getByRole('checkbox', { name: 'Select temp a' }).check();
  await page.getByRole('checkbox', { name: 'Select temp c' }).check();
  await bulkBar(page).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete 2 tokens?' });
  await expect(dialog).toContainText('This cannot be undone.');
  await expect(dialog.getByRole('list', { name: 'Tokens to delete' }).getByRole('listitem')).toHaveText([
    'temp a',
    'temp c',
  ]);
  await dialog.getByRole('button', { name: 'Delete 2 tokens' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '2 tokens deleted' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'temp' })).toHaveCount(1);
  await expect(influx.getAuthorization(made[0]!.id)).rejects.toMatchObject({ status: 404 });
  expect((await influx.getAuthorization(made[1]!.id)).description).toBe('temp b');
});
