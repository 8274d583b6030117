// A token admin's quick paths (issue 13, items 4–8): switch a leaked token off from its row, bulk status changes
// with Undo, Rotate, Generate for another owner, finding what was just made, and permissions readable in the list.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startAppServer } from '../server/app/app-server';
import { startProduct } from '../server/app/start';
import { StandinStore } from '../server/standin/store';
import type { Permission } from '../core/influx-types';
import { expect, rowOf, test } from './fixtures';
import { seriousViolations } from './support/axe';

async function openGenerate(page: Page, item: 'All Access API Token' | 'Custom API Token') {
  await page.getByRole('button', { name: 'Generate API Token' }).click();
  await page.getByRole('menuitem', { name: new RegExp(item) }).click();
  return page.getByRole('dialog', { name: `Generate ${item}` });
}

async function rowMenu(page: Page, description: string, item: string) {
  await rowOf(page, description)
    .getByRole('button', { name: `Actions for ${description}` })
    .click();
  await page.getByRole('menuitem', { name: new RegExp(`^${item}`) }).click();
}

const keys = (permissions: Permission[]) =>
  permissions.map((p) => `${p.action}:${p.resource.type}/${p.resource.orgID ?? ''}/${p.resource.id ?? ''}`).sort();

test('a leaked token goes off from its row menu in one step, with Undo', async ({ page, product, influx }) => {
  await page.goto(`${product.url}/tokens`);
  await rowMenu(page, "user2's telegraf writer", 'Deactivate');
  await expect(rowOf(page, "user2's telegraf writer")).toContainText('Inactive');
  await expect.poll(async () => (await influx.tokenNamed("user2's telegraf writer")).status).toBe('inactive');
  const toast = page.getByRole('status').filter({ hasText: "“user2's telegraf writer” deactivated" });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await influx.tokenNamed("user2's telegraf writer")).status).toBe('active');

  // An inactive token's menu offers Activate.
  await rowMenu(page, 'old CI token (revoked)', 'Activate');
  await expect.poll(async () => (await influx.tokenNamed('old CI token (revoked)')).status).toBe('active');
});

