// People who bring their own token: an inactive token, another user's all-access token, and a token without
// authorization permissions each see and change only what InfluxDB allows, and the proxy answers exactly as
// the stand-in does directly: it never lends them the server token, however the request is spelled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Authorization } from '../../core/influx-types';
import { allAccessPermissions } from '../../server/standin/permissions';
import type { ApiAnswer } from './support/api';
import { cellsHoldingTokens, filesHoldingTokens } from './support/at-rest';
import { startProductUnderTest, type ProductUnderTest } from './support/product-under-test';

let t: ProductUnderTest;
let orgID: string;
const userIDs: Record<string, string> = {};
const issued: string[] = [];

interface Caller {
  name: string;
  auth: Authorization;
}
let callers: Caller[];
let targets: { user1Other: Authorization; user2Token: Authorization; operatorAuth: Authorization };

const readBuckets = () => ({ action: 'read', resource: { type: 'buckets', orgID } });

async function create(body: object): Promise<Authorization> {
  const answer = await t.direct('/api/v2/authorizations', {
    method: 'POST',
    token: t.operatorToken,
    body: { orgID, ...body },
  });
  expect(answer.status, answer.text).toBe(201);
  const auth = answer.json() as Authorization;
  issued.push(auth.token);
  return auth;
}

beforeAll(async () => {
  t = await startProductUnderTest();
  issued.push(t.operatorToken);
  orgID = t.product.standin.orgID;
  for (const name of ['admin', 'user1', 'user2']) {
    userIDs[name] = (await t.direct(`/api/v2/users?name=${name}`, { token: t.operatorToken })).json().users[0].id;
  }
  const manageOwn = (userID: string) => [
    { action: 'read', resource: { type: 'authorizations', orgID } },
    { action: 'write', resource: { type: 'authorizations', orgID } },
    { action: 'read', resource: { type: 'users', id: userID } },
    { action: 'write', resource: { type: 'users', id: userID } },
  ];
  callers = [
    {
      name: 'inactive',
      auth: await create({
        userID: userIDs.user2,
        status: 'inactive',
        description: 'inactive caller',
        permissions: manageOwn(userIDs.user2!),
      }),
    },
    {
      name: 'all-access of user1',
      auth: await create({
        userID: userIDs.user1,
        description: 'user1 all-access caller',
        permissions: allAccessPermissions(orgID, userIDs.user1!),
      }),
    },
    {
      name: 'no authorization permissions',
      auth: await create({ userID: userIDs.user2, description: 'buckets-only caller', permissions: [readBuckets()] }),
    },
  ];
  const all = await t.snapshot();
  targets = {
    user1Other: all.find((a) => a.userID === userIDs.user1 && !callers.some((c) => c.auth.id === a.id))!,
    user2Token: all.find((a) => a.userID === userIDs.user2 && !callers.some((c) => c.auth.id === a.id))!,
    operatorAuth: all.find((a) => a.description === "admin's Token")!,
  };
});
afterAll(async () => {
  await t?.close();
});

interface Attempt {
  name: string;
  method: string;
  path: (self: Authorization) => string;
  body?: (self: Authorization) => object;
}

const ATTEMPTS: Attempt[] = [
  { name: 'list', method: 'GET', path: () => '/api/v2/authorizations' },
  { name: 'list user2 by name', method: 'GET', path: () => '/api/v2/authorizations?user=user2' },
  { name: 'get own', method: 'GET', path: (self) => `/api/v2/authorizations/${self.id}` },
  { name: "get user1's", method: 'GET', path: () => `/api/v2/authorizations/${targets.user1Other.id}` },
  { name: "get user2's", method: 'GET', path: () => `/api/v2/authorizations/${targets.user2Token.id}` },
  { name: "get the operator's", method: 'GET', path: () => `/api/v2/authorizations/${targets.operatorAuth.id}` },
  {
    name: "rename user2's",
    method: 'PATCH',
    path: () => `/api/v2/authorizations/${targets.user2Token.id}`,
    body: () => ({ description: 'renamed by a caller' }),
  },
  {
    name: "rename user1's",
    method: 'PATCH',
    path: () => `/api/v2/authorizations/${targets.user1Other.id}`,
    body: () => ({ description: 'renamed by a caller' }),
  },
  {
    name: 'activate itself',
    method: 'PATCH',
    path: (self) => `/api/v2/authorizations/${self.id}`,
    body: () => ({ status: 'active' }),
  },
  {
    name: "disable the operator's",
    method: 'PATCH',
    path: () => `/api/v2/authorizations/${targets.operatorAuth.id}`,
    body: () => ({ status: 'inactive' }),
  },
  { name: "delete the operator's", method: 'DELETE', path: () => `/api/v2/authorizations/${targets.operatorAuth.id}` },
  { name: "delete user2's", method: 'DELETE', path: () => `/api/v2/authorizations/${targets.user2Token.id}` },
  {
    name: 'create for itself',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    body: (self) => ({ orgID, userID: self.userID, permissions: [readBuckets()] }),
  },
  {
    name: 'create an operator',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    body: () => ({ orgID, permissions: [{ action: 'write', resource: { type: 'authorizations' } }] }),
  },
  { name: 'who am I', method: 'GET', path: () => '/api/v2/me' },
];

