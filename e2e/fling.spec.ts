// A fast fling over a long list: rows that first appear while it flies are sketches (their description only), and
// once it settles every row on screen is whole again; a control that had focus keeps it throughout.
import { dirname } from 'node:path';
import { seedTokens } from '../server/standin/seed-tokens';
import { StandinStore } from '../server/standin/store';
import { expect, test } from './fixtures';

test('after a fast fling every row on screen is whole again, and the focused pencil keeps its focus', async ({
  page,
  product,
}) => {
  const store = StandinStore.open(dirname(product.standin.operatorTokenFile));
  try {
    seedTokens(store, { tokens: 1_500, users: 5 });
  } finally {
    store.close();
  }
  await page.goto(`${product.url}/tokens`);
  const pencil = page.getByRole('button', { name: 'Edit description' }).first();
  await pencil.focus();
  const focusedRow = await pencil.evaluate((element) => element.closest('[role="row"]')!.getAttribute('aria-rowindex'));

  // Down the list and back in big steps, one per frame: far faster than anyone reads (fling-watch.ts). Every row
  // added to the list meanwhile is recorded, sketch or whole.
  const seen = await page.evaluate(async () => {
    const body = document.querySelector('.tokens-table__body')!;
    const added = { sketches: 0, whole: 0 };
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement && node.getAttribute('role') === 'row')
            added[node.hasAttribute('data-sketch') ? 'sketches' : 'whole']++;
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
  expect(counts.whole).toBe(counts.all);
  await expect(pencil).toBeFocused();
  expect(
    await page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex')),
  ).toBe(focusedRow);
});
