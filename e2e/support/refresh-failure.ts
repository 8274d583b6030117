// The "Could not refresh the list" state, as the layout-shift spec and the screenshots bring it about.
import type { Page } from '@playwright/test';

/**
 * From now on every GET of the token list answers InfluxDB's 503 (other requests go through); then "read all
 * buckets" is switched off in its drawer, which makes the page refetch the list. Wait for the banner yourself.
 */
export async function failListRefreshes(page: Page): Promise<void> {
  await page.route(/\/api\/v2\/authorizations(\?|$)/, (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"code":"unavailable","message":"service unavailable"}',
        })
      : route.fallback(),
  );
  await page.getByRole('button', { name: 'read all buckets', exact: true }).click();
  await page.getByRole('dialog').getByRole('switch', { name: 'Active' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
}
