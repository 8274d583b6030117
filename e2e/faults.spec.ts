// Upstream faults seen from the page: InfluxDB refusing connections, hanging past the app server's timeout,
// answering 503, or cutting an answer off. For a rename and for the Active switch, the page must say what
// happened in words, put back what InfluxDB still has, keep the person's text, send the change once, and
// succeed once InfluxDB is back.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { DEFAULT_503_MESSAGE, type FaultMode } from './support/fault-upstream';
import { APP_TIMEOUT_MS, countPageRequests, expect, rowOf, test } from './support/fault-fixtures';

const SHOTS = process.env.FAULT_SHOTS_DIR ?? '/tmp/fault-shots';
const PATCHES = '/api/v2/authorizations/';
const TOKEN = 'dashboards viewer';
const TYPED = 'dashboards viewer (wall screen)';

interface Fault {
  mode: Exclude<FaultMode, 'pass'>;
  /** What the message must say about the cause. */
  reason: (upstream: string) => RegExp;
  /** How many PATCHes reach the hop for one attempt (a refused connection never arrives). */
  arriving: number;
  /** Whether the page can know the change did not happen (InfluxDB answered, or was never reached). */
  certain: boolean;
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FAULTS: Fault[] = [
  {
    mode: 'down',
    arriving: 0,
    certain: true,
    reason: (u) => new RegExp(`InfluxDB at ${escapeRe(u)} is unreachable: connection refused`),
  },
  {
    mode: 'slow',
    arriving: 1,
    certain: false,
    reason: (u) => new RegExp(`InfluxDB at ${escapeRe(u)} did not answer within ${APP_TIMEOUT_MS} ms`),
  },
  {
    mode: 'error5xx',
    arriving: 1,
    certain: true,
    reason: () => new RegExp(`InfluxDB answered HTTP 503: ${escapeRe(DEFAULT_503_MESSAGE)}`),
  },
  {
    mode: 'reset',
    arriving: 1,
    certain: false,
    reason: () => /The answer from the server was cut off before it was complete/,
  },
];

/** The list's own refresh fails too (InfluxDB is out for everything), but only after its retries. */
const refreshFailed = (page: Page) => page.getByText('Could not refresh the list', { exact: false });

/**
 * The page's ping (every 5 s) sees InfluxDB up, so that "Could not refresh" can only come from the list's own
 * refresh, and "told at once" does not depend on when the next ping happens to leave.
 */
const answerPings = (page: Page) => page.route('**/ping', (route) => route.fulfill({ status: 204 }));

async function shoot(page: Page, name: string, message: Locator) {
  mkdirSync(SHOTS, { recursive: true });
  await message.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

for (const fault of FAULTS) {
  test(`rename while InfluxDB is ${fault.mode}: says why, keeps the text, rolls back, sends once, works once it is back`, async ({
    page,
    faulty,
    influx,
  }) => {
    const before = await influx.tokenNamed(TOKEN);
    const browserPatches = countPageRequests(page, 'PATCH', PATCHES);
    await answerPings(page);
    await page.goto(`${faulty.url}/tokens`);
    const row = rowOf(page, TOKEN);
    await row.getByRole('button', { name: 'Edit description' }).click();
    const box = page.getByRole('textbox', { name: 'Description' });
    await box.fill(TYPED);

    await faulty.upstream.setMode(fault.mode);
    await page.getByRole('heading', { name: 'API Tokens' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Could not rename' });
    await expect(alert).toContainText(`Could not rename “${TOKEN}”:`);
    await expect(alert).toContainText(fault.reason(faulty.upstream.url));
    // Told at once: the message does not wait for the list's refresh (and its retries) to fail as well.
    await expect(refreshFailed(page)).toHaveCount(0);
    await expect(box).toHaveValue(TYPED);
    await shoot(page, `rename-${fault.mode}`, alert);
    expect(browserPatches.count).toBe(1);
    expect(faulty.upstream.count('PATCH', PATCHES)).toBe(fault.arriving);
    const unchanged = await influx.getAuthorization(before.id);
    expect([unchanged.description, unchanged.updatedAt]).toEqual([before.description, before.updatedAt]);

    // Dismissing the kept text shows the name InfluxDB still has.
    await box.press('Escape');
    await expect(row.getByRole('button', { name: TOKEN, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: TYPED, exact: true })).toHaveCount(0);

    // InfluxDB is back: the same action succeeds, once, and lasts.
    await faulty.upstream.setMode('pass');
    await row.getByRole('button', { name: 'Edit description' }).click();
    await box.fill(TYPED);
    await page.getByRole('heading', { name: 'API Tokens' }).click();
    await expect(page.getByRole('button', { name: TYPED, exact: true })).toBeVisible();
    await expect.poll(async () => (await influx.getAuthorization(before.id)).description).toBe(TYPED);
    expect(browserPatches.count).toBe(2);
    expect(faulty.upstream.count('PATCH', PATCHES)).toBe(fault.arriving + 1);
    await page.reload();
    await expect(page.getByRole('button', { name: TYPED, exact: true })).toBeVisible();
  });

  test(`Active switch while InfluxDB is ${fault.mode}: says why, flips back, sends once, works once it is back`, async ({
    page,
    faulty,
    influx,
  }) => {
    const before = await influx.tokenNamed(TOKEN);
    expect(before.status).toBe('active');
    const browserPatches = countPageRequests(page, 'PATCH', PATCHES);
    await answerPings(page);
    await page.goto(`${faulty.url}/tokens/${before.id}`);
    const dialog = page.getByRole('dialog', { name: TOKEN });
    const active = dialog.getByRole('switch', { name: 'Active' });
    await expect(active).toBeChecked();

    await faulty.upstream.setMode(fault.mode);
    await active.click();

    const alert = dialog.getByRole('alert').filter({ hasText: 'Could not deactivate' });
    await expect(alert).toContainText(`Could not deactivate “${TOKEN}”:`);
    await expect(alert).toContainText(fault.reason(faulty.upstream.url));
    await expect(alert).toContainText(
      fault.certain ? 'It is still active.' : 'InfluxDB may have made the change anyway',
    );
    await expect(refreshFailed(page)).toHaveCount(0);
    await expect(active).toBeChecked();
    await shoot(page, `switch-${fault.mode}`, alert);
    expect(browserPatches.count).toBe(1);
    expect(faulty.upstream.count('PATCH', PATCHES)).toBe(fault.arriving);
    const unchanged = await influx.getAuthorization(before.id);
    expect([unchanged.status, unchanged.updatedAt]).toEqual(['active', before.updatedAt]);

    await faulty.upstream.setMode('pass');
    await active.click();
    await expect(active).not.toBeChecked();
    await expect(dialog.getByRole('status').filter({ hasText: `Token “${TOKEN}” deactivated` })).toBeVisible();
    await expect.poll(async () => (await influx.getAuthorization(before.id)).status).toBe('inactive');
    expect(browserPatches.count).toBe(2);
    expect(faulty.upstream.count('PATCH', PATCHES)).toBe(fault.arriving + 1);
    await page.reload();
    await expect(page.getByRole('dialog', { name: TOKEN }).getByRole('switch', { name: 'Active' })).not.toBeChecked();
  });
}

test('an answer cut off after InfluxDB made the change: the page does not claim it failed for sure, and ends showing what InfluxDB has', async ({
  page,
  faulty,
  influx,
}) => {
  const before = await influx.tokenNamed(TOKEN);
  const browserPatches = countPageRequests(page, 'PATCH', PATCHES);
  await page.goto(`${faulty.url}/tokens/${before.id}`);
  const dialog = page.getByRole('dialog', { name: TOKEN });
  const active = dialog.getByRole('switch', { name: 'Active' });
  await expect(active).toBeChecked();

  // Only the PATCH is cut off, so the list's refresh afterwards reads InfluxDB's real state.
  await faulty.upstream.setMode('reset', { methods: ['PATCH'], afterForwarding: true });
  await active.click();
  const alert = dialog.getByRole('alert').filter({ hasText: 'Could not deactivate' });
  await expect(alert).toContainText('may or may not have taken effect');
  await expect(alert).not.toContainText('It is still active');
  await shoot(page, 'switch-reset-after-change', alert);
  await expect.poll(async () => (await influx.getAuthorization(before.id)).status).toBe('inactive');
  await expect(active).not.toBeChecked();
  expect(browserPatches.count).toBe(1);
  expect(faulty.upstream.count('PATCH', PATCHES)).toBe(1);
});

test('as the message says, Enter in the kept text tries the rename again once InfluxDB is back', async ({
  page,
  faulty,
  influx,
}) => {
  const before = await influx.tokenNamed(TOKEN);
  const browserPatches = countPageRequests(page, 'PATCH', PATCHES);
  await page.goto(`${faulty.url}/tokens`);
  await rowOf(page, TOKEN).getByRole('button', { name: 'Edit description' }).click();
  const box = page.getByRole('textbox', { name: 'Description' });
  await box.fill(TYPED);
  await faulty.upstream.setMode('error5xx', { methods: ['PATCH'] });
  await box.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'press Enter to try again' })).toBeVisible();
  await expect(box).toHaveValue(TYPED);
  await expect(box).toBeFocused();

  await faulty.upstream.setMode('pass');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: TYPED, exact: true })).toBeVisible();
  await expect.poll(async () => (await influx.getAuthorization(before.id)).description).toBe(TYPED);
  expect(browserPatches.count).toBe(2);
});
