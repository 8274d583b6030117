import type { Permission } from '../core/influx-types';
import { expect, rowOf, test } from './fixtures';

const keys = (permissions: Permission[]) =>
  permissions.map((p) => `${p.action}:${p.resource.type}/${p.resource.orgID ?? ''}/${p.resource.id ?? ''}`).sort();

test('Clone in the drawer asks first: same permissions and owner, "(cloned at YYYY-MM-DD HH:MM:SS)" in local time, shown once', async ({
  page,
  product,
  influx,
}) => {
  const original = await influx.tokenNamed("user1's all-access token");
  await page.goto(`${product.url}/tokens/${original.id}`);
  const drawer = page.getByRole('dialog', { name: /user1's all-access token/ });
  await drawer.getByRole('button', { name: 'Clone' }).click();
  const form = page.getByRole('dialog', { name: "Clone “user1's all-access token”" });
  await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(
    /^user1's all-access token \(cloned at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\)$/,
  );
  await expect(form.getByRole('combobox', { name: 'Owner' })).toHaveValue(original.userID);
  expect(await influx.listAuthorizations({ orgID: product.standin.orgID })).toHaveLength(7);
  await form.getByRole('button', { name: 'Clone' }).click();

  const shown = page.getByRole('dialog', { name: /Token cloned/ });
  const field = shown.getByRole('textbox', {
    name: /^Token for “user1's all-access token \(cloned at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\)”$/,
  });
  await expect(field).toBeVisible();
  const secret = await field.inputValue();
  const label = await shown.locator('label').first().textContent();
  const description = /“(.*)”/.exec(label ?? '')![1]!;
  // Local time of the browser, which runs on this machine: within a minute of now.
  const stamp = /cloned at (.*)\)$/.exec(description)![1]!;
  expect(Math.abs(new Date(stamp.replace(' ', 'T')).getTime() - Date.now())).toBeLessThan(60_000);

  await page.keyboard.press('Escape');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close anyway' }).click();
  await expect(shown).toBeHidden();
  await expect(drawer).toBeVisible();

  const clone = await influx.tokenNamed(description);
  expect(clone.id).not.toBe(original.id);
  expect(clone.token).toBe('');
  expect(clone.user).toBe('user1');
  expect(clone.status).toBe('active');
  expect(keys(clone.permissions)).toEqual(keys(original.permissions));
  const answer = await fetch(`${product.standin.url}/api/v2/me`, { headers: { Authorization: `Token ${secret}` } });
  expect(((await answer.json()) as { name: string }).name).toBe('user1');

  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(rowOf(page, description)).toContainText('All access');
});

test('Delete in the drawer asks first, then the token is gone from the list and from InfluxDB', async ({
  page,
  product,
  influx,
}) => {
  const token = await influx.tokenNamed('old CI token (revoked)');
  await page.goto(`${product.url}/tokens`);
  await rowOf(page, 'old CI token (revoked)')
    .getByRole('button', { name: 'old CI token (revoked)', exact: true })
    .click();
  const drawer = page.getByRole('dialog', { name: /old CI token/ });
  await drawer.getByRole('button', { name: 'Delete' }).click();

  const confirm = page.getByRole('alertdialog', { name: 'Delete “old CI token (revoked)”?' });
  await expect(confirm).toContainText('Anything using this token stops working at once.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect((await influx.getAuthorization(token.id)).id).toBe(token.id);

  await drawer.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Yes, delete this token' }).click();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(`${product.url}/tokens`);
  // Focus goes to the row that took its place.
  await expect(page.getByRole('button', { name: 'read all buckets', exact: true })).toBeFocused();
  await expect(
    page.getByRole('status').filter({ hasText: 'API token “old CI token (revoked)” was deleted' }),
  ).toBeVisible();
  await expect(rowOf(page, 'old CI token (revoked)')).toHaveCount(0);
  await expect(influx.getAuthorization(token.id)).rejects.toMatchObject({
    status: 404,
    message: 'authorization not found',
  });

  await page.reload();
  await expect(page.getByRole('button', { name: 'read all buckets', exact: true })).toBeVisible();
  await expect(rowOf(page, 'old CI token (revoked)')).toHaveCount(0);
  await page.goto(`${product.url}/tokens/${token.id}`);
  await expect(page.getByRole('dialog', { name: 'Token not found' })).toBeVisible();
});

test('Delete from the row menu', async ({ page, product, influx }) => {
  const token = await influx.tokenNamed('read all buckets');
  await page.goto(`${product.url}/tokens`);
  const menuButton = page.getByRole('button', { name: 'Actions for read all buckets' });
  await menuButton.click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “read all buckets”?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(menuButton).toBeFocused();

  await menuButton.click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Yes, delete this token' }).click();
  await expect(rowOf(page, 'read all buckets')).toHaveCount(0);
  await expect(influx.getAuthorization(token.id)).rejects.toMatchObject({ status: 404 });
  // Focus goes to the row that took its place, so the next one can be dealt with at once.
  await expect(page.getByRole('button', { name: 'read/write my-bucket', exact: true })).toBeFocused();
});

test('Clone of an inactive token from the row menu: the copy stays inactive unless Active is chosen', async ({
  page,
  product,
  influx,
}) => {
  await page.goto(`${product.url}/tokens`);
  const clone = async () => {
    await page.getByRole('button', { name: 'Actions for old CI token (revoked)' }).click();
    await page.getByRole('menuitem', { name: /^Clone/ }).click();
    return page.getByRole('dialog', { name: 'Clone “old CI token (revoked)”' });
  };
  let form = await clone();
  await expect(form.getByRole('group', { name: 'Status of the copy' })).toContainText(
    '“old CI token (revoked)” is inactive',
  );
  await form.getByRole('textbox', { name: 'Description' }).fill('copy, off');
  await form.getByRole('button', { name: 'Clone' }).click();
  let shown = page.getByRole('dialog', { name: 'Token cloned: copy it now' });
  await shown.getByRole('textbox', { name: /Token for/ }).press('Control+c');
  await shown.getByRole('button', { name: 'Close' }).click();
  expect((await influx.tokenNamed('copy, off')).status).toBe('inactive');

  form = await clone();
  await form.getByRole('textbox', { name: 'Description' }).fill('copy, on');
  await form.getByRole('radio', { name: /^Active/ }).check();
  await form.getByRole('button', { name: 'Clone' }).click();
  shown = page.getByRole('dialog', { name: 'Token cloned: copy it now' });
  await expect(shown).toBeVisible();
  expect((await influx.tokenNamed('copy, on')).status).toBe('active');
});

test('Rotate: the replacement dialog keeps its two answers side by side at desktop width', async ({
  page,
  product,
}) => {
  await page.goto(`${product.url}/tokens`);
  await page.getByRole('button', { name: 'Actions for dashboards viewer' }).click();
  await page.getByRole('menuitem', { name: /^Rotate/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Create replacement' }).click();
  const shown = page.getByRole('dialog', { name: 'Replacement created: copy it now' });
  const keep = shown.getByRole('button', { name: 'Keep old token active' });
  const retire = shown.getByRole('button', { name: 'New token is in place: deactivate old' });
  await expect(retire).toBeVisible();
  // Both read in the same frame: the dialog may still be moving in, and two reads a frame apart differ by that.
  const tops = await keep.evaluate(
    (a, b) => [a.getBoundingClientRect().top, b!.getBoundingClientRect().top],
    await retire.elementHandle(),
  );
  expect(Math.abs(tops[0]! - tops[1]!)).toBeLessThan(2);
});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('a disabled Generate button does not wear the enabled one’s colour', async ({ page, product }) => {
    await page.goto(`${product.url}/tokens`);
    await page.getByRole('button', { name: 'Generate API Token' }).click();
    await page.getByRole('menuitem', { name: /Custom API Token/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate Custom API Token' });
    const generate = dialog.getByRole('button', { name: 'Generate' });
    await expect(generate).toBeDisabled();
    const look = () =>
      generate.evaluate((el) => {
        const style = getComputedStyle(el);
        return { background: style.backgroundColor, color: style.color, opacity: style.opacity };
      });
    const disabled = await look();
    await dialog.getByRole('checkbox', { name: 'Read bucket telegraf' }).check();
    await expect(generate).toBeEnabled();
    const enabled = await look();
    expect(disabled.background).not.toBe(enabled.background);
    expect(disabled.color).not.toBe(enabled.color);
  });
});
