// GET /api/v2/me, /api/v2/users and /api/v2/users/{id}, with cases ported from InfluxDB (main-2.x):
// testing/user_service.go (FindUsers, FindUser), tenant/middleware_user_auth_test.go, paging.go.
import { describe, expect, it } from 'vitest';
import { newId } from './ids';
import { allAccessPermissions } from './permissions';
import { expectError, readBuckets, withStandin } from './test-support';

interface UserBody {
  id: string;
  name: string;
}
const names = (answer: { json: { users: UserBody[] } }) => answer.json.users.map((u) => u.name);

/** Every user by ID, the order InfluxDB lists them in. */
let byId: UserBody[] = [];
const h = withStandin({
  per: 'file',
  ready: async (started) => {
    // 25 more users than the bootstrap's three: more than one default page of 20.
    byId = started.change((store) => {
      for (let i = 1; i <= 25; i++) store.insertUser({ id: newId(), name: `u-${i}`, status: 'active' });
      return store.listUsers().map(({ id, name }) => ({ id, name }));
    });
  },
});
const nameAt = (i: number) => byId[i]!.name;

describe('GET /api/v2/me', () => {
  it('is the token owner, with links first as InfluxDB writes a user', async () => {
    const me = await h.call('GET', '/api/v2/me');
    expect(me.status).toBe(200);
    expect(me.text).toBe(JSON.stringify({ links: { self: `/api/v2/users/${me.json.id}` }, ...me.json }));
    expect(Object.keys(me.json)).toEqual(['links', 'id', 'name', 'status']);
    expect(me.json).toMatchObject({ name: 'admin', status: 'active' });
  });

  it('needs read:users/<own id>: org-scoped rights cannot identify their own user', async () => {
    const user1 = await h.userID('user1');
    const orgScoped = await h.createToken({
      userID: user1,
      permissions: [{ action: 'read', resource: { type: 'users', orgID: h.orgID } }, readBuckets(h.orgID)],
    });
    expectError(
      await h.call('GET', '/api/v2/me', { token: orgScoped.token }),
      401,
      'unauthorized',
      `read:users/${user1} is unauthorized`,
    );
    const allAccess = await h.createToken({ userID: user1, permissions: allAccessPermissions(h.orgID, user1) });
    expect((await h.call('GET', '/api/v2/me', { token: allAccess.token })).json.name).toBe('user1');
    await h.call('PATCH', `/api/v2/authorizations/${allAccess.id}`, { body: { status: 'inactive' } });
    expectError(
      await h.call('GET', '/api/v2/me', { token: allAccess.token }),
      401,
      'unauthorized',
      'token is inactive',
    );
  });
});

describe('GET /api/v2/users: paging (paging.go, FindUsers)', () => {
  it('answers 20 users by ID by default, at most 100, and links only to itself', async () => {
    const first = await h.call('GET', '/api/v2/users');
    expect(first.status).toBe(200);
    expect(first.json.links).toEqual({ self: '/api/v2/users' });
    expect(names(first)).toEqual(byId.slice(0, 20).map((u) => u.name));
    expect(names(await h.call('GET', '/api/v2/users?limit=100'))).toEqual(byId.map((u) => u.name));
    expect(names(await h.call('GET', '/api/v2/users?offset=20'))).toEqual(byId.slice(20).map((u) => u.name));
  });

  it('find all users by offset and limit; by after and limit; by descending', async () => {
    expect(names(await h.call('GET', '/api/v2/users?offset=1&limit=1'))).toEqual([nameAt(1)]);
    expect(names(await h.call('GET', `/api/v2/users?after=${byId[0]!.id}&limit=2`))).toEqual([nameAt(1), nameAt(2)]);
    const descending = await h.call('GET', `/api/v2/users?descending=true&offset=1&limit=2`);
    expect(names(descending)).toEqual([nameAt(byId.length - 2), nameAt(byId.length - 3)]);
  });

  it('after runs from the next ID; descending after starts at the first ID past it, as bolt seeks', async () => {
    const after = (id: string, more = '&limit=100') => h.call('GET', `/api/v2/users?after=${id}${more}`);
    expect(names(await after(byId[4]!.id))).toEqual(byId.slice(5).map((u) => u.name));
    expect(names(await after(byId[4]!.id, '&descending=1&limit=3'))).toEqual([nameAt(5), nameAt(4), nameAt(3)]);
    // Past the last ID, descending starts from the last one.
    const last = byId.at(-1)!.id;
    const pastLast = (BigInt(`0x${last}`) + 5n).toString(16).padStart(16, '0');
    expect(names(await after(pastLast))).toEqual([]);
    expect(names(await after(pastLast, '&descending=true&limit=2'))).toEqual([
      nameAt(byId.length - 1),
      nameAt(byId.length - 2),
    ]);
    // Any integer offset: below 1 skips nothing.
    expect(names(await h.call('GET', '/api/v2/users?offset=-5&limit=2'))).toEqual([nameAt(0), nameAt(1)]);
  });

  it('refuses bad paging values with InfluxDB’s texts', async () => {
    const cases: [string, string][] = [
      ['limit=0', 'limit must be between 1 and 100'],
      ['limit=101', 'limit must be between 1 and 100'],
      ['limit=ten', 'limit is invalid'],
      ['limit=1.5', 'limit is invalid'],
      ['offset=x', 'offset is invalid'],
      ['after=abc', 'decoding after: id must have a length of 16 bytes'],
      ['after=zzzzzzzzzzzzzzzz', 'decoding after: invalid ID'],
      ['after=ffffffffffffffff', 'invalid ID'],
      ['descending=yes', 'descending is invalid'],
      // The order of DecodeFindOptions: offset before limit, then the id filter.
      ['offset=x&limit=0', 'offset is invalid'],
      ['limit=0&id=abc', 'limit must be between 1 and 100'],
    ];
    for (const [query, message] of cases) {
      expectError(await h.call('GET', `/api/v2/users?${query}`), 400, 'invalid', message);
    }
  });
});

