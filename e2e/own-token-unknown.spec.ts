// The page on an InfluxDB that does not say which token it runs on (Cloud, OSS 2.8+ with hashed tokens): the app
// server points at the stand-in as at any InfluxDB, so it must match token strings, which the list leaves empty.
// The page says so once, asks before switching off a token that may be its own, and when that was the one, says
// it is locked out instead of "no tokens yet".
import type { Page } from '@playwright/test';
import { startAppServer, type RunningAppServer } from '../server/app/app-server';
import { test as base, expect, rowOf } from './fixtures';
import { distDir } from './support/fault-fixtures';

const OWN = "admin's Token";
const MAYBE = 'This may be the token this console uses';

/** The app server in front of the stand-in as in front of an InfluxDB: it identifies its token by listing. */
const test = base.extend<{ asInflux: RunningAppServer }>({
  asInflux: async ({ product }, use) => {
    const app = await startAppServer({
      mode: 'influx',
      upstreamUrl: product.standin.url,
      serverToken: product.standin.operatorToken,
      org: product.standin.orgName,
      staticDir: distDir,
    });
    try {
      await use(app);
    } finally {
      await app.close();
    }
  },
});

async function rowMenu(page: Page, description: string, item: RegExp) {
  await rowOf(page, description)
    .getByRole('button', { name: `Actions for ${description}` })
    .click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('says once that it cannot tell its own token, and asks before one that may be it goes off', async ({
  page,
  asInflux,
  influx,
}) => {
  const own = await influx.tokenNamed(OWN);
  await page.goto(`${asInflux.url}/tokens`);
  const note = page.getByText(/so the page cannot tell which token it runs on/);
  await expect(note).toBeVisible();
  await expect(note).toHaveCount(1);
  await expect(rowOf(page, OWN).getByText("This page's token")).toHaveCount(0);

  // The drawer's switch asks first; Cancel keeps it on.
  await rowOf(page, OWN).getByRole('button', { name: OWN, exact: true }).click();
  const drawer = page.getByRole('dialog', { name: OWN });
  await drawer.getByRole('switch', { name: 'Active' }).click();
  const ask = page.getByRole('alertdialog', { name: MAYBE });
  await expect(ask).toContainText(`“${OWN}” could be it`);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(drawer.getByRole('switch', { name: 'Active' })).toBeChecked();
  await drawer.getByRole('button', { name: 'Close' }).click();
  expect((await influx.getAuthorization(own.id)).status).toBe('active');

  await page.getByRole('button', { name: 'Dismiss this note' }).click();
  await expect(note).toHaveCount(0);

  // The row menu asks too; confirmed, and it was the page's token: the page says it is locked out, nothing stale.
  await rowMenu(page, OWN, /^Deactivate/);
  await page
    .getByRole('alertdialog', { name: MAYBE })
    .getByRole('button', { name: `Deactivate “${OWN}”` })
    .click();
  const lost = page.getByRole('alert').filter({ hasText: "This page's own token no longer works" });
  await expect(lost).toContainText('The token this page uses is inactive, so InfluxDB refuses every request');
  await expect(page.getByText("Looks like there aren't any API tokens yet")).toHaveCount(0);
  await expect(page.getByText(/\d+ (of \d+ )?tokens?$/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Generate/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Export/ })).toHaveCount(0);

  // A reload names the same cause.
  await page.reload();
  await expect(lost).toBeVisible();
  await expect(page.getByText("Looks like there aren't any API tokens yet")).toHaveCount(0);
});

test("another user's token goes off at once: it cannot be the page's", async ({ page, asInflux, influx }) => {
  const other = (await influx.listAuthorizations()).find((t) => t.user !== 'admin' && t.status === 'active')!;
  await page.goto(`${asInflux.url}/tokens`);
  await rowMenu(page, other.description, /^Deactivate/);
  await expect(rowOf(page, other.description).getByText('Inactive', { exact: true })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  expect((await influx.getAuthorization(other.id)).status).toBe('inactive');
});
