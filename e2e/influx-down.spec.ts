// When InfluxDB is down: one failure gives one message, error toasts stack compactly, the list's "Could not
// refresh" banner comes within seconds on an idle page (a light ping, never the list), leaves Export and Generate
// free, and clears by itself once InfluxDB answers again; the Generate dialog's lookup has Retry.
import type { Page } from '@playwright/test';
import { countPageRequests, expect, rowOf, test } from './support/fault-fixtures';
import { DEFAULT_503_MESSAGE } from './support/fault-upstream';

/** A row found by its checkbox, which stays while the description is being edited. */
const editableRow = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select ${name}`, exact: true }) });

const PATCHES = '/api/v2/authorizations/';

test('a rename that failed is not sent again by the blur that follows; several failures stack compactly', async ({
  page,
  faulty,
}) => {
  const patches = countPageRequests(page, 'PATCH', PATCHES);
  await page.goto(`${faulty.url}/tokens`);
  await expect(rowOf(page, 'dashboards viewer')).toBeVisible();
  await faulty.upstream.setMode('down');

  const names = ['dashboards viewer', 'old CI token (revoked)', 'read all buckets'];
  for (const [i, name] of names.entries()) {
    await editableRow(page, name).getByRole('button', { name: 'Edit description' }).click();
    await editableRow(page, name).getByRole('textbox', { name: 'Description' }).fill(`${name} renamed`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Could not rename' })).toHaveCount(i + 1);
    // The failed text is back in its box; leaving it (a click elsewhere) must not send it again.
    await expect(editableRow(page, name).getByRole('textbox', { name: 'Description' })).toHaveValue(`${name} renamed`);
    await page.getByRole('heading', { name: 'API Tokens' }).click();
    await page.waitForTimeout(300);
    expect(patches.count).toBe(i + 1);
    await expect(page.getByRole('alert').filter({ hasText: 'Could not rename' })).toHaveCount(i + 1);
  }

  // Three failures: only the newest explains itself; the older two are one line each.
  const toasts = page.getByRole('region', { name: 'Notifications' }).getByRole('alert');
  await expect(toasts).toHaveCount(3);
  await expect(toasts.nth(2).getByText('Your text is back in the box')).toBeVisible();
  for (const older of [0, 1]) {
    await expect(toasts.nth(older).getByText('Your text is back in the box')).toBeHidden();
    const box = (await toasts.nth(older).boundingBox())!;
    expect(box.height).toBeLessThan(50);
  }
  // Enter still retries on purpose: once more, and InfluxDB is back, so it works.
  await faulty.upstream.setMode('pass');
  await editableRow(page, names[0]!).getByRole('textbox', { name: 'Description' }).press('Enter');
  await expect(page.getByRole('button', { name: `${names[0]} renamed`, exact: true })).toBeVisible();
  expect(patches.count).toBe(4);
});

test('the "Could not refresh the list" banner clears by itself once InfluxDB answers again', async ({
  page,
  faulty,
}) => {
  await page.goto(`${faulty.url}/tokens`);
  await expect(rowOf(page, 'read all buckets')).toBeVisible();
  await faulty.upstream.setMode('error5xx');
  // A change makes the page refresh the list, which fails (after its retries).
  await rowOf(page, 'read all buckets').getByRole('button', { name: 'Edit description' }).click();
  await page.getByRole('textbox', { name: 'Description' }).fill('read all buckets 2');
  await page.keyboard.press('Enter');
  const banner = page.getByRole('alert').filter({ hasText: 'Could not refresh the list' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await faulty.upstream.setMode('pass');
  // No click, no focus change: the page asks again by itself.
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  await expect(editableRow(page, 'read all buckets')).toBeVisible();
});

test('an idle page tells within seconds that InfluxDB stopped answering, and shows what changed once it is back', async ({
  page,
  faulty,
  influx,
}) => {
  await page.goto(`${faulty.url}/tokens`);
  await expect(rowOf(page, 'read all buckets')).toBeVisible();
  await faulty.upstream.setMode('down');
  // No click, no focus change: the page's ping (5 s after the last answer, while it is visible) finds out by itself.
  const banner = page.getByRole('alert').filter({ hasText: 'Could not refresh the list' });
  await expect(banner).toContainText(`InfluxDB at ${faulty.upstream.url} is unreachable: connection refused`, {
    timeout: 10_000,
  });
  // Meanwhile someone renames a token in InfluxDB (straight to it, not through the app).
  const token = await influx.tokenNamed('read all buckets');
  await influx.updateAuthorization(token.id, { description: 'read all buckets (renamed meanwhile)' });

  await faulty.upstream.setMode('pass');
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  await expect(rowOf(page, 'read all buckets (renamed meanwhile)')).toBeVisible();
});

test('while InfluxDB fails only the ping is asked, and the list is downloaded once when it answers again', async ({
  page,
  faulty,
}) => {
  test.setTimeout(45_000); // it watches several pings, 5 s apart
  const pingsSince = (from: number) => faulty.upstream.received.slice(from).filter((r) => r.path === '/ping').length;
  const listGets = () =>
    faulty.upstream.received.filter((r) => r.method === 'GET' && r.path === '/api/v2/authorizations').length;
  const banner = page.getByRole('alert').filter({ hasText: 'Could not refresh the list' });
  await page.goto(`${faulty.url}/tokens`);
  await expect(rowOf(page, 'read all buckets')).toBeVisible();
  const loaded = listGets();

  await faulty.upstream.setMode('error5xx');
  const outage = faulty.upstream.received.length;
  await expect(banner).toContainText(`InfluxDB answered HTTP 503: ${DEFAULT_503_MESSAGE}`, { timeout: 10_000 });
  await expect.poll(() => pingsSince(outage), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  expect(listGets()).toBe(loaded);

  await faulty.upstream.setMode('pass');
  const back = faulty.upstream.received.length;
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  // A ping after the one that found InfluxDB back, and still one download since.
  await expect.poll(() => pingsSince(back), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  expect(listGets()).toBe(loaded + 1);
});

for (const width of [1280, 420]) {
  test(`the "Could not refresh" banner leaves Export and Generate free to click (${width}px)`, async ({
    page,
    faulty,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${faulty.url}/tokens`);
    await expect(rowOf(page, 'read all buckets')).toBeVisible();
    await faulty.upstream.setMode('error5xx');
    const banner = page.getByRole('alert').filter({ hasText: 'Could not refresh the list' });
    await expect(banner).toBeVisible({ timeout: 10_000 });
    // A trial click fails when another element would receive it: here, the banner lying over the button.
    for (const name of ['Export', 'Generate API Token'])
      await page.getByRole('button', { name, exact: true }).click({ trial: true, timeout: 2_000 });
    await banner.getByRole('button', { name: 'Retry' }).click({ trial: true, timeout: 2_000 });
  });
}

test('"Could not look up what to grant" in the Generate dialog has a Retry that works', async ({ page, product }) => {
  // The first answer and the query's two automatic retries fail; the person's Retry then succeeds.
  let failures = 3;
  await page.route('**/api/v2/resources', (route) =>
    failures-- > 0
      ? route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"code":"unavailable","message":"InfluxDB is restarting"}',
        })
      : route.fallback(),
  );
  await page.goto(`${product.url}/tokens`);
  await page.getByRole('button', { name: 'Generate API Token' }).click();
  await page.getByRole('menuitem', { name: 'All Access API Token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate All Access API Token' });
  await expect(dialog.getByRole('alert')).toContainText('Could not look up what to grant: InfluxDB is restarting', {
    timeout: 15_000,
  });
  await expect(dialog.getByRole('button', { name: 'Generate' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Generate' })).toBeEnabled();
});
