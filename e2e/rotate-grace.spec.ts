// Rotate with a grace period as a person uses it: the old token keeps working until the chosen time, the page says
// until when, both tokens' drawers show it, and clearing the old token's expiry in its drawer cancels it.
import { expect, rowOf, test } from './fixtures';

test('Rotate with 24 hours of grace: the old token stays active with an expiry, which its drawer can cancel', async ({
  page,
  context,
  product,
  influx,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: product.url });
  const old = await influx.tokenNamed('dashboards viewer');
  expect(old.status).toBe('active');
  await page.goto(`${product.url}/tokens`);
  await rowOf(page, 'dashboards viewer').getByRole('button', { name: 'Actions for dashboards viewer' }).click();
  await page.getByRole('menuitem', { name: /^Rotate/ }).click();

  const confirm = page.getByRole('alertdialog', { name: 'Rotate “dashboards viewer”?' });
  const choice = confirm.getByRole('group', { name: 'When “dashboards viewer” stops working' });
  await expect(choice.getByRole('radio', { name: 'Now' })).toBeChecked();
  await choice.getByRole('radio', { name: 'In 24 hours' }).check();
  await confirm.getByRole('button', { name: 'Create replacement' }).click();

  const shown = page.getByRole('dialog', { name: 'Replacement created: copy it now' });
  const description = `dashboards viewer (replaces ${old.id})`;
  await expect(shown.getByRole('textbox', { name: `Token for “${description}”` })).toHaveValue(/==$/);
  // Until when, with its time zone; and no "deactivate old" step: the console does that at that time.
  await expect(shown).toContainText(
    /The old token “dashboards viewer” stays active until \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+; cancel that in its drawer\./,
  );
  await expect(shown.getByRole('button', { name: /deactivate old/ })).toHaveCount(0);
  await shown.getByRole('button', { name: 'Copy to clipboard' }).click();
  await shown.getByRole('button', { name: 'Close' }).click();
  await expect(shown).toBeHidden();

  // The old token still works, and the list says when it stops.
  expect((await influx.getAuthorization(old.id)).status).toBe('active');
  await expect(rowOf(page, 'dashboards viewer').locator('[data-label="Expires"]')).toHaveText(/^in (24 hours|1 day)$/);
  await expect(rowOf(page, description).locator('[data-label="Expires"]')).toHaveText('never');

  // The new token's trail says it was made by a rotation.
  await page.getByRole('button', { name: description, exact: true }).click();
  const newDrawer = page.getByRole('dialog', { name: new RegExp(description.replace(/[()]/g, '\\$&')) });
  await newDrawer.getByRole('tab', { name: 'Activity' }).click();
  await expect(
    newDrawer
      .getByRole('tabpanel', { name: 'Activity' })
      .getByRole('listitem')
      .filter({ hasText: 'Created by rotation' }),
  ).toBeVisible();
  await newDrawer.getByRole('button', { name: 'Close' }).click();
  await expect(newDrawer).toBeHidden();

  // The old token's drawer shows the scheduled stop, and Never cancels it.
  await page.getByRole('button', { name: 'dashboards viewer', exact: true }).click();
  const oldDrawer = page.getByRole('dialog', { name: /dashboards viewer/ });
  const expiry = oldDrawer.getByRole('region', { name: 'Expiry' });
  await expect(expiry).toContainText(/Expires \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+ \(in (24 hours|1 day)\)/);
  await expiry.getByRole('radio', { name: 'Never' }).check();
  await expiry.getByRole('button', { name: 'Save expiry' }).click();
  await expect(expiry.getByRole('status')).toContainText('Saved: this token never expires.');
  await expect(expiry).toContainText('Never expires.');
  await oldDrawer.getByRole('button', { name: 'Close' }).click();
  await expect(rowOf(page, 'dashboards viewer').locator('[data-label="Expires"]')).toHaveText('never');
  expect((await influx.getAuthorization(old.id)).status).toBe('active');
});

