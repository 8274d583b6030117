// The token API's happy paths over real HTTP, each answer checked against the official contract.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Authorization } from '../../core/influx-types';
import { assertMatchesContract } from '../../test/contract';
import { allAccessPermissions } from './permissions';
import { StandinStore } from './store';
import { withStandin, readBuckets } from './test-support';

const FIELD_ORDER = [
  'id',
  'token',
  'status',
  'description',
  'orgID',
  'org',
  'userID',
  'user',
  'permissions',
  'links',
  'createdAt',
  'updatedAt',
];
const ID = /^[0-9a-f]{16}$/;
const TOKEN = /^[A-Za-z0-9_-]{86}==$/;

const h = withStandin();

describe('GET /api/v2/authorizations', () => {
  it('lists the bootstrap tokens in the real field order, with names filled and no token strings', async () => {
    const answer = await h.call('GET', '/api/v2/authorizations');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    assertMatchesContract('GET', '/authorizations', 200, answer.json);
    expect(Object.keys(answer.json)).toEqual(['links', 'authorizations']);
    expect(answer.json.links).toEqual({ self: '/api/v2/authorizations' });
    const auths = answer.json.authorizations as Authorization[];
    expect(auths.length).toBeGreaterThanOrEqual(7);
    // The operator token sees both orgs' tokens, each named with its own org.
    const orgNames = new Map([
      [h.orgID, 'my-org'],
      [await h.orgIDByName('second-org'), 'second-org'],
    ]);
    expect(new Set(auths.map((a) => a.org))).toEqual(new Set(['my-org', 'second-org']));
    for (const auth of auths) {
      expect(Object.keys(auth)).toEqual(FIELD_ORDER);
      expect(auth.id).toMatch(ID);
      expect(auth.token).toBe('');
      expect(auth.org).toBe(orgNames.get(auth.orgID));
      expect(auth.links).toEqual({ self: `/api/v2/authorizations/${auth.id}`, user: `/api/v2/users/${auth.userID}` });
      expect(Number.isNaN(Date.parse(auth.createdAt))).toBe(false);
    }
    const operator = auths.find((a) => a.description === "admin's Token")!;
    expect(operator.user).toBe('admin');
    expect(operator.permissions).toHaveLength(44); // read and write on the 22 grantable types, unscoped
    expect(operator.permissions.every((p) => p.resource.orgID === undefined && p.resource.id === undefined)).toBe(true);
    expect(new Set(auths.map((a) => a.status))).toEqual(new Set(['active', 'inactive']));
    // A bucket permission carries the bucket's name and its org's name.
    const telegraf = auths.find((a) => a.description === "user2's telegraf writer")!;
    expect(telegraf.permissions).toEqual([
      {
        action: 'write',
        resource: {
          type: 'buckets',
          id: await h.bucketID('telegraf'),
          orgID: h.orgID,
          name: 'telegraf',
          org: 'my-org',
        },
      },
    ]);
  });

  it('filters by user name, userID, org name, orgID and id; userID beats user, orgID beats org', async () => {
    const user2 = await h.userID('user2');
    const user1 = await h.userID('user1');
    const all = await h.allAuthorizations();
    const ofUser2 = all.filter((a) => a.userID === user2).map((a) => a.id);
    expect(ofUser2.length).toBeGreaterThanOrEqual(2);

    const byName = await h.call('GET', '/api/v2/authorizations?user=user2');
    assertMatchesContract('GET', '/authorizations', 200, byName.json);
    expect(byName.json.authorizations.map((a: Authorization) => a.id)).toEqual(ofUser2);
    const byId = await h.call('GET', `/api/v2/authorizations?userID=${user2}&user=user1`);
    expect(byId.json.authorizations.map((a: Authorization) => a.id)).toEqual(ofUser2);
    const byUpperId = await h.call('GET', `/api/v2/authorizations?userID=${user1.toUpperCase()}`);
    expect(byUpperId.json.authorizations.every((a: Authorization) => a.userID === user1)).toBe(true);

    const ofMyOrg = all.filter((a) => a.orgID === h.orgID).map((a) => a.id);
    const secondOrgID = await h.orgIDByName('second-org');
    const ofSecondOrg = all.filter((a) => a.orgID === secondOrgID).map((a) => a.id);
    expect(ofMyOrg.length).toBeGreaterThanOrEqual(7);
    expect(ofSecondOrg.length).toBeGreaterThanOrEqual(2);
    expect(ofMyOrg.length + ofSecondOrg.length).toBe(all.length);
    const byOrg = await h.call('GET', '/api/v2/authorizations?org=my-org');
    expect(byOrg.json.authorizations.map((a: Authorization) => a.id)).toEqual(ofMyOrg);
    const bySecondOrg = await h.call('GET', '/api/v2/authorizations?org=second-org');
    expect(bySecondOrg.json.authorizations.map((a: Authorization) => a.id)).toEqual(ofSecondOrg);
    for (const name of ['no-such-org', 'second-org']) {
      const orgBeatsName = await h.call('GET', `/api/v2/authorizations?orgID=${h.orgID}&org=${name}`);
      expect(orgBeatsName.json.authorizations.map((a: Authorization) => a.id)).toEqual(ofMyOrg);
    }
    const otherOrg = await h.call('GET', '/api/v2/authorizations?orgID=0123456789abcdef');
    expect(otherOrg.status).toBe(200);
    expect(otherOrg.json.authorizations).toEqual([]);

    const one = await h.call('GET', `/api/v2/authorizations?id=${ofUser2[1]}`);
    expect(one.json.authorizations.map((a: Authorization) => a.id)).toEqual([ofUser2[1]]);
  });

  it('answers an empty list as [] for a user without tokens', async () => {
    const unknownUserID = await h.call('GET', '/api/v2/authorizations?userID=00000000000000ff');
    expect(unknownUserID.status).toBe(200);
    expect(unknownUserID.text).toBe('{"links":{"self":"/api/v2/authorizations"},"authorizations":[]}');
  });
});

