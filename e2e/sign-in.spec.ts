import { fileURLToPath } from 'node:url';
import { startAppServer } from '../server/app/app-server';
import { expect, test } from './fixtures';

test('without a server token: paste one to sign in, a refused one says why, Sign out forgets it', async ({
  page,
  product,
}) => {
  // A second app server in front of the same stand-in, holding no token of its own.
  const app = await startAppServer({
    mode: 'influx',
    upstreamUrl: product.standin.url,
    org: null,
    staticDir: fileURLToPath(new URL('../dist', import.meta.url)),
  });
  try {
    await page.goto(`${app.url}/tokens`);
    const field = page.getByRole('textbox', { name: 'API token' });
    await expect(field).toBeVisible();

    await field.fill('not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('InfluxDB refused the token: unauthorized access');

    await page.getByRole('textbox', { name: 'API token' }).fill(product.standin.operatorToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'API Tokens' })).toBeVisible();
    await expect(page.getByRole('button', { name: "admin's Token", exact: true })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('button', { name: "admin's Token", exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('textbox', { name: 'API token' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'API token' })).toBeVisible();
  } finally {
    await app.close();
  }
});
