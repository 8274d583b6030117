// Smaller conveniences of the list: sortable headings with aria-sort, owners in natural order, dates with their
// time zone, a "nothing matches" hint naming every filter, a link filter the page cannot show said to be
// invalid, "/" to the filter box, a skip link to the table, and on a phone the filters folded away.
import { expect, rowOf, seedProductTokens, test } from './fixtures';
import { seriousViolations } from './support/axe';

test.use({ timezoneId: 'Europe/Berlin' });

test('column headings sort the list and say how (aria-sort); owners sort naturally', async ({ page, product }) => {
  // Ten more owners, user-seed-1 … user-seed-10, written to the stand-in's database as `npm run seed` does.
  seedProductTokens(product, { tokens: 10, users: 10 });
  await page.goto(`${product.url}/tokens`);
  const owner = page.getByRole('columnheader', { name: 'Owner' });
  await expect(owner).toHaveAttribute('aria-sort', 'none');
  await expect(page.getByRole('columnheader', { name: 'Description' })).toHaveAttribute('aria-sort', 'ascending');
  await owner.getByRole('button').click();
  await expect(owner).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=owner&dir=asc/);
  const owners = async () =>
    (await page.getByRole('row').locator('.token-cell--owner').allTextContents()).filter((t) =>
      /^user-seed-(2|10)$/.test(t),
    );
  await expect.poll(owners).toEqual(['user-seed-2', 'user-seed-10']);
  await owner.getByRole('button').click();
  await expect(owner).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(owners).toEqual(['user-seed-10', 'user-seed-2']);
  // The owner filter lists them naturally too.
  const options = await page.getByRole('combobox', { name: 'Owner' }).locator('option').allTextContents();
  expect(options.indexOf('user-seed-2')).toBeLessThan(options.indexOf('user-seed-10'));
  // Dates say their time zone: in the Created heading, and on hover of the relative "Last modified".
  await expect(page.getByRole('columnheader', { name: /Created \(GMT\+1|CET\)/ })).toBeVisible();
  await expect(rowOf(page, 'read all buckets').locator('.token-cell--updated time')).toHaveAttribute(
    'title',
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (GMT\+1|CET) \(/,
  );
  expect(await seriousViolations(page)).toEqual([]);
});

test('nothing matches: the hint names every active filter', async ({ page, product }) => {
  await page.goto(`${product.url}/tokens?q=zzz&status=inactive&owner=user2&perm=write:buckets`);
  const panel = page.getByRole('heading', { name: 'No API tokens match your filters' }).locator('..');
  await expect(panel).toContainText(
    'Filtered by search “zzz”, status Inactive, owner user2, permission write:buckets.',
  );
});

test('a link filter the page cannot show is said to be invalid, not silently matching nothing', async ({
  page,
  product,
}) => {
  await page.goto(`${product.url}/tokens?perm=write:foo`);
  const alert = page.getByRole('alert').filter({ hasText: 'not valid' });
  await expect(alert).toContainText('permission “write:foo” names no resource type this InfluxDB has (“foo”)');
  // Not applied: every token shows.
  await expect(page.getByText('7 tokens')).toBeVisible();
  await alert.getByRole('button', { name: 'Remove from the link' }).click();
  await expect(alert).toHaveCount(0);
  await expect(page).not.toHaveURL(/perm=/);
});

test('"/" goes to the filter box, and a skip link goes past the filters to the table', async ({ page, product }) => {
  await page.goto(`${product.url}/tokens`);
  await expect(rowOf(page, 'read all buckets')).toBeVisible();
  await page.getByRole('heading', { name: 'API Tokens' }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter tokens' })).toBeFocused();
  // The "/" itself is not typed into the box. (Typing at full speed right after the page loads can lose the first
  // keystrokes, already on the base commit; reported separately, so this test does not race it.)
  await expect(page.getByRole('searchbox', { name: 'Filter tokens' })).toHaveValue('');
  // Inside a text field "/" is just a character.
  await page.getByRole('searchbox', { name: 'Filter tokens' }).fill('a/b');
  await expect(page.getByRole('searchbox', { name: 'Filter tokens' })).toHaveValue('a/b');

  await page.goto(`${product.url}/tokens`);
  await expect(rowOf(page, 'read all buckets')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the token list' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'API tokens' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: /^Select all/ })).toBeFocused();
});

test('at 420px the filters fold behind "Filters", so the first token is on the first screen', async ({
  page,
  product,
}) => {
  await page.setViewportSize({ width: 420, height: 760 });
  await page.goto(`${product.url}/tokens?status=active`);
  const first = page.getByRole('row').nth(2);
  await expect(first).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('combobox', { name: 'Owner' })).toBeHidden();
  const fold = page.getByRole('button', { name: 'Filters (1)' });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('combobox', { name: 'Owner' }).selectOption('user2');
  await expect(page.getByRole('button', { name: 'Filters (2)' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