describe('GET /api/v2/users: filters (FindUsers, FindUser)', () => {
  it('finds by id (preferred over name) or name, unpaged; 404 when unknown, 400 when malformed', async () => {
    const [one, two] = [byId[3]!, byId[7]!];
    expect(names(await h.call('GET', `/api/v2/users?id=${one.id.toUpperCase()}`))).toEqual([one.name]);
    expect(names(await h.call('GET', `/api/v2/users?name=${two.name}`))).toEqual([two.name]);
    expect(names(await h.call('GET', `/api/v2/users?id=${one.id}&name=${two.name}&offset=5`))).toEqual([one.name]);
    expectError(await h.call('GET', '/api/v2/users?name=no_exist'), 404, 'not found', 'user not found');
    expectError(await h.call('GET', '/api/v2/users?id=0123456789abcdef'), 404, 'not found', 'user not found');
    expectError(
      await h.call('GET', `/api/v2/users?id=0123456789abcdef&name=${two.name}`),
      404,
      'not found',
      'user not found',
    );
    expectError(await h.call('GET', '/api/v2/users?id=abc'), 400, 'invalid', 'id must have a length of 16 bytes');
  });
});

describe('GET /api/v2/users: permissions (middleware_user_auth_test.go)', () => {
  it('filters each page after cutting it: a token that reads one user finds it only on its page', async () => {
    const target = byId[12]!;
    const one = await h.createToken({
      userID: target.id,
      permissions: [{ action: 'read', resource: { type: 'users', id: target.id } }],
    });
    const as = (query: string) => h.call('GET', `/api/v2/users?${query}`, { token: one.token });
    expect(names(await as(''))).toEqual([target.name]);
    expect(names(await as('limit=5&offset=10'))).toEqual([target.name]);
    // Pages without it are 200 and empty, not 401, and the page after it too.
    expect((await as('limit=5&offset=0')).json).toEqual({ links: { self: '/api/v2/users' }, users: [] });
    expect(names(await as('limit=5&offset=15'))).toEqual([]);
    // Found by name or id, but not readable: also 200 and empty.
    expect(names(await as('name=admin'))).toEqual([]);
    expect(names(await as(`id=${byId[0]!.id}`))).toEqual([]);
  });

  it('a token that reads no user, or an inactive one, lists none', async () => {
    const narrow = await h.createToken({ permissions: [readBuckets(h.orgID)] });
    expect(names(await h.call('GET', '/api/v2/users?limit=100', { token: narrow.token }))).toEqual([]);
    const off = await h.createToken({
      status: 'inactive',
      permissions: [{ action: 'read', resource: { type: 'users' } }],
    });
    expect(names(await h.call('GET', '/api/v2/users?limit=100', { token: off.token }))).toEqual([]);
  });
});

describe('GET /api/v2/users/{id}', () => {
  it('answers the user; 400 for a malformed id; 401 without read:users/<id> before 404 for an unknown one', async () => {
    const user2 = byId.find((u) => u.name === 'user2')!;
    const user = await h.call('GET', `/api/v2/users/${user2.id.toUpperCase()}`);
    expect(user.status).toBe(200);
    expect(user.json).toEqual({
      links: { self: `/api/v2/users/${user2.id}` },
      id: user2.id,
      name: 'user2',
      status: 'active',
    });
    expectError(await h.call('GET', '/api/v2/users/abc'), 400, 'invalid', 'id must have a length of 16 bytes');
    expectError(await h.call('GET', '/api/v2/users/0123456789abcdef'), 404, 'not found', 'user not found');
    const narrow = await h.createToken({ permissions: [readBuckets(h.orgID)] });
    for (const id of [user2.id, '0123456789abcdef']) {
      expectError(
        await h.call('GET', `/api/v2/users/${id}`, { token: narrow.token }),
        401,
        'unauthorized',
        `read:users/${id} is unauthorized`,
      );
    }
  });
});
