import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertMatchesContract, contractPathOf } from '../../test/contract';
import { startProduct, type RunningProduct } from '../app/start';
import { call, type CallInit, type CallResult } from '../test-support/http-call';
import { makeTempApp, type TempApp } from '../test-support/temp-app';

interface Authorization {
  id: string;
  token: string;
  status: string;
  description: string;
  user: string;
  updatedAt: string;
}

let dir: string;
let tempApp: TempApp;
let product: RunningProduct;
let logs: string[];
const answers: CallResult[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'token-manager-proxy-standin-'));
  tempApp = makeTempApp();
  logs = [];
  answers.length = 0;
  product = await startProduct({ dataDir: dir, staticDir: tempApp.dir, log: (line) => logs.push(line) });
});
afterEach(async () => {
  await product.close();
  tempApp.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** Through the proxy (no Authorization: the server token is added), contract-checked for authorization endpoints. */
async function viaProxy(method: string, path: string, init: CallInit = {}): Promise<CallResult> {
  const response = await call(product.url, path, { method, ...init });
  answers.push(response);
  if (path.startsWith('/api/v2/authorizations')) {
    assertMatchesContract(
      method,
      contractPathOf(path)!,
      response.status,
      response.text === '' ? undefined : response.json(),
    );
  }
  return response;
}

/** Straight to the stand-in with the operator token. */
function direct(method: string, path: string, init: CallInit = {}): Promise<CallResult> {
  return call(product.standin.url, path, {
    method,
    ...init,
    headers: { Authorization: `Token ${product.standin.operatorToken}`, ...init.headers },
  });
}

const jsonBody = (body: unknown): CallInit => ({
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const withoutUpdatedAt = ({ updatedAt: _updatedAt, ...rest }: Authorization) => rest;

describe('the stand-in through the proxy', () => {
  it('answers the documented example exactly as the stand-in does directly', async () => {
    const listed = await viaProxy('GET', '/api/v2/authorizations?user=user2');
    expect(listed.status).toBe(200);
    expect(listed.text).toBe((await direct('GET', '/api/v2/authorizations?user=user2')).text);
    const tokens = listed.json<{ authorizations: Authorization[] }>().authorizations;
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(tokens.every((token) => token.user === 'user2')).toBe(true);

    const first = tokens[0]!;
    const change = { description: 'deactivated_auth', status: 'inactive' };
    const proxied = await viaProxy('PATCH', `/api/v2/authorizations/${first.id}`, jsonBody(change));
    expect(proxied.status).toBe(200);
    expect(proxied.json<Authorization>()).toMatchObject(change);
    const straight = await direct('PATCH', `/api/v2/authorizations/${first.id}`, jsonBody(change));
    expect(straight.status).toBe(200);
    expect(withoutUpdatedAt(proxied.json())).toEqual(withoutUpdatedAt(straight.json()));
    expect((await viaProxy('GET', `/api/v2/authorizations/${first.id}`)).text).toBe(
      (await direct('GET', `/api/v2/authorizations/${first.id}`)).text,
    );
  });

  it('creates, reads, and deletes a token, with the contract on every answer', async () => {
    const created = await viaProxy(
      'POST',
      '/api/v2/authorizations',
      jsonBody({
        orgID: product.standin.orgID,
        description: 'through the proxy',
        permissions: [{ action: 'read', resource: { type: 'buckets', orgID: product.standin.orgID } }],
      }),
    );
    expect(created.status).toBe(201);
    const token = created.json<Authorization>();
    expect(token.token).toMatch(/^[A-Za-z0-9_-]{86}==$/);
    expect((await viaProxy('GET', `/api/v2/authorizations/${token.id}`)).json()).toMatchObject({
      id: token.id,
      description: 'through the proxy',
    });
    expect((await viaProxy('DELETE', `/api/v2/authorizations/${token.id}`)).status).toBe(204);
    const gone = await viaProxy('GET', `/api/v2/authorizations/${token.id}`);
    expect(gone.status).toBe(404);
    expect(gone.headers['x-platform-error-code']).toBe('not found');
  });

  it("passes the stand-in's errors through: bad id, bad status, and a person's own wrong token", async () => {
    const badID = await viaProxy('GET', '/api/v2/authorizations/xyz');
    expect(badID.status).toBe(400);
    const list = (await viaProxy('GET', '/api/v2/authorizations')).json<{ authorizations: Authorization[] }>()
      .authorizations;
    const badStatus = await viaProxy('PATCH', `/api/v2/authorizations/${list[0]!.id}`, jsonBody({ status: 'paused' }));
    expect(badStatus.status).toBe(400);
    const wrongToken = await viaProxy('GET', '/api/v2/authorizations', {
      headers: { Authorization: 'Token not-a-real-token' },
    });
    expect(wrongToken.status).toBe(401);
    expect(wrongToken.json()).toEqual({ code: 'unauthorized', message: 'unauthorized access' });
  });

  it('forwards the other allowed endpoints', async () => {
    expect((await viaProxy('GET', '/api/v2/me')).json()).toMatchObject({ name: 'admin' });
    expect((await viaProxy('GET', '/api/v2/orgs')).status).toBe(200);
    // One org, read only: the page checks its credential against it; changing or deleting an org is not forwarded.
    expect((await viaProxy('GET', `/api/v2/orgs/${product.standin.orgID}`)).json()).toMatchObject({ name: 'my-org' });
    const deleteOrg = await viaProxy('DELETE', `/api/v2/orgs/${product.standin.orgID}`);
    expect(deleteOrg.status).toBe(405);
    expect((await viaProxy('GET', '/api/v2/orgs')).status).toBe(200);
    expect((await viaProxy('GET', '/api/v2/users?name=user2')).status).toBe(200);
    expect((await viaProxy('GET', '/api/v2/resources')).status).toBe(200);
    expect((await viaProxy('GET', '/health')).status).toBe(200);
    expect((await viaProxy('GET', '/ping')).status).toBe(204);
    expect((await viaProxy('GET', '/api/app/config')).json()).toEqual({
      mode: 'standin',
      upstream: product.standin.url,
      org: 'my-org',
      needsToken: false,
      connection: 'default',
      connections: [
        { name: 'default', upstream: product.standin.url, production: false, org: 'my-org', needsToken: false },
      ],
    });
  });

  it('answers 502 naming the stand-in when it stops, and never leaks the operator token', async () => {
    await viaProxy('GET', '/api/v2/authorizations');
    await viaProxy('GET', '/');
    await viaProxy('GET', tempApp.assetPath);
    await product.standin.close();
    const down = await viaProxy('GET', '/api/v2/me');
    expect(down.status).toBe(502);
    expect(down.json<{ message: string }>().message).toBe(
      `InfluxDB at ${product.standin.url} is unreachable: connection refused (is it running, and on that port?)`,
    );
    const everything = [...answers.map((a) => JSON.stringify(a)), ...logs].join('\n');
    expect(logs.join('\n')).toContain('unreachable');
    expect(everything).not.toContain(product.standin.operatorToken);
  });
});