test('Rotate offers a chosen time, and refuses one that has passed before anything is created', async ({
  page,
  product,
  influx,
}) => {
  const before = (await influx.listAuthorizations({ orgID: product.standin.orgID })).length;
  await page.goto(`${product.url}/tokens`);
  await rowOf(page, 'dashboards viewer').getByRole('button', { name: 'Actions for dashboards viewer' }).click();
  await page.getByRole('menuitem', { name: /^Rotate/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Rotate “dashboards viewer”?' });
  await confirm.getByRole('radio', { name: 'At a chosen time' }).check();
  await confirm.getByLabel(/^Stops at/).fill('2020-01-01T10:00');
  await confirm.getByRole('button', { name: 'Create replacement' }).click();
  await expect(confirm.getByRole('alert')).toContainText('has passed: choose a later time.');
  expect(await influx.listAuthorizations({ orgID: product.standin.orgID })).toHaveLength(before);

  // Keyboard only: back to Now, and the replacement is made the old way (the old token waits for the person).
  await confirm.getByRole('radio', { name: 'Now' }).focus();
  await page.keyboard.press('Space');
  await expect(confirm.getByRole('radio', { name: 'Now' })).toBeChecked();
  await confirm.getByRole('button', { name: 'Create replacement' }).click();
  const shown = page.getByRole('dialog', { name: 'Replacement created: copy it now' });
  await expect(shown).toContainText('“dashboards viewer” is still active.');
  await expect(shown.getByRole('button', { name: 'New token is in place: deactivate old' })).toBeVisible();
});

test('Rotate now, then delete 7 days after: planned once the old token is off, shown and cancellable in its drawer', async ({
  page,
  context,
  product,
  influx,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: product.url });
  const old = await influx.tokenNamed('dashboards viewer');
  await page.goto(`${product.url}/tokens`);
  await rowOf(page, 'dashboards viewer').getByRole('button', { name: 'Actions for dashboards viewer' }).click();
  await page.getByRole('menuitem', { name: /^Rotate/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Rotate “dashboards viewer”?' });
  await expect(confirm.getByRole('radio', { name: 'Now' })).toBeChecked();
  await confirm.getByRole('combobox', { name: 'Then delete the old token' }).selectOption({ label: '7 days after' });
  await confirm.getByRole('button', { name: 'Create replacement' }).click();

  const shown = page.getByRole('dialog', { name: 'Replacement created: copy it now' });
  await shown.getByRole('button', { name: 'Copy to clipboard' }).click();
  // Nothing is planned before the old token is actually switched off.
  expect((await influx.getAuthorization(old.id)).status).toBe('active');
  await shown.getByRole('button', { name: 'New token is in place: deactivate old' }).click();
  await expect(shown).toBeHidden();
  await expect.poll(async () => (await influx.getAuthorization(old.id)).status).toBe('inactive');

  await page.getByRole('button', { name: 'dashboards viewer', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: /dashboards viewer/ });
  const expiry = drawer.getByRole('region', { name: 'Expiry' });
  await expect(expiry).toContainText(
    /Deleted by this console on \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+ if still inactive then\./,
  );
  await expect(expiry).toContainText('Switch it back on to keep it: that cancels the deletion.');
  await expiry.getByRole('button', { name: 'Cancel the deletion' }).click();
  await expect(expiry).not.toContainText('Deleted by this console on');
  // The old token stays, switched off, with nothing planned for it.
  const state = (await (await fetch(`${product.url}/api/app/governance?orgID=${product.standin.orgID}`)).json()) as {
    expiries: Array<{ tokenID: string; deleteAt?: string }>;
  };
  const planned = state.expiries.find((e) => e.tokenID === old.id);
  expect(planned).toBeDefined();
  expect(planned!.deleteAt).toBeUndefined();
  expect((await influx.getAuthorization(old.id)).status).toBe('inactive');
});