describe('list freshness', () => {
  it('shows every change at once, whether made here or by another process on the same database', async () => {
    const user2 = await h.userID('user2');
    const allAccess = await h.createToken({ userID: user2, permissions: allAccessPermissions(h.orgID, user2) });
    const lists = () =>
      Promise.all([h.allAuthorizations(), h.call('GET', '/api/v2/authorizations', { token: allAccess.token })]);
    await lists(); // renders and caches every row
    const target = (await h.allAuthorizations()).find((a) => a.userID === user2 && a.id !== allAccess.id)!;

    await h.call('PATCH', `/api/v2/authorizations/${target.id}`, { body: { description: 'changed here' } });
    let [all, mine] = await lists();
    expect(all.find((a) => a.id === target.id)!.description).toBe('changed here');
    expect(mine.json.authorizations.find((a: Authorization) => a.id === target.id).description).toBe('changed here');

    const other = StandinStore.open(h.dataDir);
    other.updateAuthorization(
      target.id,
      { description: 'changed elsewhere', status: 'inactive' },
      '2030-01-01T00:00:00.000000000Z',
    );
    other.close();
    [all, mine] = await lists();
    expect(all.find((a) => a.id === target.id)).toMatchObject({ description: 'changed elsewhere', status: 'inactive' });
    expect(mine.json.authorizations.find((a: Authorization) => a.id === target.id)).toMatchObject({
      description: 'changed elsewhere',
    });

    await h.call('DELETE', `/api/v2/authorizations/${target.id}`);
    [all, mine] = await lists();
    expect(all.some((a) => a.id === target.id)).toBe(false);
    expect(mine.json.authorizations.some((a: Authorization) => a.id === target.id)).toBe(false);
  });
});

