// The endpoints next to the token API that clients and the influx CLI use, and the headers on every answer.
import { describe, expect, it } from 'vitest';
import { OSS_RESOURCE_TYPES } from '../../core/influx-types';
import { allAccessPermissions } from './permissions';
import { withStandin, expectError, readBuckets } from './test-support';

const h = withStandin({ per: 'file' });

describe('GET /health and /ping', () => {
  it('answer without a token, with the InfluxDB build headers', async () => {
    const health = await h.call('GET', '/health', { token: null });
    expect(health.status).toBe(200);
    expect(health.json).toEqual({
      name: 'influxdb',
      message: 'ready for queries and writes',
      status: 'pass',
      checks: [],
      version: expect.stringMatching(/^v2\./),
      commit: expect.any(String),
    });
    const ping = await h.call('GET', '/ping', { token: null });
    expect(ping.status).toBe(204);
    expect(ping.text).toBe('');
    for (const answer of [health, ping]) {
      expect(answer.headers.get('x-influxdb-build')).toBe('OSS');
      // The version whose behaviour it copies: main-2.x, hashed tokens (shown only at creation, since v2.8.0).
      expect(answer.headers.get('x-influxdb-version')).toBe('v2.9.1');
    }
    expect(health.json.version).toBe('v2.9.1');
  });

  it('put the build headers on every answer, errors and 404s included', async () => {
    const answers = [
      await h.call('GET', '/api/v2/authorizations'),
      await h.call('GET', '/api/v2/authorizations', { token: null }),
      await h.call('GET', '/api/v2/nope'),
      await h.call('PUT', '/ping'),
      await h.call('GET', '/api/v2/authorizations/abc'),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('x-influxdb-build')).toBe('OSS');
      expect(answer.headers.get('x-influxdb-version')).toMatch(/^v2\./);
    }
  });
});

describe('GET /api/v2/resources', () => {
  it('lists the OSS resource types, and needs a token', async () => {
    const answer = await h.call('GET', '/api/v2/resources');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([...OSS_RESOURCE_TYPES]);
    expectError(await h.call('GET', '/api/v2/resources', { token: null }), 401, 'unauthorized', 'unauthorized access');
  });
});

describe('users', () => {
  it('GET /api/v2/me is the token owner', async () => {
    const me = await h.call('GET', '/api/v2/me');
    expect(me.status).toBe(200);
    expect(me.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      name: 'admin',
      status: 'active',
      links: { self: `/api/v2/users/${me.json.id}` },
    });
  });

  it('GET /api/v2/users lists what the caller may read, filters by name, 404 for an unknown name', async () => {
    const all = await h.call('GET', '/api/v2/users');
    expect(all.status).toBe(200);
    expect(all.json.links).toEqual({ self: '/api/v2/users' });
    expect(all.json.users.map((u: { name: string }) => u.name).sort()).toEqual(['admin', 'user1', 'user2']);
    for (const user of all.json.users) {
      expect(user).toEqual({
        id: user.id,
        name: user.name,
        status: 'active',
        links: { self: `/api/v2/users/${user.id}` },
      });
    }
    const user2 = await h.call('GET', '/api/v2/users?name=user2');
    expect(user2.json.users.map((u: { name: string }) => u.name)).toEqual(['user2']);
    expectError(await h.call('GET', '/api/v2/users?name=nobody'), 404, 'not found', 'user not found');

    const user1ID = await h.userID('user1');
    const allAccess = await h.createToken({ userID: user1ID, permissions: allAccessPermissions(h.orgID, user1ID) });
    const seen = await h.call('GET', '/api/v2/users', { token: allAccess.token });
    expect(seen.json.users.map((u: { name: string }) => u.name)).toEqual(['user1']);
  });

  it('GET /api/v2/users/{id}: the user, 400 for a malformed id, 404 unknown, 401 without read permission', async () => {
    const id = await h.userID('user2');
    const user = await h.call('GET', `/api/v2/users/${id.toUpperCase()}`);
    expect(user.status).toBe(200);
    expect(user.json).toMatchObject({ id, name: 'user2', status: 'active' });
    expectError(await h.call('GET', '/api/v2/users/abc'), 400, 'invalid', 'id must have a length of 16 bytes');
    expectError(await h.call('GET', '/api/v2/users/0123456789abcdef'), 404, 'not found', 'user not found');
    const narrow = await h.createToken({ permissions: [readBuckets(h.orgID)] });
    expectError(
      await h.call('GET', `/api/v2/users/${id}`, { token: narrow.token }),
      401,
      'unauthorized',
      `read:users/${id} is unauthorized`,
    );
  });
});

