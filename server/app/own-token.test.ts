// The page's own token: the app server says which authorization it is (stand-in: exactly; InfluxDB: by matching
// token strings), and after recovery rewrites the operator-token file, it uses the new token without a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startProduct, type RunningProduct } from './start';
import { createOperatorToken } from '../standin/recovery';
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
    const orgs = await call(p.url, '/api/v2/orgs');
    expect(orgs.json<{ orgs: { name: string }[] }>().orgs.map((o) => o.name)).toEqual(['my-org']);
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

  async function start(listing: (auth: string) => { status: number; body: unknown }) {
    upstream = await startFakeUpstream((req, res) => {
      const answer = listing(String(req.headers.authorization));
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
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

  it('matches the token string when the list returns them (OSS 2.x)', async () => {
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

  it('says it cannot know when the list hides token strings (Cloud)', async () => {
    await start(() => ({ status: 200, body: { authorizations: [{ id: 'a1', token: '', status: 'active' }] } }));
    const answer = await ownToken(app.url);
    expect(answer.state).toBe('unknown');
    expect(answer.message).toMatch(/does not return token strings/);
  });

  it("passes on InfluxDB's refusal of the token", async () => {
    await start(() => ({ status: 401, body: { code: 'unauthorized', message: 'authorization not found' } }));
    expect(await ownToken(app.url)).toMatchObject({ state: 'refused', message: 'authorization not found' });
  });
});
