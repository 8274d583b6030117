// Orgs in the URL and the header's org switcher, against the stand-in's two demo orgs (my-org and second-org).
import type { Organization } from '../core/influx-types';
import { expect, test } from './fixtures';
import type { InfluxClient } from '../core/influx-client';

async function secondOrg(influx: InfluxClient): Promise<Organization> {
  const org = (await influx.listEveryOrg()).find((each) => each.name === 'second-org');
  if (!org) throw new Error('The stand-in has no second-org');
  return org;
}

test('switches org by pointer; the URL names the org, and a reload lands in the same place', async ({
  page,
  product,
  influx,
}) => {
  const second = await secondOrg(influx);
  const [theirs] = await influx.listAuthorizations({ orgID: second.id });
  await page.goto(`${product.url}/tokens`);
  await expect(page.getByRole('button', { name: "admin's Token", exact: true })).toBeVisible();

  await page.getByRole('button', { name: /Org: my-org/ }).click();
  const choice = page.getByRole('menuitemradio', { name: 'second-org' });
  await expect(page.getByRole('menuitemradio', { name: 'my-org' })).toHaveAttribute('aria-checked', 'true');
  await choice.click();

  await expect(page).toHaveURL(`${product.url}/orgs/${second.id}/tokens`);
  await expect(page.getByRole('button', { name: theirs!.description!, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: "admin's Token", exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Org: second-org/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('button', { name: theirs!.description!, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /Org: second-org/ })).toBeVisible();
});

test('switches org by keyboard and keeps the filters that still make sense', async ({ page, product, influx }) => {
  const second = await secondOrg(influx);
  await page.goto(`${product.url}/tokens?status=inactive`);
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  const trigger = page.getByRole('button', { name: /Org: my-org/ });
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitemradio', { name: 'second-org' })).toBeVisible();
  // Typeahead, as in any menu: the first letter moves to the org.
  await page.keyboard.press('s');
  await expect(page.getByRole('menuitemradio', { name: 'second-org' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${product.url}/orgs/${second.id}/tokens?status=inactive`);
  const inactive = (await influx.listAuthorizations({ orgID: second.id })).filter((t) => t.status === 'inactive');
  expect(inactive.length).toBeGreaterThan(0);
  for (const token of inactive)
    await expect(page.getByRole('button', { name: token.description!, exact: true })).toBeVisible();
});

test("a shared drawer URL opens that org's token; another org's token under it is not found", async ({
  page,
  product,
  influx,
}) => {
  const second = await secondOrg(influx);
  const [theirs] = await influx.listAuthorizations({ orgID: second.id });
  await page.goto(`${product.url}/orgs/${second.id}/tokens/${theirs!.id}`);
  const dialog = page.getByRole('dialog', {
    name: new RegExp(theirs!.description!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  });
  await expect(dialog.getByRole('switch', { name: 'Active' })).toBeVisible();

  const mine = await influx.tokenNamed('dashboards viewer');
  await page.goto(`${product.url}/orgs/${second.id}/tokens/${mine.id}`);
  const notFound = page.getByRole('dialog', { name: 'Token not found' });
  await expect(notFound).toBeVisible();
  await expect(notFound).not.toContainText('dashboards viewer');
  await expect(notFound.getByRole('switch')).toHaveCount(0);
});
