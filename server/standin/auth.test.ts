// Authentication and permissions as InfluxDB 2.x applies them to the token API.
import { describe, expect, it } from 'vitest';
import type { Authorization } from '../../core/influx-types';
import { nowRfc3339 } from './clock';
import { newId } from './ids';
import { allAccessPermissions } from './permissions';
import { StandinStore } from './store';
import { withStandin, expectError, manageOwnTokens, readBuckets } from './test-support';

let user1: string;
let user2: string;
const h = withStandin({
  ready: async (started) => {
    user1 = await started.userID('user1');
    user2 = await started.userID('user2');
  },
});

/** Adds a second org the way another process would (a second connection): the stand-in must notice. */
function addOrg(name: string): string {
  const store = StandinStore.open(h.dataDir);
  try {
    const id = newId();
    const now = nowRfc3339();
    store.insertOrg({ id, name, description: '', createdAt: now, updatedAt: now });
    return id;
  } finally {
    store.close();
  }
}

describe('authentication', () => {
  it('accepts Token and Bearer in any case, and refuses everything else with "unauthorized access"', async () => {
    for (const scheme of ['Token', 'Bearer', 'token', 'BEARER', 'tOkEn']) {
      const answer = await h.call('GET', '/api/v2/authorizations', {
        headers: { Authorization: `${scheme} ${h.operatorToken}` },
      });
      expect(answer.status, scheme).toBe(200);
    }
    const refused = [
      { token: null },
      { headers: { Authorization: `Basic ${h.operatorToken}` } },
      { headers: { Authorization: h.operatorToken } },
      { headers: { Authorization: 'Token' } },
      { headers: { Authorization: 'Token ' } },
      { token: `${h.operatorToken.slice(0, -3)}x==` },
      { token: 'not-a-token' },
    ];
    for (const options of refused) {
      expectError(await h.call('GET', '/api/v2/authorizations', options), 401, 'unauthorized', 'unauthorized access');
      expectError(await h.call('GET', '/api/v2/me', options), 401, 'unauthorized', 'unauthorized access');
    }
  });
});

describe('inactive tokens', () => {
  it('see an empty list, get 401 "token is inactive" elsewhere, and cannot re-activate themselves', async () => {
    const own = await h.createToken({
      userID: user2,
      description: 'mine',
      permissions: manageOwnTokens(h.orgID, user2),
    });
    const inactive = await h.createToken({
      userID: user2,
      status: 'inactive',
      permissions: manageOwnTokens(h.orgID, user2),
    });
    const before = await h.allAuthorizations();
    const as = inactive.token;

    const list = await h.call('GET', '/api/v2/authorizations', { token: as });
    expect(list.status).toBe(200);
    expect(list.json.authorizations).toEqual([]);
    const self = `/api/v2/authorizations/${inactive.id}`;
    expectError(await h.call('GET', self, { token: as }), 401, 'unauthorized', 'token is inactive');
    expectError(
      await h.call('GET', `/api/v2/authorizations/${own.id}`, { token: as }),
      401,
      'unauthorized',
      'token is inactive',
    );
    expectError(
      await h.call('PATCH', self, { token: as, body: { status: 'active' } }),
      401,
      'unauthorized',
      'token is inactive',
    );
    expectError(await h.call('DELETE', self, { token: as }), 401, 'unauthorized', 'token is inactive');
    const post = await h.call('POST', '/api/v2/authorizations', {
      token: as,
      body: { orgID: h.orgID, permissions: [readBuckets(h.orgID)] },
    });
    expectError(post, 401, 'unauthorized', 'token is inactive');
    expect(await h.allAuthorizations()).toEqual(before);

    // Deactivating a working token takes effect on its very next request; re-activating restores it.
    expect(
      (await h.call('GET', '/api/v2/authorizations', { token: own.token })).json.authorizations.length,
    ).toBeGreaterThan(0);
    await h.call('PATCH', `/api/v2/authorizations/${own.id}`, { body: { status: 'inactive' } });
    expect((await h.call('GET', '/api/v2/authorizations', { token: own.token })).json.authorizations).toEqual([]);
    await h.call('PATCH', `/api/v2/authorizations/${own.id}`, { body: { status: 'active' } });
    expect(
      (await h.call('GET', '/api/v2/authorizations', { token: own.token })).json.authorizations.length,
    ).toBeGreaterThan(0);
  });
});