test('bulk Deactivate: title and button agree, no blocking report, Undo restores exactly what changed, Details keeps the report', async ({
  page,
  product,
  influx,
}) => {
  await page.goto(`${product.url}/tokens`);
  for (const d of ["user2's telegraf writer", 'dashboards viewer', 'old CI token (revoked)']) {
    await page.getByRole('checkbox', { name: `Select ${d}` }).check();
  }
  await page.getByRole('region', { name: 'Selected tokens' }).getByRole('button', { name: 'Deactivate' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Deactivate 2 tokens?' });
  await expect(confirm).toContainText('Of the 3 selected, 1 was already inactive and is skipped.');
  await expect(page.getByRole('alertdialog')).toHaveCount(1);
  expect(await seriousViolations(page, '[role="alertdialog"]')).toEqual([]);
  await confirm.getByRole('button', { name: 'Deactivate 2 tokens' }).click();

  // The dialog goes away by itself: the outcome is a toast, and the list is usable at once.
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  const toast = page.locator('.toast').filter({ hasText: '2 tokens deactivated' });
  await expect(toast).toBeVisible();
  expect(await seriousViolations(page, '.toast-list')).toEqual([]);
  await expect.poll(async () => (await influx.tokenNamed('dashboards viewer')).status).toBe('inactive');

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.toast').filter({ hasText: 'Undone: 2 tokens activated again' })).toBeVisible();
  expect((await influx.tokenNamed("user2's telegraf writer")).status).toBe('active');
  expect((await influx.tokenNamed('dashboards viewer')).status).toBe('active');
  // It was inactive before the bulk action, so Undo leaves it so.
  expect((await influx.tokenNamed('old CI token (revoked)')).status).toBe('inactive');

  await page.locator('.toast').filter({ hasText: 'Undone' }).getByRole('button', { name: 'Details' }).click();
  const report = page.getByRole('dialog', { name: 'Undo report' });
  await expect(report).toContainText('2 activated');
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('searchbox', { name: 'Filter tokens' })).toBeFocused();
});

test('Rotate from the row menu: same permissions and owner, shown once, old one off only after confirming; the new row gets focus', async ({
  page,
  context,
  product,
  influx,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: product.url });
  // user2's token on one bucket, switched on first (the stand-in starts it inactive).
  await influx.updateAuthorization((await influx.tokenNamed('read/write my-bucket')).id, { status: 'active' });
  const old = await influx.tokenNamed('read/write my-bucket');
  expect(old.status).toBe('active');
  await page.goto(`${product.url}/tokens`);
  await rowMenu(page, 'read/write my-bucket', 'Rotate');
  const confirm = page.getByRole('alertdialog', { name: 'Rotate “read/write my-bucket”?' });
  await expect(confirm).toContainText('owned by user2');
  expect(await seriousViolations(page, '[role="alertdialog"]')).toEqual([]);
  await confirm.getByRole('button', { name: 'Create replacement' }).click();

  const shown = page.getByRole('dialog', { name: 'Replacement created: copy it now' });
  const description = `read/write my-bucket (replaces ${old.id})`;
  const secret = await shown.getByRole('textbox', { name: `Token for “${description}”` }).inputValue();
  expect(secret).toMatch(/==$/);
  await expect(shown).toContainText('“read/write my-bucket” is still active.');
  // Not yet: the old token stays active while the person puts the new one in place.
  const replacement = await influx.tokenNamed(description);
  expect(replacement.userID).toBe(old.userID);
  expect(keys(replacement.permissions)).toEqual(keys(old.permissions));
  expect((await influx.tokenNamed('read/write my-bucket')).status).toBe('active');
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);

  // The copy guard still stands between the person and losing the secret.
  await shown.getByRole('button', { name: 'New token is in place: deactivate old' }).click();
  const guard = page.getByRole('alertdialog', { name: "You haven't copied this token. Close anyway?" });
  await guard.getByRole('button', { name: 'Go back' }).click();
  await shown.getByRole('button', { name: 'Copy to clipboard' }).click();
  await shown.getByRole('button', { name: 'New token is in place: deactivate old' }).click();
  await expect(shown).toBeHidden();

  // Both ends reported; the old one is off; the new row is found for the person.
  const toast = page.locator('.toast').filter({ hasText: 'Rotated: “read/write my-bucket” deactivated' });
  await expect(toast).toContainText(`New token “${description}” created.`);
  await expect.poll(async () => (await influx.tokenNamed('read/write my-bucket')).status).toBe('inactive');
  const newButton = page.getByRole('button', { name: description, exact: true });
  await expect(newButton).toBeFocused();
  await expect(rowOf(page, description)).toHaveClass(/token-row--just-made/);
});

