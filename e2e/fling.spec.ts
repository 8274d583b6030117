// A fast fling over a long list: once it stops, every row on screen is whole (checkbox, description, pencil, status,
// menu) and in its place, and a control that had focus keeps it throughout, though its row was scrolled far away.
import { expect, seedProductTokens, test } from './fixtures';

for (const width of [1280, 420]) {
  test(`after a fast fling every row on screen is whole, and the focused pencil keeps its focus (${width}px)`, async ({
    page,
    product,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    seedProductTokens(product, { tokens: 1_500, users: 5 });
    await page.goto(`${product.url}/tokens`);
    const pencil = page.getByRole('button', { name: 'Edit description' }).first();
    await pencil.focus();
    const focusedRow = await pencil.evaluate((element) =>
      element.closest('[role="row"]')!.getAttribute('aria-rowindex'),
    );

    // Down the list and back in big steps, one per frame: far faster than anyone reads.
    await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const bottom = document.documentElement.scrollHeight - innerHeight;
      for (const y of [0.2, 0.4, 0.6, 0.8, 1, 0.75, 0.5, 0.25, 0]) {
        window.scrollTo(0, Math.round(bottom * y));
        await frame();
      }
    });

    const rows = page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: /^Select (?!all)/ }) });
    await expect(rows.first()).toBeVisible();
    // Every row rendered has its checkbox, description button, pencil, status and menu.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const all = [...document.querySelectorAll('.tokens-table__body > [role="row"]')];
          const whole = all.filter(
            (row) =>
              row.querySelector('input[type="checkbox"]') &&
              row.querySelector('[data-open-token]') &&
              row.querySelector('[aria-label="Edit description"]') &&
              row.querySelector('.status-badge') &&
              row.querySelector('[data-row-actions]'),
          );
          return all.length > 10 && whole.length === all.length;
        }),
      )
      .toBe(true);
    // Rows stand where their index puts them: one row height apart, in order, none overlapping.
    const tops = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.tokens-table__body > [role="row"]')]
        .map((row) => ({ index: Number(row.dataset.index), top: row.getBoundingClientRect().top }))
        .sort((a, b) => a.index - b.index),
    );
    for (let i = 1; i < tops.length; i++) {
      if (tops[i]!.index !== tops[i - 1]!.index + 1) continue; // the focused row, kept though far away
      expect(tops[i]!.top).toBeGreaterThan(tops[i - 1]!.top);
    }
    await expect(pencil).toBeFocused();
    expect(
      await page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex')),
    ).toBe(focusedRow);
  });
}