describe('an inactive token asking about one resource, as InfluxDB answers (auth.go PermissionSet)', () => {
  it('gets 401 "token is inactive" for its org and its own user, while the org list is just empty', async () => {
    const inactive = await h.createToken({
      userID: user2,
      status: 'inactive',
      permissions: manageOwnTokens(h.orgID, user2),
    });
    const as = { token: inactive.token };
    expectError(await h.call('GET', `/api/v2/orgs/${h.orgID}`, as), 401, 'unauthorized', 'token is inactive');
    expectError(await h.call('GET', '/api/v2/me', as), 401, 'unauthorized', 'token is inactive');
    const orgs = await h.call('GET', '/api/v2/orgs', as);
    expect(orgs.status).toBe(200);
    expect(orgs.json.orgs).toEqual([]);
  });
});

describe('an all-access token', () => {
  it("sees only its own user's tokens in its org, and may manage them", async () => {
    const allAccess = await h.createToken({
      userID: user1,
      description: 'user1 all access',
      permissions: allAccessPermissions(h.orgID, user1),
    });
    const org2 = addOrg('other-org');
    const inOrg2 = await h.createToken({ orgID: org2, userID: user1, permissions: [readBuckets(org2)] });
    expect(inOrg2).toMatchObject({ org: 'other-org', permissions: [{ resource: { orgID: org2, org: 'other-org' } }] });

    const all = await h.allAuthorizations();
    const expected = all.filter((a) => a.userID === user1 && a.orgID === h.orgID).map((a) => a.id);
    const seen = await h.call('GET', '/api/v2/authorizations', { token: allAccess.token });
    expect(seen.json.authorizations.map((a: Authorization) => a.id)).toEqual(expected);
    expect(expected).toContain(allAccess.id);
    expect(expected).not.toContain(inOrg2.id);

    const user2Token = all.find((a) => a.userID === user2)!;
    expectError(
      await h.call('GET', `/api/v2/authorizations/${user2Token.id}`, { token: allAccess.token }),
      401,
      'unauthorized',
      `read:users/${user2} is unauthorized`,
    );
    expectError(
      await h.call('GET', `/api/v2/authorizations/${inOrg2.id}`, { token: allAccess.token }),
      401,
      'unauthorized',
      `read:orgs/${org2}/authorizations/${inOrg2.id} is unauthorized`,
    );
    expectError(
      await h.call('DELETE', `/api/v2/authorizations/${user2Token.id}`, { token: allAccess.token }),
      401,
      'unauthorized',
      `write:users/${user2} is unauthorized`,
    );
    const user1Token = all.find((a) => a.userID === user1 && a.id !== allAccess.id && a.orgID === h.orgID)!;
    const renamed = await h.call('PATCH', `/api/v2/authorizations/${user1Token.id}`, {
      token: allAccess.token,
      body: { description: 'renamed' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.description).toBe('renamed');
  });

  it('creates tokens within what it holds, and is refused more, other users and other orgs', async () => {
    const allAccess = await h.createToken({ userID: user1, permissions: allAccessPermissions(h.orgID, user1) });
    const org2 = addOrg('other-org');
    const before = await h.allAuthorizations();
    const as = allAccess.token;
    const post = (body: object) =>
      h.call('POST', '/api/v2/authorizations', { token: as, body: { orgID: h.orgID, ...body } });

    const unscoped = await post({
      permissions: [readBuckets(h.orgID), { action: 'read', resource: { type: 'buckets' } }],
    });
    expectError(unscoped, 403, 'forbidden', 'permission read:buckets is not allowed: read:buckets is unauthorized');
    const otherUsers = await post({ permissions: [{ action: 'read', resource: { type: 'users' } }] });
    expectError(otherUsers, 403, 'forbidden', 'permission read:users is not allowed: read:users is unauthorized');
    const forUser2 = await post({ userID: user2, permissions: [readBuckets(h.orgID)] });
    expectError(forUser2, 401, 'unauthorized', `write:users/${user2} is unauthorized`);
    const otherOrg = await post({ orgID: org2, permissions: [readBuckets(org2)] });
    expectError(otherOrg, 401, 'unauthorized', `write:orgs/${org2}/authorizations is unauthorized`);
    const grantOtherOrg = await post({ permissions: [readBuckets(org2)] });
    expectError(
      grantOtherOrg,
      403,
      'forbidden',
      `permission read:orgs/${org2}/buckets is not allowed: read:orgs/${org2}/buckets is unauthorized`,
    );
    const instance = await post({ permissions: [{ action: 'read', resource: { type: 'instance' } }] });
    expectError(instance, 403, 'forbidden', 'permission read:instance is not allowed: read:instance is unauthorized');
    expect(await h.allAuthorizations()).toEqual(before);

    const copy = await post({ description: 'a copy of myself', permissions: allAccessPermissions(h.orgID, user1) });
    expect(copy.status).toBe(201);
    expect(copy.json).toMatchObject({ userID: user1, user: 'user1', description: 'a copy of myself' });
    expect(copy.json.token).toHaveLength(88);
  });
});

describe('custom tokens', () => {
  it('without authorization permissions: empty list, 401 for single tokens, naming the missing permission', async () => {
    const bucketsOnly = await h.createToken({ userID: user2, permissions: [readBuckets(h.orgID)] });
    const target = (await h.allAuthorizations())[0]!;
    const list = await h.call('GET', '/api/v2/authorizations', { token: bucketsOnly.token });
    expect(list.status).toBe(200);
    expect(list.json.authorizations).toEqual([]);
    const path = `/api/v2/authorizations/${target.id}`;
    const denied = `read:orgs/${h.orgID}/authorizations/${target.id} is unauthorized`;
    expectError(await h.call('GET', path, { token: bucketsOnly.token }), 401, 'unauthorized', denied);
    expectError(
      await h.call('PATCH', path, { token: bucketsOnly.token, body: { status: 'inactive' } }),
      401,
      'unauthorized',
      denied,
    );
    expectError(
      await h.call('DELETE', path, { token: bucketsOnly.token }),
      401,
      'unauthorized',
      `write:orgs/${h.orgID}/authorizations/${target.id} is unauthorized`,
    );
    const post = await h.call('POST', '/api/v2/authorizations', {
      token: bucketsOnly.token,
      body: { orgID: h.orgID, permissions: [readBuckets(h.orgID)] },
    });
    expectError(post, 401, 'unauthorized', `write:orgs/${h.orgID}/authorizations is unauthorized`);
    expectError(
      await h.call('GET', '/api/v2/me', { token: bucketsOnly.token }),
      401,
      'unauthorized',
      `read:users/${user2} is unauthorized`,
    );
    expect((await h.call('GET', path)).json.status).toBe(target.status);
  });

  it('read-only on tokens: may list and get, but PATCH needs write', async () => {
    const readOnly = await h.createToken({
      userID: user2,
      permissions: [
        { action: 'read', resource: { type: 'authorizations', orgID: h.orgID } },
        { action: 'read', resource: { type: 'users', id: user2 } },
      ],
    });
    const mine = await h.call('GET', '/api/v2/authorizations', { token: readOnly.token });
    expect(mine.json.authorizations.every((a: Authorization) => a.userID === user2)).toBe(true);
    expect(mine.json.authorizations.map((a: Authorization) => a.id)).toContain(readOnly.id);
    const path = `/api/v2/authorizations/${readOnly.id}`;
    expect((await h.call('GET', path, { token: readOnly.token })).status).toBe(200);
    expectError(
      await h.call('PATCH', path, { token: readOnly.token, body: { description: 'x' } }),
      401,
      'unauthorized',
      `write:orgs/${h.orgID}/authorizations/${readOnly.id} is unauthorized`,
    );
  });

  it('a token for one authorization id sees exactly that one', async () => {
    const target = (await h.allAuthorizations()).find((a) => a.userID === user2)!;
    const single = await h.createToken({
      permissions: [
        { action: 'read', resource: { type: 'authorizations', id: target.id } },
        { action: 'read', resource: { type: 'users' } },
      ],
    });
    const seen = await h.call('GET', '/api/v2/authorizations', { token: single.token });
    expect(seen.json.authorizations.map((a: Authorization) => a.id)).toEqual([target.id]);
  });
});
