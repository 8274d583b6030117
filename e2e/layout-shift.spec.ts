// Nothing above the rows moves them while a person works: the "N selected" bar and the "Could not refresh the
// list" banner appear without shifting a single row, so a click lands where the person aimed.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { failListRefreshes } from './support/refresh-failure';

const rowBoxes = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('checkbox') });

for (const width of [1280, 420]) {
  test(`ticking a row and then clicking where the next row's checkbox was ticks that row (${width}px)`, async ({
    page,
    product,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${product.url}/tokens`);
    const first = page.getByRole('checkbox', { name: /^Select (?!all)/ }).nth(0);
    const second = page.getByRole('checkbox', { name: /^Select (?!all)/ }).nth(1);
    const secondName = await second.getAttribute('aria-label');
    const before = (await second.boundingBox())!;
    await first.click();
    await expect(page.getByRole('region', { name: 'Selected tokens' })).toContainText('1 selected');
    // Where the person's eyes (and pointer) already were: the second row's checkbox before the bar appeared.
    await page.mouse.click(before.x + before.width / 2, before.y + before.height / 2);
    await expect(page.getByRole('checkbox', { name: secondName! })).toBeChecked();
    await expect(page.getByRole('region', { name: 'Selected tokens' })).toContainText('2 selected');
    expect((await second.boundingBox())!.y).toBe(before.y);
  });
}

test('the "Could not refresh the list" banner does not move the rows', async ({ page, product }) => {
  await page.goto(`${product.url}/tokens`);
  const rows = rowBoxes(page);
  await expect(rows.nth(3)).toBeVisible();
  const before = (await rows.nth(3).boundingBox())!;
  await failListRefreshes(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Could not refresh the list' })).toBeVisible({
    timeout: 15_000,
  });
  expect((await rows.nth(3).boundingBox())!.y).toBe(before.y);
});

test('the rows are drawn whole by the first-load CSS: nothing changes when on-demand code (and its CSS) arrives later', async ({
  page,
  product,
}) => {
  // Hold back every stylesheet but the one index.html links, as on a slow link where the dialogs' and menus' chunks
  // (fetched when the person points at what opens them) have not arrived yet: a row must already look as it will.
  const html = await (await page.request.get(`${product.url}/tokens`)).text();
  const firstLoadCss = [...html.matchAll(/href="([^"]+\.css)"/g)].map((match) => match[1]);
  await page.route(/\/assets\/.*\.css$/, (route) =>
    firstLoadCss.some((href) => route.request().url().endsWith(href!)) ? route.continue() : route.abort(),
  );
  await page.goto(`${product.url}/tokens`);
  const box = page.getByRole('checkbox', { name: /^Select (?!all)/ }).first();
  await expect(box).toBeVisible();
  // The checkbox is 1.05rem square with no margin (controls.css), not the browser's 13 px box with its margins.
  const size = await box.evaluate((element) => {
    const style = getComputedStyle(element);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    return { widthInRem: parseFloat(style.width) / rem, marginLeft: style.marginLeft };
  });
  expect(size.widthInRem).toBeCloseTo(1.05, 2);
  expect(size.marginLeft).toBe('0px');
});

test("what the first row and the toolbar show does not move when the dialogs' and menus' stylesheets arrive", async ({
  page,
  browser,
  product,
}) => {
  const html = await (await page.request.get(`${product.url}/tokens`)).text();
  const firstLoadCss = [...html.matchAll(/href="([^"]+\.css)"/g)].map((match) => match[1]!);
  const boxes = async (target: Page) => {
    await expect(target.getByRole('checkbox', { name: /^Select (?!all)/ }).first()).toBeVisible();
    return target.evaluate(() =>
      [
        ...document.querySelectorAll(
          '.tokens-page__header *, .tokens-page__controls *, [role="row"]:nth-child(-n+2) *',
        ),
      ].map((element) => {
        const r = element.getBoundingClientRect();
        return `${element.tagName} ${Math.round(r.x * 10) / 10},${Math.round(r.y * 10) / 10} ${Math.round(r.width * 10) / 10}x${Math.round(r.height * 10) / 10}`;
      }),
    );
  };
  // Only the first-load stylesheet...
  await page.route(/\/assets\/.*\.css$/, (route) =>
    firstLoadCss.some((href) => route.request().url().endsWith(href)) ? route.continue() : route.abort(),
  );
  await page.goto(`${product.url}/tokens`);
  const held = await boxes(page);
  // ...against every stylesheet, once pointing at Generate and at a row's menu has fetched what they open.
  const context = await browser.newContext({ viewport: page.viewportSize()! });
  const full = await context.newPage();
  await full.goto(`${product.url}/tokens`);
  await full.getByRole('button', { name: 'Generate API Token' }).hover();
  await full
    .getByRole('button', { name: /^Actions for / })
    .first()
    .hover();
  await full.mouse.move(0, 0);
  await expect.poll(() => full.evaluate(() => document.styleSheets.length), { timeout: 15_000 }).toBeGreaterThan(3);
  await full.waitForLoadState('networkidle');
  expect(await boxes(full)).toEqual(held);
  await context.close();
});
