// Rows a person can tell apart and move through fast: the rows are one Tab stop with the grid keys of WAI-ARIA's
// grid pattern inside (also to rows out of the DOM), shift-click ticks a range, and a long description is cut in the
// middle so its distinguishing end stays in view, whole on hover and focus.
import type { Page } from '@playwright/test';
import { expect, rowOf, seedProductTokens, test } from './fixtures';

/** The focused element's row (its aria-rowindex: 2 is the first token) and accessible name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const row = el.closest('[role="row"]');
    const label = (el as HTMLInputElement).labels?.[0]?.textContent;
    return {
      row: Number(row?.getAttribute('aria-rowindex') ?? 0),
      name: el.getAttribute('aria-label') ?? label ?? el.textContent ?? '',
    };
  });

test('the rows are one Tab stop; arrows, Home/End and PageUp/PageDown move between them', async ({ page, product }) => {
  seedProductTokens(product, { tokens: 300, users: 3 });
  await page.goto(`${product.url}/tokens`);
  const table = page.getByRole('table', { name: 'API tokens' });
  await expect(table).toHaveAttribute('aria-rowcount', '308');
  await page.getByRole('checkbox', { name: /^Select all [0-9]/ }).focus();
  // Past the six sortable headings, into the first row.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ row: 2, name: expect.stringMatching(/^Select /) });

  await page.keyboard.press('ArrowRight');
  expect((await focused(page)).name).toBe(
    await page.getByRole('row').nth(1).locator('[data-open-token]').textContent(),
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await focused(page)).toMatchObject({ row: 4 });
  const third = await page.getByRole('row').nth(3).locator('[data-open-token]').getAttribute('aria-label');
  expect((await focused(page)).name).toBe(third);
  await page.keyboard.press('ArrowUp');
  expect(await focused(page)).toMatchObject({ row: 3 });

  // End: the last row, far out of the DOM, is rendered, focused and scrolled into view; its description button.
  await page.keyboard.press('End');
  await expect.poll(async () => (await focused(page)).row).toBe(308);
  const last = page.locator(':focus');
  await expect(last).toBeInViewport({ ratio: 1 });
  await expect(last).toHaveAttribute('data-open-token');
  await page.keyboard.press('PageUp');
  const up = (await focused(page)).row;
  expect(up).toBeLessThan(308 - 5);
  expect(up).toBeGreaterThan(308 - 30);
  await expect(page.locator(':focus')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('PageDown');
  expect((await focused(page)).row).toBe(308);
  await page.keyboard.press('Home');
  await expect.poll(async () => (await focused(page)).row).toBe(2);
  await expect(page.locator(':focus')).toBeInViewport({ ratio: 1 });
  // Not under the sticky column headings.
  const head = await page.getByRole('columnheader', { name: 'Owner' }).boundingBox();
  const row = await page.locator(':focus').boundingBox();
  expect(row!.y).toBeGreaterThanOrEqual(head!.y + head!.height - 1);

  // Arrow Down on a row's menu button moves down (Enter still opens the menu); focus stays in its column.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect((await focused(page)).name).toMatch(/^Actions for /);
  await page.keyboard.press('ArrowDown');
  expect(await focused(page)).toMatchObject({ row: 3, name: expect.stringMatching(/^Actions for /) });
  await expect(page.getByRole('menu')).toHaveCount(0);

  // Tab leaves the rows at once, Shift+Tab comes back to the same control.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ row: 0 });
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toMatchObject({ row: 3, name: expect.stringMatching(/^Actions for /) });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
});

test('shift-click ticks the range from the last clicked row, also the rows scrolled out of the DOM', async ({
  page,
  product,
}) => {
  seedProductTokens(product, { tokens: 300, users: 3 });
  await page.goto(`${product.url}/tokens`);
  await page.getByRole('row').nth(1).getByRole('checkbox').click();
  await expect(page.getByText('1 selected')).toBeVisible();
  await page.getByRole('row').nth(1).getByRole('checkbox').focus();
  await page.keyboard.press('End');
  const last = page.locator('[aria-rowindex="308"]').getByRole('checkbox');
  await last.click({ modifiers: ['Shift'] });
  await expect(page.getByText('307 selected')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Select all [0-9]/ })).toBeChecked();
  // Shift-click clears the range the same way.
  await page
    .locator('[aria-rowindex="300"]')
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByText('298 selected')).toBeVisible();
  await expect(last).not.toBeChecked();
});

const ROTATED = (id: string) => `telegraf writer for my-bucket (host web-5) (replaces ${id})`;

for (const width of [1024, 420]) {
  test(`a long description keeps its end in view, and shows whole on hover and focus (${width}px)`, async ({
    page,
    product,
    influx,
  }) => {
    const old = await influx.tokenNamed("user2's telegraf writer");
    const description = ROTATED(old.id);
    await influx.createAuthorization({ orgID: product.standin.orgID, description, permissions: old.permissions });
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${product.url}/tokens`);
    const button = rowOf(page, description).getByRole('button', { name: description, exact: true });
    await button.scrollIntoViewIfNeeded();
    expect(await button.textContent()).toBe(description);
    // The start is cut, the note that tells it from the old token is not: it ends inside the description's cell.
    const end = button.getByText(`(replaces ${old.id})`, { exact: true });
    await expect(end).toBeInViewport({ ratio: 1 });
    const [endBox, cellBox] = [await end.boundingBox(), await button.locator('..').locator('..').boundingBox()];
    expect(endBox!.x + endBox!.width).toBeLessThanOrEqual(cellBox!.x + cellBox!.width);
    const whole = () => button.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(await whole()).toBe('none');
    await button.hover();
    expect(await whole()).toBe(JSON.stringify(description));
    await page.mouse.move(1, 1);
    expect(await whole()).toBe('none');
    // By keyboard: from the row's checkbox, Arrow Right.
    await rowOf(page, description).getByRole('checkbox').focus();
    await page.keyboard.press('ArrowRight');
    await expect(button).toBeFocused();
    expect(await whole()).toBe(JSON.stringify(description));
  });
}

test('at 420px every card shows Modified on a line of its own', async ({ page, product }) => {
  await page.setViewportSize({ width: 420, height: 860 });
  await page.goto(`${product.url}/tokens`);
  // "just now" used to fit beside Created, "3 minutes ago" not: the same card changed shape as time passed.
  await expect(page.getByText('just now').first()).toBeVisible();
  const rows = page.getByRole('row').filter({ has: page.locator('.token-cell--updated') });
  for (const row of await rows.all()) {
    const created = (await row.locator('.token-cell--created').boundingBox())!;
    const modified = (await row.locator('.token-cell--updated').boundingBox())!;
    expect(modified.y).toBeGreaterThanOrEqual(created.y + created.height - 1);
    expect(modified.x).toBe(created.x);
  }
});
