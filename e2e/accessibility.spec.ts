import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the list and the drawer have no axe violations (${colorScheme})`, async ({ page, product, influx }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${product.url}/tokens`);
    await expect(page.getByRole('table', { name: 'API tokens' })).toBeVisible();
    const list = await new AxeBuilder({ page }).analyze();
    expect(list.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const token = await influx.tokenNamed("user1's all-access token");
    await page.goto(`${product.url}/tokens/${token.id}`);
    await expect(page.getByRole('dialog')).toBeVisible();
    const drawer = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(drawer.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
