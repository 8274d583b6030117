import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startAppServer } from '../server/app/app-server';
import type { Permission } from '../core/influx-types';
import { expect, rowOf, test } from './fixtures';

async function openGenerate(page: Page, item: 'All Access API Token' | 'Custom API Token') {
  await page.getByRole('button', { name: 'Generate API Token' }).click();
  await page.getByRole('menuitem', { name: new RegExp(item) }).click();
  return page.getByRole('dialog', { name: `Generate ${item}` });
}

/** Permissions as comparable strings, whatever their order and the names the server adds. */
const keys = (permissions: Permission[]) =>
  permissions.map((p) => `${p.action}:${p.resource.type}/${p.resource.orgID ?? ''}/${p.resource.id ?? ''}`).sort();

test('All Access: the warning, the token shown once and copied, "" from the API afterwards, and the token works', async ({
  page,
  context,
  product,
  influx,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: product.url });
  await page.goto(`${product.url}/tokens`);
  const dialog = await openGenerate(page, 'All Access API Token');
  await expect(dialog).toContainText('This token grants full read and write access to every resource in my-org');
  await dialog.getByRole('textbox', { name: 'Description' }).fill('e2e all access');
  await dialog.getByRole('button', { name: 'Generate' }).click();

  const shown = page.getByRole('dialog', { name: /API token created/ });
  await expect(shown).toContainText("Make sure to copy your new API token now. You won't be able to see it again!");
  const field = shown.getByRole('textbox', { name: 'Token for “e2e all access”' });
  const secret = await field.inputValue();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{86}==$/);
  await shown.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(shown.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await shown.getByRole('button', { name: 'Close' }).click();
  await expect(shown).toBeHidden();

  // In the list at once; the API never shows the string again; exactly the --all-access permissions.
  await expect(rowOf(page, 'e2e all access')).toContainText('All access');
  const created = await influx.tokenNamed('e2e all access');
  expect(created.token).toBe('');
  const me = await influx.me();
  const orgID = product.standin.orgID;
  const types = (await influx.listResourceTypes()).filter((t) => t !== 'instance');
  const expected = types.flatMap((type) =>
    type === 'orgs'
      ? [`read:orgs//${orgID}`]
      : type === 'users'
        ? [`read:users//${me.id}`, `write:users//${me.id}`]
        : [`read:${type}/${orgID}/`, `write:${type}/${orgID}/`],
  );
  expect(keys(created.permissions)).toEqual(expected.sort());
  expect(created.user).toBe('admin');

  // The new token itself works, straight against InfluxDB (the stand-in).
  const answer = await fetch(`${product.standin.url}/api/v2/me`, { headers: { Authorization: `Token ${secret}` } });
  expect(answer.status).toBe(200);
  expect(((await answer.json()) as { name: string }).name).toBe('admin');
});

test('Custom: Generate waits for a permission; a bucket and a type are granted; closing uncopied asks first', async ({
  page,
  product,
  influx,
}) => {
  await page.goto(`${product.url}/tokens`);
  const dialog = await openGenerate(page, 'Custom API Token');
  const generate = dialog.getByRole('button', { name: 'Generate' });
  await expect(generate).toBeDisabled();
  await expect(dialog.getByText('Choose at least one permission to generate a token.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Description' }).fill('e2e telegraf writer');
  await dialog.getByRole('checkbox', { name: 'Write bucket telegraf' }).check();
  await dialog.getByRole('checkbox', { name: 'Read dashboards' }).check();
  await expect(dialog.getByText('2 permissions chosen.')).toBeVisible();
  await generate.click();

  const shown = page.getByRole('dialog', { name: /API token created/ });
  const secret = await shown.getByRole('textbox', { name: 'Token for “e2e telegraf writer”' }).inputValue();
  await shown.getByRole('button', { name: 'Close' }).click();
  const ask = page.getByRole('alertdialog', { name: "You haven't copied this token. Close anyway?" });
  await ask.getByRole('button', { name: 'Go back' }).click();
  await expect(shown).toBeVisible();
  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: 'Close anyway' }).click();
  await expect(shown).toBeHidden();
  await expect(rowOf(page, 'e2e telegraf writer')).toContainText('Read all dashboards, write telegraf');

  const telegraf = (await influx.listBuckets({ orgID: product.standin.orgID })).find((b) => b.name === 'telegraf')!;
  const created = await influx.tokenNamed('e2e telegraf writer');
  expect(keys(created.permissions)).toEqual([
    `read:dashboards/${product.standin.orgID}/`,
    `write:buckets/${product.standin.orgID}/${telegraf.id}`,
  ]);
  expect(created.token).toBe('');
  // It holds no users permission, so InfluxDB refuses it /api/v2/me: it is exactly as narrow as chosen.
  const answer = await fetch(`${product.standin.url}/api/v2/me`, { headers: { Authorization: `Token ${secret}` } });
  expect(answer.status).toBe(401);
});

test('Custom: a signed-in token cannot grant what it lacks; the refusal shows in the dialog and every choice stays', async ({
  page,
  product,
  influx,
}) => {
  const orgID = product.standin.orgID;
  const me = await influx.me();
  // A token that may create tokens and read buckets, but not write them.
  const limited = await influx.createAuthorization({
    orgID,
    description: 'token creator (read-only buckets)',
    permissions: [
      { action: 'read', resource: { type: 'authorizations', orgID } },
      { action: 'write', resource: { type: 'authorizations', orgID } },
      { action: 'read', resource: { type: 'users', id: me.id } },
      { action: 'write', resource: { type: 'users', id: me.id } },
      { action: 'read', resource: { type: 'orgs', id: orgID } },
      { action: 'read', resource: { type: 'buckets', orgID } },
    ],
  });
  const app = await startAppServer({
    mode: 'influx',
    upstreamUrl: product.standin.url,
    org: null,
    staticDir: fileURLToPath(new URL('../dist', import.meta.url)),
  });
  try {
    await page.goto(`${app.url}/tokens`);
    await page.getByRole('textbox', { name: 'API token' }).fill(limited.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'API Tokens' })).toBeVisible();

    const dialog = await openGenerate(page, 'Custom API Token');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('wants to write');
    await dialog.getByRole('checkbox', { name: 'Write bucket telegraf' }).check();
    await dialog.getByRole('checkbox', { name: 'Read bucket my-bucket' }).check();
    await dialog.getByRole('button', { name: 'Generate' }).click();

    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText(
      /InfluxDB refused to create the token: permission write:orgs\/[0-9a-f]{16}\/buckets\/[0-9a-f]{16} is not allowed: write:orgs\/[0-9a-f]{16}\/buckets\/[0-9a-f]{16} is unauthorized \(that is bucket “telegraf”\)/,
    );
    await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue('wants to write');
    await expect(dialog.getByRole('checkbox', { name: 'Write bucket telegraf' })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'Read bucket my-bucket' })).toBeChecked();
    await expect(page.getByRole('dialog', { name: /API token created/ })).toHaveCount(0);

    // Without the write it holds everything asked for: the same dialog then succeeds, still signed in.
    await dialog.getByRole('checkbox', { name: 'Write bucket telegraf' }).uncheck();
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByRole('dialog', { name: /API token created/ })).toBeVisible();
    expect((await influx.tokenNamed('wants to write')).permissions.map((p) => p.action)).toEqual(['read']);
  } finally {
    await app.close();
  }
});
