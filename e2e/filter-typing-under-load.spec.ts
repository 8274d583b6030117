// Typed letters are never lost while the page is slow (e2e keyboard.spec.ts once ended on "?q=legraf"): each
// keystroke updates the URL in a transition, and under load React sets those renders aside and replays them after
// newer keystrokes. The CPU is slowed 12× so the URL updates are still rendering while the next letters arrive.
import { expect, test } from './fixtures';

const ROUNDS = 5;

test('the filter keeps every typed letter on a slowed CPU, in the box and in the URL', async ({ page, product }) => {
  test.setTimeout(120_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 12 });
  const box = page.getByRole('searchbox', { name: 'Filter tokens' });
  const seen: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await page.goto(`${product.url}/tokens`);
    await expect(page.getByRole('table', { name: 'API tokens' })).toBeVisible({ timeout: 20_000 });
    await box.focus();
    await page.keyboard.type('telegraf');
    await expect(page).toHaveURL(/\?q=/, { timeout: 20_000 });
    // Settled: the URL has caught up with the box.
    await expect
      .poll(async () => new URL(page.url()).searchParams.get('q') === (await box.inputValue()), { timeout: 20_000 })
      .toBe(true);
    seen.push(await box.inputValue());
  }
  expect(seen).toEqual(Array(ROUNDS).fill('telegraf'));
  await expect(page.getByText('1 of 7 tokens')).toBeVisible({ timeout: 20_000 });
});