/** Status each caller gets, in ATTEMPTS order, as InfluxDB OSS 2.x answers (see the API notes). */
const EXPECTED: Record<string, number[]> = {
  //                              list by-name own u1  u2  op  ren2 ren1 act  dis  delop del2 post postop me
  inactive: /*                 */ [200, 200, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
  'all-access of user1': /*    */ [200, 200, 200, 200, 401, 401, 401, 200, 200, 401, 401, 401, 201, 403, 200],
  'no authorization permissions': [200, 200, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
};

/** What a caller may see in a list: its own user's tokens in its org, unless it lacks the permissions. */
function visibleIds(caller: Caller, all: Authorization[], path: string): string[] {
  if (caller.name !== 'all-access of user1') return [];
  if (path.includes('user=user2')) return [];
  return all.filter((a) => a.userID === userIDs.user1 && a.orgID === orgID).map((a) => a.id);
}

const comparable = (answer: ApiAnswer) => {
  if (answer.text === '') return { status: answer.status };
  const body = answer.json();
  // Two successful writes differ only in when they happened and, for creates, in the new id and token.
  const strip = (a: Record<string, unknown>) => {
    const { updatedAt: _u, createdAt: _c, id: _i, token: _t, links: _l, ...rest } = a;
    return rest;
  };
  if (answer.status >= 300) return { status: answer.status, body };
  if (Array.isArray(body.authorizations))
    return { status: answer.status, ids: body.authorizations.map((a: Authorization) => a.id) };
  return { status: answer.status, body: strip(body) };
};

describe('callers with their own tokens', () => {
  it('get the same answer through the proxy as directly, and only what InfluxDB allows', async () => {
    let pairs = 0;
    for (const caller of callers) {
      const statuses: number[] = [];
      for (const attempt of ATTEMPTS) {
        const call = {
          method: attempt.method,
          token: caller.auth.token,
          ...(attempt.body && { body: attempt.body(caller.auth) }),
        };
        const before = await t.snapshot();
        const proxied = await t.viaProxy(attempt.path(caller.auth), call);
        const afterProxy = await t.snapshot();
        const direct = await t.direct(attempt.path(caller.auth), call);
        const afterDirect = await t.snapshot();
        pairs++;
        const what = `${caller.name}: ${attempt.name}`;
        expect(comparable(proxied), what).toEqual(comparable(direct));
        statuses.push(proxied.status);
        if (proxied.status === 201) issued.push(proxied.json().token, direct.json().token);
        if (proxied.status >= 400) {
          expect(afterProxy, `${what} was refused but changed something`).toEqual(before);
          expect(afterDirect, `${what} was refused but changed something`).toEqual(before);
        }
        if (attempt.path(caller.auth).startsWith('/api/v2/authorizations?') || attempt.name === 'list') {
          expect(comparable(proxied).ids, what).toEqual(visibleIds(caller, before, attempt.path(caller.auth)));
        }
      }
      expect(statuses, caller.name).toEqual(EXPECTED[caller.name]);
    }
    // The refusals above came from the stand-in judging each caller, not from the proxy: the operator may do all of it.
    const operatorView = await t.viaProxy(`/api/v2/authorizations/${targets.operatorAuth.id}`);
    expect(operatorView.status).toBe(200);
    console.log(
      `[access] ${callers.length} callers × ${ATTEMPTS.length} requests, each through the proxy and directly: ${pairs} identical pairs`,
    );
  });

  it('never get the server token when their own Authorization header is dropped as hop-by-hop (Connection: authorization)', async () => {
    const appPort = t.product.app.port;
    const host = `Host: 127.0.0.1:${appPort}\r\n`;
    const before = await t.snapshot();
    for (const caller of callers) {
      for (const connection of ['authorization', 'close, Authorization', 'keep-alive,AUTHORIZATION']) {
        const own = `Authorization: Token ${caller.auth.token}\r\nConnection: ${connection}\r\n`;
        const list = await t.raw(
          appPort,
          `GET /api/v2/authorizations HTTP/1.1\r\n${host}${own}Connection: close\r\n\r\n`,
        );
        expect(list.statuses, `${caller.name}, Connection: ${connection}`).toEqual([401]);
        expect(list.text).not.toContain(targets.operatorAuth.id);
        const body = '{"status":"inactive"}';
        const patch = await t.raw(
          appPort,
          `PATCH /api/v2/authorizations/${targets.operatorAuth.id} HTTP/1.1\r\n${host}${own}Content-Type: application/json\r\n` +
            `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        );
        expect(patch.status, `${caller.name} disabling the operator token with Connection: ${connection}`).toBe(401);
      }
    }
    expect(await t.snapshot()).toEqual(before);
  });

  it('leave no token string at rest: the SQLite files hold hashes only', async () => {
    expect(issued.length).toBeGreaterThanOrEqual(6);
    expect(filesHoldingTokens(t.dataDir, issued)).toEqual([]);
    expect(cellsHoldingTokens(t.dataDir, issued)).toEqual([]);
    expect(t.watch.leaks).toEqual([]);
  });
});
