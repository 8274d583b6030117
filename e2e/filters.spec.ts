import { expect, test } from './fixtures';

async function descriptions(page: import('@playwright/test').Page) {
  return page
    .getByRole('table', { name: 'API tokens' })
    .getByRole('row')
    .locator('[data-open-token]')
    .allTextContents();
}

test('filters and sort come from the URL and go back into it', async ({ page, product }) => {
  await page.goto(`${product.url}/tokens?owner=user2&sort=description&dir=desc`);
  await expect(page.getByText('3 of 7 tokens')).toBeVisible();
  expect(await descriptions(page)).toEqual(["user2's telegraf writer", 'read/write my-bucket', 'dashboards viewer']);
  await expect(page.getByRole('combobox', { name: 'Owner' })).toHaveValue('user2');

  await page.getByRole('combobox', { name: 'Status' }).selectOption('inactive');
  await expect(page).toHaveURL(/status=inactive/);
  await expect.poll(() => descriptions(page)).toEqual(['read/write my-bucket']);

  await page.getByRole('searchbox', { name: 'Filter tokens' }).fill('nothing like this');
  await expect(page.getByRole('heading', { name: 'No API tokens match your filters' })).toBeVisible();
  await expect(page).toHaveURL(/q=nothing\+like\+this/);

  await page.goBack();
  await expect(page.getByRole('searchbox', { name: 'Filter tokens' })).toHaveValue('');
  await expect.poll(() => descriptions(page)).toEqual(['read/write my-bucket']);

  await page.goto(`${product.url}/tokens?q=TOKEN&sort=description&dir=asc`);
  await expect
    .poll(() => descriptions(page))
    .toEqual(["admin's Token", 'old CI token (revoked)', "user1's all-access token"]);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('description:asc');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Status (inactive first)' });
  await expect(page).toHaveURL(`${product.url}/tokens?q=TOKEN&sort=status&dir=desc`);
  await expect
    .poll(() => descriptions(page))
    .toEqual(['old CI token (revoked)', "admin's Token", "user1's all-access token"]);
});

test('the filter finds each word on its own, case and accents aside, and sorts numbers by value', async ({
  page,
  product,
  influx,
}) => {
  const orgID = product.standin.orgID;
  for (const description of ['telegraf writer (host web-1)', 'Überwachung token 602', 'Überwachung token 1422']) {
    await influx.createAuthorization({
      orgID,
      description,
      permissions: [{ action: 'read', resource: { type: 'dashboards', orgID } }],
    });
  }
  await page.goto(`${product.url}/tokens`);
  const filter = page.getByRole('searchbox', { name: 'Filter tokens' });
  await filter.fill('web telegraf');
  await expect.poll(() => descriptions(page)).toEqual(['telegraf writer (host web-1)']);
  await filter.fill('uberwachung');
  await expect.poll(() => descriptions(page)).toEqual(['Überwachung token 602', 'Überwachung token 1422']);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Description (Z → A)' });
  await expect.poll(() => descriptions(page)).toEqual(['Überwachung token 1422', 'Überwachung token 602']);

  // "/" from a row's checkbox goes to the filter too (a checkbox types nothing).
  await filter.fill('');
  await page.getByRole('checkbox', { name: /telegraf writer \(host web-1\)/ }).focus();
  await page.keyboard.press('/');
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue('');
});
