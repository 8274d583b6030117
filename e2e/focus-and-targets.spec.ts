// Focus can be seen on every control of the list (the rings of the checkboxes are not cut by their cells), and
// on a phone-sized screen every target is big enough or far enough from the next (WCAG 2.5.8, axe target-size,
// which Lighthouse's target-size audit runs).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** How the focused element's focus ring shows: its width, and whether any clipping ancestor cuts it. */
function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const width = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
    const reach = width + parseFloat(style.outlineOffset || '0');
    const box = el.getBoundingClientRect();
    const ring = { left: box.left - reach, top: box.top - reach, right: box.right + reach, bottom: box.bottom + reach };
    let cutBy: string | null = null;
    for (let node = el.parentElement; node && !cutBy; node = node.parentElement) {
      const overflow = getComputedStyle(node);
      if (overflow.overflowX === 'visible' && overflow.overflowY === 'visible') continue;
      const clip = node.getBoundingClientRect();
      if (
        ring.left < clip.left - 0.5 ||
        ring.top < clip.top - 0.5 ||
        ring.right > clip.right + 0.5 ||
        ring.bottom > clip.bottom + 0.5
      ) {
        cutBy = node.className || node.tagName;
      }
    }
    const label = (el as HTMLInputElement).labels?.[0]?.textContent;
    return { name: el.getAttribute('aria-label') ?? label?.trim() ?? el.textContent?.trim() ?? '', width, cutBy };
  });
}

for (const width of [1280, 420]) {
  test(`every control of the list shows a whole focus ring when reached by keyboard (${width}px)`, async ({
    page,
    product,
  }) => {
    await page.setViewportSize({ width, height: 860 });
    await page.goto(`${product.url}/tokens`);
    const selectAll = page.getByRole('checkbox', { name: /^Select all/ });
    await selectAll.focus();
    // Tab from the header checkbox past the sortable headings (wide screens) to the rows' one Tab stop, the first
    // row's checkbox; then the arrow keys through its controls and the next row's.
    const seen = [await focusRing(page)];
    const inFirstRow = () => page.evaluate(() => !!document.activeElement?.closest('[aria-rowindex="2"]'));
    for (let i = 0; i < 8 && !(await inFirstRow()); i++) {
      await page.keyboard.press('Tab');
      seen.push(await focusRing(page));
    }
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowLeft']) {
      await page.keyboard.press(key);
      seen.push(await focusRing(page));
    }
    expect(seen.map((s) => s.name)).toContain("Select admin's Token");
    expect(seen.some((s) => /^Select all/.test(s.name))).toBe(true);
    for (const ring of seen) {
      expect(ring, `focus ring of “${ring.name}”`).toMatchObject({ cutBy: null });
      expect(ring.width, `focus ring of “${ring.name}”`).toBeGreaterThanOrEqual(2);
    }
  });
}

test('on a 420px screen every control is a big enough touch target (axe target-size)', async ({ page, product }) => {
  await page.setViewportSize({ width: 420, height: 860 });
  await page.goto(`${product.url}/tokens`);
  await expect(page.getByRole('row').nth(4)).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
  expect(violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
});