describe('GET /api/v2/orgs', () => {
  it('lists orgs, filters by name and id, 404 for unknown ones', async () => {
    const orgs = await h.call('GET', '/api/v2/orgs');
    expect(orgs.status).toBe(200);
    expect(orgs.json.links).toEqual({ self: '/api/v2/orgs' });
    expect(orgs.json.orgs).toHaveLength(1);
    const org = orgs.json.orgs[0];
    expect(Object.keys(org)).toEqual(['id', 'name', 'description', 'createdAt', 'updatedAt', 'links']);
    expect(org).toMatchObject({ id: h.orgID, name: 'my-org', description: '' });
    expect(org.links.self).toBe(`/api/v2/orgs/${h.orgID}`);
    expect((await h.call('GET', '/api/v2/orgs?org=my-org')).json.orgs).toEqual([org]);
    expect((await h.call('GET', `/api/v2/orgs?orgID=${h.orgID}`)).json.orgs).toEqual([org]);
    expectError(await h.call('GET', '/api/v2/orgs?org=nope'), 404, 'not found', 'organization name "nope" not found');
    expectError(await h.call('GET', '/api/v2/orgs?orgID=0123456789abcdef'), 404, 'not found', 'organization not found');
    expectError(await h.call('GET', '/api/v2/orgs?orgID=nope'), 400, 'invalid', 'id must have a length of 16 bytes');
    const narrow = await h.createToken({ permissions: [readBuckets(h.orgID)] });
    expect((await h.call('GET', '/api/v2/orgs', { token: narrow.token })).json.orgs).toEqual([]);
  });
});

describe('GET /api/v2/buckets', () => {
  it('lists buckets with retention rules, filters by orgID, org and name, pages with limit and offset', async () => {
    const answer = await h.call('GET', `/api/v2/buckets?orgID=${h.orgID}`);
    expect(answer.status).toBe(200);
    const buckets = answer.json.buckets as {
      id: string;
      name: string;
      type: string;
      orgID: string;
      retentionRules: unknown[];
    }[];
    expect(buckets.map((b) => b.name).sort()).toEqual(['_monitoring', '_tasks', 'my-bucket', 'telegraf']);
    for (const bucket of buckets) {
      expect(Object.keys(bucket)).toEqual(
        expect.arrayContaining(['id', 'orgID', 'type', 'name', 'retentionRules', 'createdAt', 'updatedAt', 'links']),
      );
      expect(bucket.orgID).toBe(h.orgID);
      expect(bucket.type).toBe(bucket.name.startsWith('_') ? 'system' : 'user');
    }
    expect(buckets.find((b) => b.name === '_monitoring')!.retentionRules).toEqual([
      { type: 'expire', everySeconds: 604800, shardGroupDurationSeconds: 86400 },
    ]);
    expect(
      (await h.call('GET', '/api/v2/buckets?org=my-org&name=telegraf')).json.buckets.map(
        (b: { name: string }) => b.name,
      ),
    ).toEqual(['telegraf']);
    expect((await h.call('GET', '/api/v2/buckets?limit=2')).json.buckets).toHaveLength(2);
    expect((await h.call('GET', '/api/v2/buckets?limit=2&offset=3')).json.buckets).toHaveLength(1);
    expectError(
      await h.call('GET', `/api/v2/buckets?orgID=${h.orgID}&name=nope`),
      404,
      'not found',
      'bucket "nope" not found',
    );
    expectError(
      await h.call('GET', '/api/v2/buckets?org=nope'),
      404,
      'not found',
      'organization name "nope" not found',
    );
    expectError(
      await h.call('GET', '/api/v2/buckets?limit=0'),
      400,
      'invalid',
      'limit must be an integer from 1 to 100, got "0"',
    );
    expectError(
      await h.call('GET', '/api/v2/buckets?offset=-1'),
      400,
      'invalid',
      'offset must be a non-negative integer, got "-1"',
    );
  });
});

