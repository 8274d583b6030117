// Several InfluxDB connections on one app server: each name reaches its own upstream with its own token, through the
// same gates as /api/*; a name the server does not offer, or any URL or host in the request, reaches nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, type CallInit } from '../test-support/http-call';
import { closedPortUrl, hang, startFakeUpstream, type FakeUpstream } from '../test-support/fake-upstream';
import { rawRequest, statusOf } from '../test-support/raw-http';
import { makeTempApp, type TempApp } from '../test-support/temp-app';
import { buildAppServer, startAppServer, type AppServerConfig, type RunningAppServer } from './app-server';

const DEV_TOKEN = 'dev-token-Lk3m9Qx7-never-in-an-answer';
const PROD_TOKEN = 'prod-token-Vb8n2Zr5-never-in-an-answer';

let dev: FakeUpstream;
let prod: FakeUpstream;
/** Where nothing may ever go: its URL and host are what the attacks below name. */
let evil: FakeUpstream;
let tempApp: TempApp;
let app: RunningAppServer;
let logs: string[];

async function start(overrides: Partial<AppServerConfig> = {}, prodUrl = prod.url): Promise<void> {
  logs = [];
  app = await startAppServer({
    mode: 'influx',
    upstreamUrl: dev.url,
    serverToken: DEV_TOKEN,
    org: 'dev-org',
    connectionName: 'dev',
    moreConnections: [{ name: 'prod', upstreamUrl: prodUrl, serverToken: PROD_TOKEN, org: 'acme', production: true }],
    staticDir: tempApp.dir,
    log: (line) => logs.push(line),
    ...overrides,
  });
}

const get = (path: string, init?: CallInit) => call(app.url, path, init);
const json = { 'Content-Type': 'application/json' };

beforeEach(async () => {
  [dev, prod, evil] = await Promise.all([startFakeUpstream(), startFakeUpstream(), startFakeUpstream()]);
  tempApp = makeTempApp();
  await start();
});
afterEach(async () => {
  await app.close();
  await Promise.all([dev.close(), prod.close(), evil.close()]);
  tempApp.remove();
  expect(evil.received).toHaveLength(0);
  expect(logs.join('\n')).not.toMatch(/dev-token|prod-token/);
});

describe('routing by connection name', () => {
  it("sends /c/<name>/api/v2/... to that connection's URL with that connection's token", async () => {
    expect((await get('/c/prod/api/v2/authorizations?user=ops&org=acme')).status).toBe(200);
    expect((await get('/c/dev/api/v2/me')).status).toBe(200);
    expect((await get('/api/v2/users')).status).toBe(200);
    expect(prod.received.map((r) => [r.url, r.headers.authorization, r.headers.host])).toEqual([
      ['/api/v2/authorizations?user=ops&org=acme', `Token ${PROD_TOKEN}`, new URL(prod.url).host],
    ]);
    // /api/* stays with the default connection, as does /c/<default>/.
    expect(dev.received.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/api/v2/me', `Token ${DEV_TOKEN}`],
      ['/api/v2/users', `Token ${DEV_TOKEN}`],
    ]);
  });

  it('forwards /health and /ping per connection, and keeps a pasted token', async () => {
    prod.respondWith((_req, res) => res.writeHead(204).end());
    expect((await get('/c/prod/ping')).status).toBe(204);
    expect((await get('/c/prod/health')).status).toBe(204);
    await get('/c/prod/api/v2/me', { headers: { Authorization: 'Token pasted-for-prod' } });
    expect(prod.received.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/ping', `Token ${PROD_TOKEN}`],
      ['/health', `Token ${PROD_TOKEN}`],
      ['/api/v2/me', 'Token pasted-for-prod'],
    ]);
    expect(dev.received).toHaveLength(0);
  });

  it('lists every connection in /api/app/config, with its display URL and production mark, never a token', async () => {
    await app.close();
    await start({
      moreConnections: [
        { name: 'prod', upstreamUrl: `${prod.url}/influx/`, serverToken: PROD_TOKEN, org: 'acme', production: true },
        { name: 'lab', upstreamUrl: evil.url, org: null },
      ],
    });
    const response = await get('/api/app/config');
    expect(response.json()).toEqual({
      mode: 'influx',
      upstream: dev.url,
      org: 'dev-org',
      needsToken: false,
      connection: 'dev',
      connections: [
        { name: 'dev', upstream: dev.url, production: false, org: 'dev-org', needsToken: false },
        { name: 'prod', upstream: `${prod.url}/influx`, production: true, org: 'acme', needsToken: false },
        { name: 'lab', upstream: evil.url, production: false, org: null, needsToken: true },
      ],
    });
    expect(response.text).not.toMatch(/dev-token|prod-token/);
    // The path prefix holds for a connection's requests as for the default's.
    await get('/c/prod/api/v2/me?x=1');
    expect(prod.received[0]!.url).toBe('/influx/api/v2/me?x=1');
  });

  it('serves page URLs under /c/<name>/ as the app, forwarding nothing', async () => {
    const page = await get('/c/prod/orgs/0a1b2c3d4e5f6a7b/tokens');
    expect(page.status).toBe(200);
    expect(page.text).toBe(tempApp.indexHtml);
    expect(prod.received).toHaveLength(0);
  });
});

