// A fast fling over a long list: rows that first appear while it flies are sketches (their description only), and
// once it settles every row on screen is whole again; a control that had focus keeps it throughout.
import { expect, seedProductTokens, test } from './fixtures';

for (const width of [1280, 420]) {
  test(`after a fast fling every row on screen is whole again, in the same place, and the focused pencil keeps its focus (${width}px)`, async ({
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

    // Down the list and back in big steps, one per frame: far faster than anyone reads (fling-watch.ts). Every sketch
    // row added to the list meanwhile is counted.
    const seen = await page.evaluate(async () => {
      const body = document.querySelector('.tokens-table__body')!;
      const added = { sketches: 0, sketchText: null as { x: number; y: number } | null };
      const observer = new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (
              node instanceof HTMLElement &&
              node.getAttribute('role') === 'row' &&
              node.hasAttribute('data-sketch')
            ) {
              added.sketches++;
              // Where a sketch's description sits within its row, to compare with a whole row's.
              const text = node.querySelector('.token-row__open');
              if (text && !added.sketchText) {
                const [row, box] = [node.getBoundingClientRect(), text.getBoundingClientRect()];
                added.sketchText = { x: box.left - row.left, y: box.top - row.top };
              }
            }
      });
      observer.observe(body, { childList: true });
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const bottom = document.documentElement.scrollHeight - innerHeight;
      for (const y of [0.2, 0.4, 0.6, 0.8, 1, 0.75, 0.5, 0.25, 0]) {
        window.scrollTo(0, Math.round(bottom * y));
        await frame();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      return added;
    });
    expect(seen.sketches).toBeGreaterThan(0);

    await expect(page.locator('[data-sketch]')).toHaveCount(0);
    const rows = page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: /^Select (?!all)/ }) });
    await expect(rows.first()).toBeVisible();
    // Every row rendered has its checkbox, description button, pencil, status and menu back.
    const counts = await page.evaluate(() => {
      const all = [...document.querySelectorAll('.tokens-table__body > [role="row"]')];
      const whole = all.filter(
        (row) =>
          row.querySelector('input[type="checkbox"]') &&
          row.querySelector('[data-open-token]') &&
          row.querySelector('[aria-label="Edit description"]') &&
          row.querySelector('.status-badge') &&
          row.querySelector('[data-row-actions]'),
      );
      return { all: all.length, whole: whole.length };
    });
    expect(counts.all).toBeGreaterThan(10);
    // The description does not jump when the sketch becomes whole: the button stands where the sketch's text stood.
    const wholeText = await rows.nth(2).evaluate((row) => {
      const [outer, box] = [
        row.getBoundingClientRect(),
        row.querySelector('[data-open-token]')!.getBoundingClientRect(),
      ];
      return { x: box.left - outer.left, y: box.top - outer.top };
    });
    expect(seen.sketchText).not.toBeNull();
    expect(Math.abs(seen.sketchText!.x - wholeText.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(seen.sketchText!.y - wholeText.y)).toBeLessThanOrEqual(2);
    expect(counts.whole).toBe(counts.all);
    await expect(pencil).toBeFocused();
    expect(
      await page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex')),
    ).toBe(focusedRow);
  });
}
