// A first load of a long list shows rows while the answer is still downloading, says the count is partial until
// the answer is whole, then settles on the full count; an answer that breaks off leaves the rows that arrived,
// marked incomplete. The stand-in sits behind a relay that sends the list's first part and holds the rest until
// the test lets it go (or cuts the connection), so "before the answer ends" is certain, not a race.
import { expect, test as base, type Page } from '@playwright/test';
import { startArrivingProduct, type ArrivingProduct } from './support/arriving-product';

const SEEDED = 2_000;

const test = base.extend<{ setup: ArrivingProduct }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured first argument.
  setup: async ({}, use) => {
    const product = await startArrivingProduct(SEEDED);
    try {
      await use(product);
    } finally {
      await product.close();
    }
  },
});

const count = (page: Page) => page.locator('.tokens-page__count');

test('rows and a partial count show before the answer ends, then the whole count', async ({ page, setup }) => {
  await page.goto(`${setup.url}/tokens`);
  await expect(page.locator('[data-open-token]').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^[\d,]+ tokens so far — loading…$/ })).toBeVisible();
  const partial = Number((await count(page).textContent())!.replace(/\D.*$/, '').replace(/,/g, ''));
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(SEEDED);

  // Filters apply to what has arrived, and say so.
  await page.getByRole('searchbox', { name: 'Filter tokens' }).fill('zzz-no-such-token');
  await expect(count(page)).toHaveText(/^0 of [\d,]+ tokens so far — loading…$/);
  await page.getByRole('searchbox', { name: 'Filter tokens' }).fill('');

  setup.relay.release();
  await expect(count(page)).toHaveText(/^2,00\d tokens$/, { timeout: 20_000 });
  await expect(page.getByText(/so far/)).toHaveCount(0);
});

test('an answer that breaks off keeps the rows that arrived, marked incomplete', async ({ page, setup }) => {
  await page.goto(`${setup.url}/tokens`);
  await expect(page.locator('[data-open-token]').first()).toBeVisible();
  await expect(count(page)).toHaveText(/so far — loading…$/);
  setup.relay.cut();
  await expect(page.getByRole('alert').filter({ hasText: 'The list is incomplete' })).toBeVisible({ timeout: 20_000 });
  await expect(count(page)).toHaveText(/^[\d,]+ tokens — list incomplete$/);
  await expect(page.locator('[data-open-token]').first()).toBeVisible();
});
