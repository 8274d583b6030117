// Each test gets its own product (stand-in on a fresh database + app server) and a typed API client
// that talks to the stand-in directly with the operator token, to arrange data and check results.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startProduct, type RunningProduct } from '../server/app/start';
import { seedTokens, type SeedOptions } from '../server/standin/seed-tokens';
import { StandinStore } from '../server/standin/store';
import { createInfluxClient, type InfluxClient } from '../core/influx-client';
import type { Authorization } from '../core/influx-types';

export interface Fixtures {
  product: RunningProduct;
  /** The stand-in, spoken to directly with the operator token (not through the app). */
  influx: InfluxClient & { tokenNamed: (description: string) => Promise<Authorization> };
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured first argument.
  product: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-e2e-'));
    const product = await startProduct({ dataDir });
    try {
      await use(product);
    } finally {
      await product.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  influx: async ({ product }, use) => {
    const client = createInfluxClient({ baseUrl: product.standin.url, token: product.standin.operatorToken });
    const tokenNamed = async (description: string) => {
      const found = (await client.listAuthorizations({ orgID: product.standin.orgID })).find(
        (t) => t.description === description,
      );
      if (!found) throw new Error(`No token described “${description}” in the stand-in`);
      return found;
    };
    await use(Object.assign(client, { tokenNamed }));
  },
});

export { expect };

/** The row holding a token's description button. */
export function rowOf(page: Page, description: string) {
  return page.getByRole('row').filter({ has: page.getByRole('button', { name: description, exact: true }) });
}

/** Tokens (and owners user-seed-1 …) written to a running product's stand-in database, as `npm run seed` does. */
export function seedProductTokens(product: RunningProduct, options: SeedOptions) {
  const store = StandinStore.open(dirname(product.standin.operatorTokenFile));
  try {
    seedTokens(store, options);
  } finally {
    store.close();
  }
}
