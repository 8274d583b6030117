// The first start's two orgs: my-org as before, and second-org with its own buckets, users and tokens, made as
// `influx org create` and `influx user create --org` make them; the operator token manages both.
import { describe, expect, it } from 'vitest';
import type { Authorization } from '../../core/influx-types';
import { allAccessPermissions } from './permissions';
import { expectError, withStandin, type Answer } from './test-support';

const h = withStandin();
const names = (answer: Answer, key: string) => (answer.json[key] as { name: string }[]).map((item) => item.name);
const tokensOf = async (query: string, token?: string) =>
  (await h.call('GET', `/api/v2/authorizations${query}`, { token })).json.authorizations as Authorization[];

describe("the first start's orgs", () => {
  it('makes my-org as before: the same users, buckets and tokens, in the same order', async () => {
    expect(names(await h.call('GET', '/api/v2/orgs'), 'orgs')).toEqual(['my-org', 'second-org']);
    expect(names(await h.call('GET', `/api/v2/orgs/${h.orgID}/members`), 'users').sort()).toEqual(['user1', 'user2']);
    expect(names(await h.call('GET', `/api/v2/orgs/${h.orgID}/owners`), 'users')).toEqual(['admin']);
    expect(names(await h.call('GET', `/api/v2/buckets?orgID=${h.orgID}`), 'buckets')).toEqual([
      '_monitoring',
      '_tasks',
      'my-bucket',
      'telegraf',
    ]);
    expect((await tokensOf('?org=my-org')).map((a) => `${a.user}: ${a.description}`)).toEqual([
      "admin: admin's Token",
      "user2: user2's telegraf writer",
      'user2: read/write my-bucket',
      'user2: dashboards viewer',
      "user1: user1's all-access token",
      'user1: old CI token (revoked)',
      'admin: read all buckets',
    ]);
    expect((await tokensOf('?user=user2')).map((a) => a.org)).toEqual(['my-org', 'my-org', 'my-org']);
  });

  it('makes second-org with the admin as owner, its system and own buckets, and its own users', async () => {
    const secondID = await h.orgIDByName('second-org');
    expect(names(await h.call('GET', `/api/v2/orgs/${secondID}/owners`), 'users')).toEqual(['admin']);
    expect(names(await h.call('GET', `/api/v2/orgs/${secondID}/members`), 'users').sort()).toEqual(['user3', 'user4']);
    const buckets = (await h.call('GET', `/api/v2/buckets?orgID=${secondID}`)).json.buckets as {
      name: string;
      type: string;
    }[];
    expect(buckets.map((b) => [b.name, b.type])).toEqual([
      ['_monitoring', 'system'],
      ['_tasks', 'system'],
      ['edge-devices', 'user'],
      ['sensors', 'user'],
    ]);
    // user3 and user4 belong to second-org only; user1 and user2 to my-org only.
    for (const [user, orgs] of [
      ['user3', ['second-org']],
      ['user4', ['second-org']],
      ['user1', ['my-org']],
      ['admin', ['my-org', 'second-org']],
    ] as const) {
      expect(names(await h.call('GET', `/api/v2/orgs?userID=${await h.userID(user)}`), 'orgs'), user).toEqual(orgs);
    }
  });

  it('gives second-org tokens of both statuses, owned by its users, granting its own buckets', async () => {
    const secondID = await h.orgIDByName('second-org');
    const tokens = await tokensOf(`?orgID=${secondID}`);
    expect(tokens.map((a) => [a.user, a.description, a.status])).toEqual([
      ['user3', "user3's sensors writer", 'active'],
      ['user3', 'read/write sensors (paused)', 'inactive'],
      ['user4', "user4's all-access token", 'active'],
      ['user4', 'old edge gateway writer (revoked)', 'inactive'],
    ]);
    expect(new Set(tokens.map((a) => a.org))).toEqual(new Set(['second-org']));
    const sensors = tokens[0]!.permissions;
    expect(sensors).toEqual([
      {
        action: 'write',
        resource: { type: 'buckets', id: expect.any(String), orgID: secondID, name: 'sensors', org: 'second-org' },
      },
    ]);
    expect((await tokensOf('?org=second-org')).map((a) => a.id)).toEqual(tokens.map((a) => a.id));
  });

  it("lets the operator token read, change and delete second-org's tokens", async () => {
    const [writer, paused] = await tokensOf('?org=second-org');
    const changed = await h.call('PATCH', `/api/v2/authorizations/${paused!.id}`, {
      body: { status: 'active', description: 'sensors again' },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json).toMatchObject({ status: 'active', description: 'sensors again', org: 'second-org' });
    expect((await h.call('GET', `/api/v2/authorizations/${paused!.id}`)).json.description).toBe('sensors again');
    expect((await h.call('DELETE', `/api/v2/authorizations/${writer!.id}`)).status).toBe(204);
    expect((await tokensOf('?org=second-org')).map((a) => a.id)).not.toContain(writer!.id);
  });

  it("keeps second-org's tokens from an all-access token of my-org", async () => {
    const user1 = await h.userID('user1');
    const mine = await h.createToken({ userID: user1, permissions: allAccessPermissions(h.orgID, user1) });
    const [other] = await tokensOf('?org=second-org');
    expect((await tokensOf('', mine.token)).every((a) => a.org === 'my-org')).toBe(true);
    const secondID = await h.orgIDByName('second-org');
    expectError(
      await h.call('GET', `/api/v2/authorizations/${other!.id}`, { token: mine.token }),
      401,
      'unauthorized',
      `read:orgs/${secondID}/authorizations/${other!.id} is unauthorized`,
    );
    expectError(
      await h.call('PATCH', `/api/v2/authorizations/${other!.id}`, { token: mine.token, body: { status: 'inactive' } }),
      401,
      'unauthorized',
      `read:orgs/${secondID}/authorizations/${other!.id} is unauthorized`,
    );
    expect((await h.call('GET', `/api/v2/authorizations/${other!.id}`)).json.status).toBe('active');
  });
});