describe('the same gates as /api/*', () => {
  it('refuses other sites, unlisted paths and methods, non-JSON writes and big bodies, forwarding nothing', async () => {
    const cases: [string, CallInit, number][] = [
      ['/c/prod/api/v2/me', { headers: { Origin: 'https://evil.example' } }, 403],
      ['/c/prod/api/v2/me', { headers: { 'Sec-Fetch-Site': 'cross-site' } }, 403],
      ['/c/prod/api/v2/write', { method: 'POST', headers: json, body: '{}' }, 404],
      ['/c/prod/api/v2/setup', {}, 404],
      ['/c/prod/api/v2/orgs/0a1b2c3d4e5f6a7b', { method: 'DELETE' }, 405],
      ['/c/prod/api/v2/authorizations', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' }, 415],
      ['/c/prod/api/v2/authorizations', { method: 'POST', headers: json, body: Buffer.alloc(1024 * 1024 + 1) }, 413],
      ['/c/prod/api/v2/me', { headers: { Host: `evil.example:${app.port}` } }, 403],
    ];
    for (const [path, init, status] of cases) {
      const response = await get(path, init);
      expect([path, response.status]).toEqual([path, status]);
      expect(response.json()).toHaveProperty('code');
    }
    expect(prod.received).toHaveLength(0);
  });

  it("answers 404 in InfluxDB's shape for a name the server does not offer", async () => {
    const response = await get('/c/staging/api/v2/authorizations');
    expect(response.status).toBe(404);
    expect(response.headers['x-platform-error-code']).toBe('not found');
    expect(response.json()).toEqual({
      code: 'not found',
      message: 'No connection named "staging" on this console; it offers: dev, prod.',
    });
    // Names match exactly, as the server lists them.
    expect((await get('/c/Prod/api/v2/me')).status).toBe(404);
    expect(dev.received).toHaveLength(0);
    expect(prod.received).toHaveLength(0);
  });

  it('keeps governance with the default connection, and tells own tokens apart per connection', async () => {
    // Another connection's page asks what expiry can do there: it cannot, and says why (nothing is forwarded).
    const elsewhere = await get('/c/prod/api/app/governance?orgID=0000000000000001');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.json()).toEqual({
      available: false,
      unavailableReason: 'Expiry and the audit trail are kept for the default connection (“dev”) only.',
      maxLifetimeDays: null,
      expiries: [],
    });
    for (const path of ['/c/dev/api/app/governance', '/c/prod/api/app/activity', '/c/dev/api/app/activity']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.json<{ message: string }>().message).toBe(
        `Expiry and activity are available for the default connection ("dev") only, at ${path.replace(/^\/c\/\w+/, '')}.`,
      );
    }
    expect((await get('/c/prod/api/app/config')).status).toBe(404);
    // Without /c/<name>/ it is served (and asks for its org).
    expect((await get('/api/app/activity')).json()).toMatchObject({ code: 'invalid' });

    const listing = (token: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, json);
      res.end(JSON.stringify({ authorizations: [{ id: `id-of-${token.slice(0, 4)}`, token, status: 'active' }] }));
    };
    prod.respondWith(listing(PROD_TOKEN));
    dev.respondWith(listing(DEV_TOKEN));
    expect((await get('/c/prod/api/app/own-token')).json()).toMatchObject({ state: 'active', id: 'id-of-prod' });
    expect((await get('/api/app/own-token')).json()).toMatchObject({ state: 'active', id: 'id-of-dev-' });
    expect(prod.received.at(-1)!.headers.authorization).toBe(`Token ${PROD_TOKEN}`);
  });

  it("records only the default connection's changes, and asks prod nothing beyond the change itself", async () => {
    const change = { method: 'PATCH', headers: json, body: '{"status":"inactive"}' };
    expect((await get('/c/prod/api/v2/authorizations/0a1b2c3d4e5f6a7b', change)).status).toBe(200);
    expect(prod.received.map((r) => r.method)).toEqual(['PATCH']);
    expect(dev.received).toHaveLength(0);
  });
});