describe('GET /api/v2/orgs/{id} and /api/v2/buckets/{id}', () => {
  it('answer the org and the bucket their lists link to, 404 for unknown ones, 401 without read rights', async () => {
    const org = (await h.call('GET', '/api/v2/orgs')).json.orgs[0];
    const one = await h.call('GET', `/api/v2/orgs/${h.orgID}`);
    expect(one.status).toBe(200);
    expect(one.json).toEqual(org);
    expectError(await h.call('GET', '/api/v2/orgs/0123456789abcdef'), 404, 'not found', 'organization not found');
    expectError(await h.call('GET', '/api/v2/orgs/nope'), 400, 'invalid', 'id must have a length of 16 bytes');

    const buckets = (await h.call('GET', `/api/v2/buckets?orgID=${h.orgID}`)).json.buckets as {
      id: string;
      name: string;
    }[];
    for (const bucket of buckets) {
      const answer = await h.call('GET', `/api/v2/buckets/${bucket.id}`);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual(bucket);
    }
    expectError(await h.call('GET', '/api/v2/buckets/0123456789abcdef'), 404, 'not found', 'bucket not found');

    // A token that reads one bucket: that bucket only, and not the org (its read check comes first, as in InfluxDB).
    const telegraf = buckets.find((b) => b.name === 'telegraf')!;
    const myBucket = buckets.find((b) => b.name === 'my-bucket')!;
    const narrow = await h.createToken({
      permissions: [{ action: 'read', resource: { type: 'buckets', id: telegraf.id, orgID: h.orgID } }],
    });
    expect((await h.call('GET', `/api/v2/buckets/${telegraf.id}`, { token: narrow.token })).status).toBe(200);
    expectError(
      await h.call('GET', `/api/v2/buckets/${myBucket.id}`, { token: narrow.token }),
      401,
      'unauthorized',
      `read:orgs/${h.orgID}/buckets/${myBucket.id} is unauthorized`,
    );
    expectError(
      await h.call('GET', `/api/v2/orgs/${h.orgID}`, { token: narrow.token }),
      401,
      'unauthorized',
      `read:orgs/${h.orgID} is unauthorized`,
    );
    expectError(
      await h.call('GET', '/api/v2/orgs/0123456789abcdef', { token: narrow.token }),
      401,
      'unauthorized',
      'read:orgs/0123456789abcdef is unauthorized',
    );
    const off = await h.call('PATCH', `/api/v2/authorizations/${narrow.id}`, { body: { status: 'inactive' } });
    expect(off.status).toBe(200);
    expectError(
      await h.call('GET', `/api/v2/buckets/${telegraf.id}`, { token: narrow.token }),
      401,
      'unauthorized',
      'token is inactive',
    );
  });
});

describe('links', () => {
  it('every links value of every answer resolves: GET answers 200', async () => {
    const user1 = await h.userID('user1');
    const created = await h.createToken({
      userID: user1,
      description: 'links',
      permissions: allAccessPermissions(h.orgID, user1),
    });
    const start = [
      '/api/v2/authorizations',
      `/api/v2/authorizations/${created.id}`,
      `/api/v2/authorizations?user=user1`,
      '/api/v2/me',
      '/api/v2/users',
      '/api/v2/orgs',
      `/api/v2/buckets?orgID=${h.orgID}`,
      '/api/v2/buckets?limit=2&offset=1',
    ];
    const seen = new Set<string>();
    const queue = [...start];
    const linksOf = (value: unknown, out: string[]) => {
      if (Array.isArray(value)) for (const v of value) linksOf(v, out);
      else if (value !== null && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (key === 'links') for (const link of Object.values(v as Record<string, string>)) out.push(link);
          else linksOf(v, out);
        }
      }
    };
    let followed = 0;
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      // Both as the operator and as a user's all-access token (which sees fewer things, each of which resolves).
      for (const token of [undefined, created.token]) {
        const answer = await h.call('GET', path, { token });
        if (token !== undefined && answer.status === 401) continue; // not this caller's to read (e.g. another user)
        expect(answer.status, `${path}: ${answer.text}`).toBe(200);
        followed++;
        const links: string[] = [];
        linksOf(answer.json, links);
        for (const link of links) {
          expect(link, `a link in ${path}`).toMatch(/^\/api\/v2\//);
          queue.push(link);
        }
      }
    }
    // Authorizations, users, orgs and buckets by id were all reached through links.
    for (const pattern of [
      /^\/api\/v2\/authorizations\/[0-9a-f]{16}$/,
      /^\/api\/v2\/users\/[0-9a-f]{16}$/,
      /^\/api\/v2\/orgs\/[0-9a-f]{16}$/,
      /^\/api\/v2\/buckets\/[0-9a-f]{16}$/,
    ]) {
      expect(
        [...seen].some((p) => pattern.test(p)),
        String(pattern),
      ).toBe(true);
    }
    expect(followed).toBeGreaterThan(20);
  });
});
