// A first load of a long list shows rows while the answer is still downloading, says the count is partial until
// the answer is whole, then settles on the full count; an answer that breaks off leaves the rows that arrived,
// marked incomplete. The stand-in sits behind a small relay that sends the list's first part and holds the rest
// until the test lets it go (or cuts the connection), so "before the answer ends" is certain, not a race.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startAppServer, type RunningAppServer } from '../server/proxy/app-server';
import { seedTokens } from '../server/standin/seed-tokens';
import { startStandin, type RunningStandin } from '../server/standin/start';
import { StandinStore } from '../server/standin/store';

const SEEDED = 2_000;
/** Bytes of the list's answer sent before the relay holds the rest: a few hundred tokens. */
const FIRST_PART = 300_000;

interface Relay {
  server: Server;
  url: string;
  /** Sends the rest of the held answer. */
  release(): void;
  /** Cuts the held answer's connection instead. */
  cut(): void;
}

async function startRelay(upstream: string): Promise<Relay> {
  let held: { rest: Buffer; response: import('node:http').ServerResponse } | null = null;
  let hold = true;
  const server = createServer((request, response) => {
    void (async () => {
      const body = await new Promise<Buffer>((resolve) => {
        const parts: Buffer[] = [];
        request.on('data', (part: Buffer) => parts.push(part)).on('end', () => resolve(Buffer.concat(parts)));
      });
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      const answer = await fetch(`${upstream}${request.url}`, { method: request.method, headers, body: body.length > 0 ? new Uint8Array(body) : undefined });
      const bytes = Buffer.from(await answer.arrayBuffer());
      const isList = request.method === 'GET' && /^\/api\/v2\/authorizations\?/.test(request.url ?? '');
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      if (!isList || !hold || bytes.length <= FIRST_PART) {
        response.end(bytes);
        return;
      }
      hold = false;
      response.write(bytes.subarray(0, FIRST_PART));
      held = { rest: bytes.subarray(FIRST_PART), response };
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    release: () => held?.response.end(held.rest),
    cut: () => held?.response.destroy(),
  };
}

const test2 = test.extend<{ setup: { url: string; relay: Relay } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured first argument.
  setup: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-e2e-arriving-'));
    const store = StandinStore.open(dataDir);
    try {
      seedTokens(store, { tokens: SEEDED, users: 5 });
    } finally {
      store.close();
    }
    let standin: RunningStandin | undefined;
    let relay: Relay | undefined;
    let app: RunningAppServer | undefined;
    try {
      standin = await startStandin({ dataDir, port: 0, host: '127.0.0.1' });
      relay = await startRelay(standin.url);
      app = await startAppServer({
        mode: 'standin',
        upstreamUrl: relay.url,
        serverToken: standin.operatorToken,
        serverTokenFile: standin.operatorTokenFile,
        identifyToken: standin.identifyToken,
        org: standin.orgName,
        port: 0,
        staticDir: fileURLToPath(new URL('../dist', import.meta.url)),
      });
      await use({ url: app.url, relay });
    } finally {
      await app?.close();
      relay?.server.closeAllConnections();
      await new Promise((resolve) => relay?.server.close(resolve) ?? resolve(undefined));
      await standin?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

const count = (page: import('@playwright/test').Page) => page.locator('.tokens-page__count');

test2('rows and a partial count show before the answer ends, then the whole count', async ({ page, setup }) => {
  await page.goto(`${setup.url}/tokens`);
  await expect(page.locator('[data-open-token]').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^[\d,]+ tokens so far — loading…$/ })).toBeVisible();
  const partial = Number((await count(page).textContent())!.replace(/\D.*$/, '').replace(/,/g, ''));
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(SEEDED);

  // Filters apply to what has arrived, and say so.
  await page.getByRole('searchbox', { name: 'Filter tokens' }).fill('zzz-no-such-token');
  await expect(count(page)).toHaveText(/^0 of [\d,]+ tokens so far — loading…$/);
  await page.getByRole('searchbox', { name: 'Filter tokens' }).fill('');

  setup.relay.release();
  await expect(count(page)).toHaveText(/^2,00\d tokens$/, { timeout: 20_000 });
  await expect(page.getByText(/so far/)).toHaveCount(0);
});

test2('an answer that breaks off keeps the rows that arrived, marked incomplete', async ({ page, setup }) => {
  await page.goto(`${setup.url}/tokens`);
  await expect(page.locator('[data-open-token]').first()).toBeVisible();
  await expect(count(page)).toHaveText(/so far — loading…$/);
  setup.relay.cut();
  await expect(page.getByRole('alert').filter({ hasText: 'The list is incomplete' })).toBeVisible({ timeout: 20_000 });
  await expect(count(page)).toHaveText(/^[\d,]+ tokens — list incomplete$/);
  await expect(page.locator('[data-open-token]').first()).toBeVisible();
});