describe('no URL or host from the browser is ever followed', () => {
  it.each([
    ['an encoded URL as the name', () => `/c/http:%2F%2F${new URL(evil.url).host}/api/v2/me`, 400],
    ['a host as the name', () => `/c/${new URL(evil.url).host}/api/v2/me`, 404],
    ['a host name as the name', () => '/c/evil.example.com/api/v2/me', 404],
    ['an encoded climb', () => '/c/..%2f/api/v2/me', 400],
    ['an encoded name', () => '/c/%70rod/api/v2/me', 404],
  ])('%s reaches no upstream', async (_what, path, status) => {
    const response = await get(path());
    expect(response.status).toBe(status);
    expect(prod.received).toHaveLength(0);
    expect(dev.received).toHaveLength(0);
  });

  it('a raw ".." climb, an absolute URL or a foreign Host reaches no upstream', async () => {
    const host = new URL(app.url).host;
    for (const target of ['/c/../api/v2/me', '/c/prod/../../api/v2/me', `${evil.url}/c/prod/api/v2/me`]) {
      const raw = await rawRequest(app.port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect([target, statusOf(raw)]).toEqual([target, 400]);
    }
    const foreign = await rawRequest(
      app.port,
      `GET /c/prod/api/v2/me HTTP/1.1\r\nHost: ${new URL(evil.url).host}\r\nConnection: close\r\n\r\n`,
    );
    expect(statusOf(foreign)).toBe(403);
    expect(prod.received).toHaveLength(0);
    expect(dev.received).toHaveLength(0);
  });

  it('X-Forwarded-Host, Forwarded and ?host= / ?url= leave the request going to its own connection', async () => {
    const elsewhere = new URL(evil.url).host;
    await get(`/c/prod/api/v2/me?host=${encodeURIComponent(evil.url)}&url=${encodeURIComponent(evil.url)}`, {
      headers: { 'X-Forwarded-Host': elsewhere, Forwarded: `host=${elsewhere}`, 'X-Original-URL': evil.url },
    });
    expect(prod.received).toHaveLength(1);
    const got = prod.received[0]!;
    expect(got.url).toBe(`/api/v2/me?host=${encodeURIComponent(evil.url)}&url=${encodeURIComponent(evil.url)}`);
    expect(got.headers.host).toBe(new URL(prod.url).host);
    expect(got.headers['x-forwarded-host']).toBeUndefined();
    expect(got.headers.forwarded).toBeUndefined();
  });
});

describe('a connection that does not answer', () => {
  it('gets its own 502 naming it, while the others stay usable', async () => {
    await app.close();
    const dead = await closedPortUrl();
    await start({}, dead);
    const response = await get('/c/prod/api/v2/authorizations');
    expect(response.status).toBe(502);
    expect(response.json()).toEqual({
      code: 'unavailable',
      message: `InfluxDB at ${dead} (connection "prod") is unreachable: connection refused (is it running, and on that port?)`,
    });
    expect((await get('/c/dev/api/v2/authorizations')).status).toBe(200);
    expect((await get('/api/v2/me')).status).toBe(200);
    expect((await get('/api/app/config')).status).toBe(200);
  });

  it('gets its own 504 after the timeout when it hangs, naming it', async () => {
    await app.close();
    await start({ timeoutMs: 300 });
    prod.respondWith(hang);
    const response = await get('/c/prod/api/v2/me');
    expect(response.status).toBe(504);
    expect(response.json<{ message: string }>().message).toMatch(/\(connection "prod"\) did not answer within 300 ms/);
    expect((await get('/c/dev/api/v2/me')).status).toBe(200);
  });
});

describe('building the server', () => {
  it('refuses a name that cannot stand in a URL, or the same name twice', async () => {
    const base = { mode: 'influx' as const, upstreamUrl: dev.url, org: null, staticDir: tempApp.dir };
    await expect(
      buildAppServer({ ...base, moreConnections: [{ name: 'my prod', upstreamUrl: prod.url, org: null }] }),
    ).rejects.toThrow(/"my prod" cannot stand in a URL/);
    await expect(
      buildAppServer({ ...base, moreConnections: [{ name: 'Default', upstreamUrl: prod.url, org: null }] }),
    ).rejects.toThrow(/Two connections are named "Default"/);
  });

  it('refuses a non-loopback address while any connection holds a token, unless allowed', async () => {
    const base = { mode: 'influx' as const, upstreamUrl: dev.url, org: null, staticDir: tempApp.dir, host: '0.0.0.0' };
    await expect(
      buildAppServer({
        ...base,
        moreConnections: [{ name: 'prod', upstreamUrl: prod.url, serverToken: 't', org: null }],
      }),
    ).rejects.toThrow(/Refusing to listen on 0.0.0.0/);
  });
});
