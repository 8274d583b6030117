// The page's own token: the app server says which authorization it is (stand-in: exactly; InfluxDB: by matching
// token strings), and after recovery rewrites the operator-token file, it uses the new token without a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startProduct, type RunningProduct } from './start';
import { createOperatorToken } from '../standin/recovery';
import { startStandin } from '../standin/start';
import { call } from '../test-support/http-call';
import { startFakeUpstream, type FakeUpstream } from '../test-support/fake-upstream';
import { makeTempApp, type TempApp } from '../test-support/temp-app';
import { startAppServer, type RunningAppServer } from './app-server';
import type { OwnTokenAnswer } from './own-token';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function product(): Promise<{ product: RunningProduct; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'token-manager-own-token-'));
  const app = makeTempApp();
  const running = await startProduct({ dataDir: dir, staticDir: app.dir });
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => app.remove(),
    () => running.close(),
  );
  return { product: running, dir };
}

const ownToken = async (url: string, headers?: Record<string, string>) =>
  (await call(url, '/api/app/own-token', { headers })).json<OwnTokenAnswer>();

describe('GET /api/app/own-token on the stand-in', () => {
  it('names the operator token, follows its status, and after recovery uses the new token without a restart', async () => {
    const { product: p, dir } = await product();
    const first = await ownToken(p.url);
    expect(first).toMatchObject({ state: 'active', description: "admin's Token", source: 'server', recoverable: true });

    const off = await call(p.url, `/api/v2/authorizations/${first.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'inactive' }),
    });
    expect(off.status).toBe(200);
    expect(await ownToken(p.url)).toMatchObject({ state: 'inactive', id: first.id });
    expect((await call(p.url, '/api/v2/orgs')).json<{ orgs: unknown[] }>().orgs).toEqual([]);

    const made = createOperatorToken({ dataDir: dir });
    const after = await ownToken(p.url);
    expect(after).toMatchObject({ state: 'active', id: made.id, description: "admin's Recovery Token" });
    // Made in the first start's org, my-org; as an operator token it reads every org.
    const recovered = await call(p.url, `/api/v2/authorizations/${made.id}`);
    expect(recovered.json<{ org: string }>().org).toBe('my-org');
    const orgs = await call(p.url, '/api/v2/orgs');
    expect(orgs.json<{ orgs: { name: string }[] }>().orgs.map((o) => o.name)).toEqual(['my-org', 'second-org']);
  });

  it('judges a pasted token the page sends, not the server token', async () => {
    const { product: p } = await product();
    expect(await ownToken(p.url, { authorization: 'Token not-a-real-token' })).toMatchObject({
      state: 'refused',
      source: 'pasted',
      recoverable: false,
    });
  });

  it('recovery refuses a folder without a stand-in database, naming it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'token-manager-no-db-'));
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    expect(() => createOperatorToken({ dataDir: empty })).toThrow(/standin\.sqlite does not exist: set DATA_DIR/);
  });
});

describe('GET /api/app/own-token on an InfluxDB', () => {
  let upstream: FakeUpstream;
  let app: RunningAppServer;
  let temp: TempApp;

  /** An InfluxDB look-alike answering each path (without its query) as `answer` says. */
  async function start(answer: (path: string, auth: string) => { status: number; body: unknown }) {
    upstream = await startFakeUpstream((req, res) => {
      const { status, body } = answer((req.url ?? '').split('?')[0]!, String(req.headers.authorization));
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    temp = makeTempApp();
    app = await startAppServer({
      mode: 'influx',
      upstreamUrl: upstream.url,
      serverToken: 'server-secret',
      org: null,
      staticDir: temp.dir,
    });
    cleanups.push(
      () => upstream.close(),
      () => temp.remove(),
      () => app.close(),
    );
  }

  it('matches the token string when the list returns them (OSS 2.7)', async () => {
    await start(() => ({
      status: 200,
      body: {
        authorizations: [
          { id: 'a1', token: 'other', status: 'active', description: 'x' },
          { id: 'a2', token: 'server-secret', status: 'active', description: 'ops' },
        ],
      },
    }));
    expect(await ownToken(app.url)).toEqual({
      state: 'active',
      id: 'a2',
      description: 'ops',
      source: 'server',
      recoverable: false,
    });
    expect(upstream.received.at(-1)?.headers.authorization).toBe('Token server-secret');
  });

  it("says it cannot know when the list hides token strings (Cloud), and names the token's user", async () => {
    await start((path) =>
      path === '/api/v2/me'
        ? { status: 200, body: { id: '0000000000000abc', name: 'admin', status: 'active' } }
        : { status: 200, body: { authorizations: [{ id: 'a1', token: '', status: 'active' }] } },
    );
    const answer = await ownToken(app.url);
    expect(answer).toMatchObject({ state: 'unknown', userID: '0000000000000abc' });
    expect(answer.message).toMatch(/does not return token strings/);
  });

  it('leaves the user out when the token may not read it', async () => {
    await start((path) =>
      path === '/api/v2/me'
        ? { status: 401, body: { code: 'unauthorized', message: 'read:users/0000000000000abc is unauthorized' } }
        : { status: 200, body: { authorizations: [] } },
    );
    const answer = await ownToken(app.url);
    expect(answer.state).toBe('unknown');
    expect(answer.userID).toBeUndefined();
  });

  it('tells an inactive token (an empty list, and 401 "token is inactive" about one resource) from an unknown one', async () => {
    await start((path) =>
      path === '/api/v2/me'
        ? { status: 401, body: { code: 'unauthorized', message: 'token is inactive' } }
        : { status: 200, body: { links: { self: '/api/v2/authorizations' }, authorizations: [] } },
    );
    expect(await ownToken(app.url)).toEqual({
      state: 'inactive',
      message: 'token is inactive',
      source: 'server',
      recoverable: false,
    });
  });

  it("passes on InfluxDB's refusal of the token", async () => {
    await start(() => ({ status: 401, body: { code: 'unauthorized', message: 'authorization not found' } }));
    expect(await ownToken(app.url)).toMatchObject({ state: 'refused', message: 'authorization not found' });
  });
});

describe('GET /api/app/own-token on an InfluxDB that hides token strings (the stand-in, as InfluxDB)', () => {
  it("is unknown with the token's user while it works, and inactive once it is switched off", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-manager-own-token-hidden-'));
    const temp = makeTempApp();
    const standin = await startStandin({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => {} });
    const app = await startAppServer({
      mode: 'influx',
      upstreamUrl: standin.url,
      serverToken: standin.operatorToken,
      org: standin.orgName,
      staticDir: temp.dir,
    });
    cleanups.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => temp.remove(),
      () => standin.close(),
      () => app.close(),
    );
    const admin = (await call(app.url, '/api/v2/me')).json<{ id: string }>();
    expect(await ownToken(app.url)).toMatchObject({ state: 'unknown', userID: admin.id });

    const own = (await call(app.url, `/api/v2/authorizations?orgID=${standin.orgID}`))
      .json<{ authorizations: { id: string; description: string }[] }>()
      .authorizations.find((a) => a.description === "admin's Token")!;
    const off = await call(app.url, `/api/v2/authorizations/${own.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'inactive' }),
    });
    expect(off.status).toBe(200);
    expect(await ownToken(app.url)).toMatchObject({ state: 'inactive', message: 'token is inactive' });
  });
});
