import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function download(page: Page, format: 'CSV' | 'JSON') {
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: new RegExp(`^${format}`) }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test('exports the tokens in view as CSV and JSON, in view order, never with a token string', async ({
  page,
  product,
  influx,
}) => {
  // A token whose string exists (it was just created), and a description a spreadsheet would run as a formula.
  const fresh = await influx.createAuthorization({
    orgID: product.standin.orgID,
    userID: (await influx.listUsers('user2'))[0]!.id,
    description: '=cmd|"calc", evil',
    permissions: [{ action: 'read', resource: { type: 'dashboards', orgID: product.standin.orgID } }],
  });
  await page.goto(`${product.url}/tokens?owner=user2&sort=description&dir=desc`);
  await expect(page.getByText('4 of 8 tokens')).toBeVisible();

  const csv = await download(page, 'CSV');
  expect(csv.name).toMatch(/^influxdb-tokens-my-org-\d{8}-\d{6}\.csv$/);
  expect(csv.text).not.toContain(fresh.token);
  expect(csv.text).not.toContain(product.standin.operatorToken);
  const lines = csv.text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('id,description,status,owner,org,created,updated,permissions,owner_id,org_id,access');
  expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual([
    "user2's telegraf writer",
    'read/write my-bucket',
    'dashboards viewer',
    `"'=cmd|""calc""`,
  ]);
  const writer = await influx.tokenNamed("user2's telegraf writer");
  const bucketID = writer.permissions[0]!.resource.id!;
  const orgID = product.standin.orgID;
  expect(lines[1]).toBe(
    [
      writer.id,
      "user2's telegraf writer",
      'active',
      'user2',
      'my-org',
      writer.createdAt,
      writer.updatedAt,
      `write:orgs/${orgID}/buckets/${bucketID}`,
      writer.userID,
      orgID,
      `write bucket telegraf (${bucketID}) in my-org (${orgID})`,
    ].join(','),
  );
  expect(lines[4]).toContain(`,"'=cmd|""calc"", evil",active,user2,`);

  const json = await download(page, 'JSON');
  expect(json.name).toMatch(/^influxdb-tokens-my-org-\d{8}-\d{6}\.json$/);
  expect(json.text).not.toContain(fresh.token);
  const parsed = JSON.parse(json.text) as Record<string, unknown>[];
  expect(parsed.map((t) => t.description)).toEqual([
    "user2's telegraf writer",
    'read/write my-bucket',
    'dashboards viewer',
    '=cmd|"calc", evil',
  ]);
  expect(parsed.every((t) => !('token' in t))).toBe(true);
  expect(parsed[2]).toMatchObject({
    status: 'active',
    owner: 'user2',
    org: 'my-org',
    permissions: [`read:orgs/${product.standin.orgID}/dashboards`, `read:orgs/${product.standin.orgID}/buckets`],
  });
});
