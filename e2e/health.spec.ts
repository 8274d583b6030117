import { allAccessPermissions, permissionString } from '../core/permissions';
import { expect, rowOf, test } from './fixtures';

test('Health, opened from the tokens page by keyboard, counts the all-access tokens and lists just those', async ({
  page,
  product,
  influx,
}) => {
  const orgID = product.standin.orgID;
  const [user2] = await influx.listUsers('user2');
  const types = await influx.listResourceTypes();
  // One more beside the seeded one, made as `influx auth create --all-access` makes it.
  await influx.createAuthorization({
    orgID,
    userID: user2!.id,
    description: 'backup job (all access)',
    permissions: allAccessPermissions(types, orgID, user2!.id),
  });
  // Counted here without the page's rules: a token holding every permission an all-access token is made with.
  const tokens = await influx.listAuthorizations({ orgID });
  const allAccess = tokens.filter((token) => {
    const held = new Set(token.permissions.map(permissionString));
    return allAccessPermissions(types, orgID, token.userID).every((p) => held.has(permissionString(p)));
  });
  expect(allAccess.map((t) => t.description).sort()).toEqual(['backup job (all access)', "user1's all-access token"]);

  await page.goto(`${product.url}/tokens`);
  await expect(page.getByRole('heading', { name: 'API Tokens' })).toBeVisible();
  const healthLink = page.getByRole('link', { name: 'Health', exact: true });
  await expect(healthLink).toBeVisible();
  const healthFocused = () => healthLink.evaluate((link) => link === document.activeElement);
  for (let i = 0; i < 20 && !(await healthFocused()); i++) await page.keyboard.press('Tab');
  await expect(healthLink).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(`${product.url}/cleanup`);
  await expect(page.getByRole('heading', { name: 'Health', level: 1 })).toBeVisible();
  await expect(
    page.getByText('Last use: InfluxDB does not record when a token was last used, so this view cannot tell'),
  ).toBeVisible();
  const count = page.getByRole('link', { name: `${allAccess.length} All-access tokens`, exact: true });
  await expect(count).toBeVisible();
  await count.click();

  await expect(page).toHaveURL(`${product.url}/tokens?check=all-access`);
  for (const token of allAccess) await expect(rowOf(page, token.description)).toBeVisible();
  await expect(rowOf(page, 'read all buckets')).toHaveCount(0);
});