test('Rotate from the drawer; a refused deactivation is reported with the new token', async ({
  page,
  product,
  influx,
}) => {
  await page.goto(`${product.url}/tokens`);
  await page.getByRole('button', { name: 'dashboards viewer', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: /dashboards viewer/ });
  await drawer.getByRole('button', { name: 'Rotate' }).click();
  await page
    .getByRole('alertdialog', { name: 'Rotate “dashboards viewer”?' })
    .getByRole('button', { name: 'Create replacement' })
    .click();
  const shown = page.getByRole('dialog', { name: 'Replacement created: copy it now' });
  await expect(shown).toBeVisible();
  // Meanwhile someone deletes the old token: deactivating it must fail, and say so next to the success.
  const old = await influx.tokenNamed('dashboards viewer');
  await influx.deleteAuthorization(old.id);
  await shown.getByRole('button', { name: 'New token is in place: deactivate old' }).click();
  await page
    .getByRole('alertdialog', { name: /haven't copied/ })
    .getByRole('button', { name: 'Deactivate old anyway' })
    .click();
  const toast = page.getByRole('alert').filter({ hasText: 'Could not deactivate “dashboards viewer”' });
  await expect(toast).toContainText(`New token “dashboards viewer (replaces ${old.id})” created.`);
});

test('after Generate the new row is scrolled into view, highlighted and focused, even far down a long list', async ({
  page,
  product,
  influx,
}) => {
  const orgID = product.standin.orgID;
  for (let i = 0; i < 40; i++) {
    await influx.createAuthorization({
      orgID,
      description: `filler ${String(i).padStart(2, '0')}`,
      permissions: [{ action: 'read', resource: { type: 'dashboards', orgID } }],
    });
  }
  await page.goto(`${product.url}/tokens?sort=description&dir=asc`);
  const dialog = await openGenerate(page, 'Custom API Token');
  // Opens ready to type the description.
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toBeFocused();
  await page.keyboard.type('zz generated last');
  await dialog.getByRole('checkbox', { name: 'Read dashboards' }).check();
  await dialog.getByRole('button', { name: 'Generate' }).click();
  const shown = page.getByRole('dialog', { name: /API token created/ });
  await shown.getByRole('textbox', { name: /Token for/ }).press('Control+c');
  await shown.getByRole('button', { name: 'Close' }).click();
  const button = page.getByRole('button', { name: 'zz generated last', exact: true });
  await expect(button).toBeFocused();
  await expect(button).toBeInViewport();
  await expect(rowOf(page, 'zz generated last')).toHaveClass(/token-row--just-made/);
  await expect(rowOf(page, 'zz generated last')).not.toHaveClass(/token-row--just-made/, { timeout: 8_000 });
});

test('after Clone from the row menu, focus lands on the clone, not on <body>', async ({ page, product }) => {
  await page.goto(`${product.url}/tokens?sort=description&dir=asc`);
  await rowMenu(page, 'dashboards viewer', 'Clone');
  await page.getByRole('dialog', { name: 'Clone “dashboards viewer”' }).getByRole('button', { name: 'Clone' }).click();
  const shown = page.getByRole('dialog', { name: 'Token cloned: copy it now' });
  await shown.getByRole('textbox', { name: /Token for/ }).press('Control+c');
  await shown.getByRole('button', { name: 'Close' }).click();
  const clone = page.getByRole('button', { name: /^dashboards viewer \(cloned at / });
  await expect(clone).toBeFocused();
  await expect(page.getByRole('row').filter({ has: clone })).toHaveClass(/token-row--just-made/);
});

test('the permission summary explains itself on hover and on keyboard focus', async ({ page, product, influx }) => {
  const token = await influx.tokenNamed('read/write my-bucket');
  const bucketID = token.permissions[0]!.resource.id!;
  const orgID = product.standin.orgID;
  await page.goto(`${product.url}/tokens`);
  const summary = rowOf(page, 'read/write my-bucket').getByRole('button', {
    name: 'Read/write my-bucket',
    exact: true,
  });
  await summary.hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText(`Read bucket my-bucket (${bucketID}) in my-org (${orgID})`);
  await expect(tip).toContainText(`Write bucket my-bucket (${bucketID}) in my-org (${orgID})`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.mouse.move(5, 5, { steps: 5 });
  await expect(tip).toBeHidden();

  // By keyboard: Arrow Right from the description's pencil lands on the summary and shows the same.
  await rowOf(page, 'dashboards viewer').getByRole('button', { name: 'Edit description' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(rowOf(page, 'dashboards viewer').locator('.perm-summary')).toBeFocused();
  await expect(page.getByRole('tooltip')).toContainText(`Read all dashboards in my-org (${orgID})`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toBeHidden();
});

test('at 420 px, tabbing to a summary below the fold shows its tooltip (the scroll does not close it)', async ({
  page,
  product,
}) => {
  await page.setViewportSize({ width: 420, height: 700 });
  await page.goto(`${product.url}/tokens`);
  const row = rowOf(page, "user2's telegraf writer");
  await row.getByRole('button', { name: 'Edit description' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(row.locator('.perm-summary')).toBeFocused();
  await expect(page.getByRole('tooltip')).toContainText('Write bucket telegraf');
});

test('CSV and JSON exports name buckets and orgs with their IDs', async ({ page, product, influx }) => {
  const token = await influx.tokenNamed('read/write my-bucket');
  const bucketID = token.permissions[0]!.resource.id!;
  const orgID = product.standin.orgID;
  await page.goto(`${product.url}/tokens?q=my-bucket`);
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Export' }).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /CSV/ }).click()]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text).toContain(
    `read bucket my-bucket (${bucketID}) in my-org (${orgID}); write bucket my-bucket (${bucketID}) in my-org (${orgID})`,
  );
  await page.getByRole('button', { name: 'Export' }).click();
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /JSON/ }).click(),
  ]);
  const parsed = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
    orgID: string;
    access: { name?: string; id?: string; org?: string; orgID?: string }[];
  }[];
  expect(parsed[0]!.orgID).toBe(orgID);
  expect(parsed[0]!.access[0]).toMatchObject({ id: bucketID, name: 'my-bucket', orgID, org: 'my-org' });
});

test('Custom dialog: every bucket beyond the first 100, a filter, select-all per column, and a chosen owner', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-e2e-'));
  const product = await startProduct({ dataDir });
  try {
    const store = StandinStore.open(dataDir);
    const now = new Date().toISOString();
    for (let i = 0; i < 150; i++) {
      const id = `b1${i.toString(16).padStart(14, '0')}`;
      store.insertBucket({
        id,
        orgID: product.standin.orgID,
        type: 'user',
        name: `sensor-${String(i).padStart(3, '0')}`,
        description: '',
        retentionSeconds: 0,
        createdAt: now,
        updatedAt: now,
      });
    }
    store.close();
    const influx = (await import('../core/influx-client')).createInfluxClient({
      baseUrl: product.standin.url,
      token: product.standin.operatorToken,
    });
    const user2 = (await influx.listUsers('user2'))[0]!;

    await page.goto(`${product.url}/tokens`);
    const dialog = await openGenerate(page, 'Custom API Token');
    await expect(dialog.getByRole('textbox', { name: 'Description' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Description' }).fill('sensors 14x reader');
    // The last bucket by name is on the second page of /api/v2/buckets.
    await expect(dialog.getByRole('checkbox', { name: 'Read bucket sensor-149' })).toBeVisible();
    await dialog.getByRole('searchbox', { name: 'Filter buckets and resources' }).fill('sensor-14');
    await expect(dialog.getByRole('table', { name: 'Buckets' }).getByRole('row')).toHaveCount(11);
    await dialog.getByRole('checkbox', { name: 'Read every bucket shown' }).check();
    await expect(dialog.getByText('10 permissions chosen.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'user2' });
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByRole('dialog', { name: /API token created/ })).toBeVisible();

    const created = (await influx.listAuthorizations({ orgID: product.standin.orgID })).find(
      (t) => t.description === 'sensors 14x reader',
    )!;
    expect(created.user).toBe('user2');
    expect(created.userID).toBe(user2.id);
    expect(created.permissions.map((p) => p.resource.name).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `sensor-14${i}`),
    );
  } finally {
    await product.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('Generate for another owner: the refusal says the signed-in token may not act for that user', async ({
  page,
  product,
  influx,
}) => {
  const orgID = product.standin.orgID;
  const user1 = (await influx.listUsers('user1'))[0]!;
  const user2 = (await influx.listUsers('user2'))[0]!;
  // A token admin for user1 only: it may manage the org's tokens, but act only as user1.
  const limited = await influx.createAuthorization({
    orgID,
    userID: user1.id,
    description: 'user1 token admin',
    permissions: [
      { action: 'read', resource: { type: 'orgs', id: orgID } },
      { action: 'read', resource: { type: 'authorizations', orgID } },
      { action: 'write', resource: { type: 'authorizations', orgID } },
      { action: 'read', resource: { type: 'buckets', orgID } },
      { action: 'read', resource: { type: 'users' } },
      { action: 'write', resource: { type: 'users', id: user1.id } },
    ],
  });
  const app = await startAppServer({
    mode: 'influx',
    upstreamUrl: product.standin.url,
    org: product.standin.orgName,
    staticDir: fileURLToPath(new URL('../dist', import.meta.url)),
  });
  try {
    await page.goto(`${app.url}/tokens`);
    await page.getByRole('textbox', { name: 'API token' }).fill(limited.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const dialog = await openGenerate(page, 'Custom API Token');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('for user2');
    await dialog.getByRole('checkbox', { name: 'Read all buckets' }).check();
    await dialog.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'user2' });
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      `InfluxDB refused to create a token for user2: write:users/${user2.id} is unauthorized`,
    );
    await expect(dialog.getByRole('alert')).toContainText('may not act for user2');
    // Choosing itself as owner works with the same token.
    await dialog.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'user1 (you)' });
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByRole('dialog', { name: /API token created/ })).toBeVisible();
    expect((await influx.tokenNamed('for user2')).user).toBe('user1');
  } finally {
    await app.close();
  }
});
