// The token the page itself runs on: marked, guarded, and when it stops working the page says so and how to
// recover; recovery (a new operator token in DATA_DIR/operator-token) works without reloading the tab.
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, rowOf, test } from './fixtures';
import { seriousViolations } from './support/axe';

const OWN = "admin's Token";
const ownBadge = (page: Page) => rowOf(page, OWN).getByText("This page's token");

test('the own token is marked; switching it off asks first, then the page names the cause and recovers after the recovery command', async ({
  page,
  product,
  influx,
}) => {
  const ownID = (await influx.tokenNamed(OWN)).id;
  await page.goto(`${product.url}/tokens`);
  await expect(ownBadge(page)).toBeVisible();
  await expect(rowOf(page, 'read all buckets').getByText("This page's token")).toHaveCount(0);

  await rowOf(page, OWN).getByRole('button', { name: OWN, exact: true }).click();
  const drawer = page.getByRole('dialog', { name: OWN });
  await expect(drawer.getByText("This page's token")).toBeVisible();
  await drawer.getByRole('switch', { name: 'Active' }).click();
  const ask = page.getByRole('alertdialog', { name: `Deactivate “${OWN}”, this page's own token?` });
  await expect(ask).toContainText('every request is refused, Undo included, until you recover');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(drawer.getByRole('switch', { name: 'Active' })).toBeChecked();
  expect((await influx.getAuthorization(ownID)).status).toBe('active');

  await drawer.getByRole('switch', { name: 'Active' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate and lock this page out' }).click();
  const lost = page.getByRole('alert').filter({ hasText: "This page's own token no longer works" });
  await expect(lost).toContainText(`The token this page uses, “${OWN}” (ID ${ownID}), is inactive`);
  await expect(lost).toContainText('npm run standin:recovery -- create-operator');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Close' })
    .click()
    .catch(() => {});
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Nothing stale around it: no count, no Generate or Export, and no empty band where the filters were.
  await expect(page.getByText(/\d+ (of \d+ )?tokens?$/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Generate/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Export/ })).toHaveCount(0);
  const heading = await page.getByRole('heading', { name: 'API Tokens' }).boundingBox();
  const panel = await lost.boundingBox();
  expect(panel!.y - (heading!.y + heading!.height)).toBeLessThan(40);

  // A reload names the same cause, never a missing organization.
  await page.reload();
  await expect(lost).toBeVisible();
  await expect(page.getByText(/was not found/)).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Recovery as documented, while the page stays open: Try again picks up the new token.
  execFileSync(process.execPath, ['--import', 'tsx', 'server/standin/recovery-main.ts', 'create-operator'], {
    env: { ...process.env, DATA_DIR: dirname(product.standin.operatorTokenFile) },
  });
  await lost.getByRole('button', { name: 'Try again' }).click();
  await expect(rowOf(page, "admin's Recovery Token").getByText("This page's token")).toBeVisible();
  await expect(rowOf(page, OWN).getByText('Inactive', { exact: true })).toBeVisible();
  await expect(ownBadge(page)).toHaveCount(0);
});

test('deleting the own token says what will happen; bulk deactivate leaves it out unless ticked in', async ({
  page,
  product,
  influx,
}) => {
  const ownID = (await influx.tokenNamed(OWN)).id;
  await page.goto(`${product.url}/tokens`);
  await rowOf(page, OWN)
    .getByRole('button', { name: `Actions for ${OWN}` })
    .click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const del = page.getByRole('alertdialog', { name: `Delete “${OWN}”, this page's own token?` });
  await expect(del.getByRole('button', { name: 'Delete and lock this page out' })).toBeVisible();
  await del.getByRole('button', { name: 'Cancel' }).click();

  const total = (await influx.listAuthorizations({ orgID: product.standin.orgID })).length;
  await page.getByRole('checkbox', { name: `Select all ${total} matching` }).check();
  await page.getByRole('region', { name: 'Selected tokens' }).getByRole('button', { name: 'Deactivate' }).click();
  const ask = page.getByRole('alertdialog', { name: "The selection includes this page's own token" });
  await expect(ask).toContainText(`“${OWN}” is the token this page runs on`);
  await expect(ask.getByRole('button', { name: `Continue with ${total - 1} tokens` })).toBeVisible();
  await ask.getByRole('checkbox', { name: /Also deactivate this page's own token/ }).check();
  await expect(ask.getByRole('button', { name: `Continue with ${total} tokens` })).toBeVisible();
  await ask.getByRole('checkbox', { name: /Also deactivate this page's own token/ }).uncheck();
  await ask.getByRole('button', { name: `Continue with ${total - 1} tokens` }).click();

  const bulk = page.getByRole('alertdialog').filter({ hasText: /Deactivate \d+ tokens?\?/ });
  await bulk.getByRole('button', { name: /^Deactivate \d+ tokens?$/ }).click();
  await expect(page.locator('.toast').filter({ hasText: /tokens? deactivated/ })).toBeVisible();
  expect((await influx.getAuthorization(ownID)).status).toBe('active');
  const others = (await influx.listAuthorizations({ orgID: product.standin.orgID })).filter((t) => t.id !== ownID);
  expect(others.every((t) => t.status === 'inactive')).toBe(true);
});

test("the row menu's Deactivate and Rotate's last step ask first for the page's own token", async ({
  page,
  product,
  influx,
}) => {
  const ownID = (await influx.tokenNamed(OWN)).id;
  await page.goto(`${product.url}/tokens`);
  await rowOf(page, OWN)
    .getByRole('button', { name: `Actions for ${OWN}` })
    .click();
  await page.getByRole('menuitem', { name: 'Deactivate' }).click();
  const ask = page.getByRole('alertdialog', { name: `Deactivate “${OWN}”, this page's own token?` });
  await expect(ask).toContainText('every request is refused, Undo included, until you recover');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(rowOf(page, OWN).getByText('Active', { exact: true })).toBeVisible();
  expect((await influx.getAuthorization(ownID)).status).toBe('active');

  // Rotate: the new token is made, but retiring the old one (the page's own) asks first; Cancel keeps it working.
  await rowOf(page, OWN)
    .getByRole('button', { name: `Actions for ${OWN}` })
    .click();
  await page.getByRole('menuitem', { name: 'Rotate' }).click();
  await page
    .getByRole('alertdialog', { name: `Rotate “${OWN}”?` })
    .getByRole('button', { name: 'Create replacement' })
    .click();
  const secret = page.getByRole('dialog', { name: 'Replacement created: copy it now' });
  await secret.getByRole('button', { name: 'Copy to clipboard' }).click();
  await secret.getByRole('button', { name: 'New token is in place: deactivate old' }).click();
  const askRetire = page.getByRole('alertdialog', { name: `Deactivate “${OWN}”, this page's own token?` });
  await expect(askRetire).toBeVisible();
  await askRetire.getByRole('button', { name: 'Cancel' }).click();
  expect((await influx.getAuthorization(ownID)).status).toBe('active');
  await expect(page.getByRole('heading', { name: 'API Tokens' })).toBeVisible();
});