describe('the documented example', () => {
  it('GET ?user=user2, then PATCH the first token with a description and inactive status', async () => {
    const list = await h.call('GET', '/api/v2/authorizations?user=user2');
    expect(list.status).toBe(200);
    const first = list.json.authorizations[0] as Authorization;
    expect(first.status).toBe('active');

    const patched = await h.call('PATCH', `/api/v2/authorizations/${first.id}`, {
      body: { description: 'deactivated_auth', status: 'inactive' },
    });
    expect(patched.status).toBe(200);
    assertMatchesContract('PATCH', '/authorizations/{authID}', 200, patched.json);
    expect(patched.json).toMatchObject({
      id: first.id,
      description: 'deactivated_auth',
      status: 'inactive',
      token: '',
    });
    expect(Object.keys(patched.json)).toEqual(FIELD_ORDER);

    const again = await h.call('GET', `/api/v2/authorizations/${first.id}`);
    assertMatchesContract('GET', '/authorizations/{authID}', 200, again.json);
    expect(again.json).toMatchObject({ description: 'deactivated_auth', status: 'inactive' });
    const listed = await h.call('GET', '/api/v2/authorizations?user=user2');
    expect(listed.json.authorizations[0]).toEqual(again.json);
  });
});

describe('POST, GET, PATCH, DELETE /api/v2/authorizations', () => {
  it('creates a token whose string appears only in the 201 answer and works at once', async () => {
    const bucketID = await h.bucketID('my-bucket');
    const created = await h.createToken({
      description: 'grafana',
      permissions: [{ action: 'read', resource: { type: 'buckets', id: bucketID.toUpperCase(), orgID: h.orgID } }],
    });
    expect(Object.keys(created)).toEqual(FIELD_ORDER);
    expect(created.token).toMatch(TOKEN);
    expect(created.token).toHaveLength(88);
    expect(created).toMatchObject({
      status: 'active',
      description: 'grafana',
      orgID: h.orgID,
      org: 'my-org',
      user: 'admin',
    });
    expect(created.userID).toBe(await h.userID('admin')); // defaults to the caller's user
    expect(created.permissions).toEqual([
      { action: 'read', resource: { type: 'buckets', id: bucketID, orgID: h.orgID, name: 'my-bucket', org: 'my-org' } },
    ]);
    expect(created.createdAt).toBe(created.updatedAt);

    const got = await h.call('GET', `/api/v2/authorizations/${created.id.toUpperCase()}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual({ ...created, token: '' });
    const listed = (await h.allAuthorizations()).find((a) => a.id === created.id);
    expect(listed).toEqual({ ...created, token: '' });
    // The new token authenticates (it may read buckets, nothing about tokens).
    const buckets = await h.call('GET', `/api/v2/buckets?orgID=${h.orgID}`, { token: created.token });
    expect(buckets.status).toBe(200);
    expect(buckets.json.buckets.map((b: { name: string }) => b.name)).toEqual(['my-bucket']);
  });

  it('creates for another user, inactive, with permissions resolved to names (users and orgs too)', async () => {
    const user1 = await h.userID('user1');
    const created = await h.createToken({
      userID: user1,
      status: 'inactive',
      permissions: [
        { action: 'read', resource: { type: 'users', id: user1 } },
        { action: 'read', resource: { type: 'orgs', id: h.orgID } },
        { action: 'write', resource: { type: 'dashboards', orgID: h.orgID, name: 'ignored', org: 'ignored' } },
        { action: 'read', resource: { type: 'tasks' } },
      ],
      unknownField: 'ignored',
    } as never);
    expect(created).toMatchObject({ userID: user1, user: 'user1', status: 'inactive', description: '' });
    expect(created.permissions).toEqual([
      { action: 'read', resource: { type: 'users', id: user1, name: 'user1' } },
      { action: 'read', resource: { type: 'orgs', id: h.orgID, name: 'my-org' } },
      { action: 'write', resource: { type: 'dashboards', orgID: h.orgID, org: 'my-org' } },
      { action: 'read', resource: { type: 'tasks' } },
    ]);
  });

  it('PATCH changes only the given fields; {} and nulls change nothing but updatedAt; "" status means active', async () => {
    const created = await h.createToken({
      description: 'before',
      status: 'inactive',
      permissions: [readBuckets(h.orgID)],
    });
    const path = `/api/v2/authorizations/${created.id}`;

    const onlyDescription = await h.call('PATCH', path, { body: { description: 'after' } });
    expect(onlyDescription.json).toMatchObject({ description: 'after', status: 'inactive' });
    expect(onlyDescription.json.updatedAt > created.updatedAt).toBe(true);
    expect(onlyDescription.json.createdAt).toBe(created.createdAt);

    const empty = await h.call('PATCH', path, { body: {} });
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({ description: 'after', status: 'inactive' });
    expect(empty.json.updatedAt > onlyDescription.json.updatedAt).toBe(true);

    const nulls = await h.call('PATCH', path, { body: { description: null, status: null } });
    expect(nulls.json).toMatchObject({ description: 'after', status: 'inactive' });
    expect(nulls.json.updatedAt > empty.json.updatedAt).toBe(true);

    const emptyStatus = await h.call('PATCH', path, { body: { status: '' } });
    expect(emptyStatus.json.status).toBe('active');
    const cleared = await h.call('PATCH', path, { body: { description: '' } });
    expect(cleared.json.description).toBe('');
    expect((await h.call('GET', path)).json).toEqual(cleared.json);
  });

  it('DELETE answers 204 with no body; the token is gone and no longer authenticates', async () => {
    const created = await h.createToken({ permissions: [readBuckets(h.orgID)] });
    const deleted = await h.call('DELETE', `/api/v2/authorizations/${created.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    assertMatchesContract('DELETE', '/authorizations/{authID}', 204, undefined);
    const got = await h.call('GET', `/api/v2/authorizations/${created.id}`);
    expect(got.status).toBe(404);
    expect((await h.allAuthorizations()).some((a) => a.id === created.id)).toBe(false);
    const using = await h.call('GET', '/api/v2/buckets', { token: created.token });
    expect(using.status).toBe(401);
  });

  it('keeps any Unicode description exactly (emoji, RTL, combining marks, NUL, quotes, control characters)', async () => {
    const descriptions = [
      'Grafana 📊 — Überwachung',
      'مفتاح القراءة ‏(RTL)‏',
      'e\u0301 vs é, ZWJ 👩‍💻, flags 🇩🇪',
      'nul\u0000inside',
      '"quotes" \\ back\\slash \n newline \t tab \u2028',
      '<script>alert(1)</script> & more',
      'x'.repeat(10_000),
    ];
    for (const description of descriptions) {
      const created = await h.createToken({ description, permissions: [readBuckets(h.orgID)] });
      expect(created.description).toBe(description);
      expect((await h.call('GET', `/api/v2/authorizations/${created.id}`)).json.description).toBe(description);
      const patched = await h.call('PATCH', `/api/v2/authorizations/${created.id}`, {
        body: { description: `${description}!` },
      });
      expect(patched.json.description).toBe(`${description}!`);
    }
    await h.restart();
    const stored = (await h.allAuthorizations()).map((a) => a.description);
    for (const description of descriptions) expect(stored).toContain(`${description}!`);
  });

  it('replaces lone UTF-16 surrogates with U+FFFD, consistently in every answer', async () => {
    const answer = await h.call('POST', '/api/v2/authorizations', {
      headers: { 'Content-Type': 'application/json' },
      rawBody: `{"orgID":"${h.orgID}","description":"lone \\ud800 high","permissions":[{"action":"read","resource":{"type":"buckets"}}]}`,
    });
    expect(answer.status).toBe(201);
    expect(answer.json.description).toBe('lone \uFFFD high');
    expect((await h.call('GET', `/api/v2/authorizations/${answer.json.id}`)).json.description).toBe('lone \uFFFD high');
  });

  it('stores no token in plain text: the database holds only SHA-256 hashes', async () => {
    const created = await h.createToken({ permissions: [readBuckets(h.orgID)] });
    const db = new Database(join(h.dataDir, 'standin.sqlite'), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      for (const token of [created.token, h.operatorToken]) {
        for (const table of tables) {
          for (const row of db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][]) {
            for (const value of row) {
              const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
              expect(text.includes(token)).toBe(false);
            }
          }
        }
      }
      const hashes = db.prepare('SELECT token_hash FROM authorizations').pluck().all() as Buffer[];
      expect(hashes.every((hash) => hash.length === 32)).toBe(true);
    } finally {
      db.close();
    }
  });
});
