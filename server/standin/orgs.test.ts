// /api/v2/orgs and what an org links to, with cases ported from InfluxDB (main-2.x):
// testing/organization_service.go, tenant/middleware_org_auth_test.go, tenant/http_server_org.go.
import { describe, expect, it } from 'vitest';
import { allAccessPermissions } from './permissions';
import { expectError, readBuckets, withStandin, type Answer } from './test-support';

const h = withStandin();
const orgNames = (answer: Answer) => (answer.json.orgs as { name: string }[]).map((o) => o.name);
const createOrg = async (name: string, token?: string) => h.call('POST', '/api/v2/orgs', { token, body: { name } });
const ORG_LINKS = ['buckets', 'dashboards', 'labels', 'logs', 'members', 'owners', 'secrets', 'self', 'tasks'];

describe('GET /api/v2/orgs', () => {
  it('writes an org as InfluxDB does: links first, all nine of them', async () => {
    const answer = await h.call('GET', '/api/v2/orgs');
    expect(answer.json.links).toEqual({ self: '/api/v2/orgs' });
    const org = answer.json.orgs[0];
    expect(Object.keys(org)).toEqual(['links', 'id', 'name', 'description', 'createdAt', 'updatedAt']);
    expect(Object.keys(org.links)).toEqual(ORG_LINKS);
    expect(org.links).toMatchObject({
      buckets: '/api/v2/buckets?org=my-org',
      dashboards: '/api/v2/dashboards?org=my-org',
      self: `/api/v2/orgs/${h.orgID}`,
      tasks: '/api/v2/tasks?org=my-org',
      members: `/api/v2/orgs/${h.orgID}/members`,
    });
    expect((await h.call('GET', `/api/v2/orgs/${h.orgID}`)).json).toEqual(org);
  });

  it('pages by ID: 20 by default, offset and limit; after and descending are read, then ignored', async () => {
    for (let i = 1; i <= 24; i++) expect((await createOrg(`org-${i}`)).status).toBe(201);
    const all = orgNames(await h.call('GET', '/api/v2/orgs?limit=100'));
    expect(all).toEqual(['my-org', 'second-org', ...Array.from({ length: 24 }, (_, i) => `org-${i + 1}`)]);
    expect(orgNames(await h.call('GET', '/api/v2/orgs'))).toEqual(all.slice(0, 20));
    expect(orgNames(await h.call('GET', '/api/v2/orgs?offset=1&limit=1'))).toEqual([all[1]]);
    const firstID = (await h.call('GET', '/api/v2/orgs?limit=1')).json.orgs[0].id;
    expect(orgNames(await h.call('GET', `/api/v2/orgs?after=${firstID}&descending=true&limit=3`))).toEqual(
      all.slice(0, 3),
    );
    for (const [query, message] of [
      ['limit=200', 'limit must be between 1 and 100'],
      ['after=1', 'decoding after: id must have a length of 16 bytes'],
    ]) {
      expectError(await h.call('GET', `/api/v2/orgs?${query}`), 400, 'invalid', message!);
    }
  });

  it('finds by orgID (preferred) or name, unpaged; a malformed orgID is ignored', async () => {
    const other = (await createOrg('other')).json;
    expect(orgNames(await h.call('GET', `/api/v2/orgs?orgID=${other.id}&org=my-org&offset=3`))).toEqual(['other']);
    expect(orgNames(await h.call('GET', '/api/v2/orgs?org=other'))).toEqual(['other']);
    // InfluxDB indexes org names trimmed.
    expect(orgNames(await h.call('GET', '/api/v2/orgs?org=%20other%20'))).toEqual(['other']);
    expect(orgNames(await h.call('GET', '/api/v2/orgs?orgID=nope'))).toEqual(['my-org', 'second-org', 'other']);
    expectError(await h.call('GET', '/api/v2/orgs?org=na'), 404, 'not found', 'organization name "na" not found');
    expectError(await h.call('GET', '/api/v2/orgs?org=a"b'), 404, 'not found', 'organization name "a"b" not found');
    expectError(await h.call('GET', '/api/v2/orgs?orgID=0123456789abcdef'), 404, 'not found', 'organization not found');
  });

  it('?userID= lists that user’s orgs; a malformed one is ignored', async () => {
    const user1 = await h.userID('user1');
    const mine = (await createOrg('user1-too')).json;
    await createOrg('not-user1');
    h.change((store) => store.insertOrgMember({ userID: user1, orgID: mine.id, role: 'member' }));
    expect(orgNames(await h.call('GET', `/api/v2/orgs?userID=${user1}`))).toEqual(['my-org', 'user1-too']);
    expect(orgNames(await h.call('GET', `/api/v2/orgs?userID=${user1}&offset=1`))).toEqual(['user1-too']);
    expect(orgNames(await h.call('GET', '/api/v2/orgs?userID=zzz'))).toEqual([
      'my-org',
      'second-org',
      'user1-too',
      'not-user1',
    ]);
  });

  it('without global read:orgs, lists the caller’s own orgs it may read; 200 and empty when none', async () => {
    const user1 = await h.userID('user1');
    const shared = (await createOrg('shared')).json;
    h.change((store) => store.insertOrgMember({ userID: user1, orgID: shared.id, role: 'member' }));
    const allAccess = await h.createToken({ userID: user1, permissions: allAccessPermissions(h.orgID, user1) });
    // A member of both, it may read only its token's org.
    expect(orgNames(await h.call('GET', '/api/v2/orgs', { token: allAccess.token }))).toEqual(['my-org']);
    expect(orgNames(await h.call('GET', '/api/v2/orgs?org=shared', { token: allAccess.token }))).toEqual([]);
    const readShared = await h.createToken({
      userID: user1,
      permissions: [{ action: 'read', resource: { type: 'orgs', id: shared.id } }],
    });
    expect(orgNames(await h.call('GET', '/api/v2/orgs', { token: readShared.token }))).toEqual(['shared']);
    const narrow = await h.createToken({ permissions: [readBuckets(h.orgID)] });
    const none = await h.call('GET', '/api/v2/orgs?org=my-org', { token: narrow.token });
    expect(none.json).toEqual({ links: { self: '/api/v2/orgs' }, orgs: [] });
  });
});

describe('POST /api/v2/orgs (CreateOrganization)', () => {
  it('creates an org with its system buckets, its maker as owner: a second org is one request away', async () => {
    const created = await h.call('POST', '/api/v2/orgs', { body: { name: 'second', description: 'two' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'second', description: 'two' });
    expect(Object.keys(created.json.links)).toEqual(ORG_LINKS);
    const buckets = await h.call('GET', `/api/v2/buckets?orgID=${created.json.id}`);
    expect(buckets.json.buckets.map((b: { name: string; type: string }) => [b.name, b.type])).toEqual([
      ['_monitoring', 'system'],
      ['_tasks', 'system'],
    ]);
    const owners = await h.call('GET', `/api/v2/orgs/${created.json.id}/owners`);
    expect(owners.json.users.map((u: { name: string; role: string }) => [u.name, u.role])).toEqual([
      ['admin', 'owner'],
    ]);
    expect(orgNames(await h.call('GET', '/api/v2/orgs'))).toEqual(['my-org', 'second-org', 'second']);
  });

  it('refuses what InfluxDB refuses, in its order and words', async () => {
    const user1 = await h.userID('user1');
    const allAccess = await h.createToken({ userID: user1, permissions: allAccessPermissions(h.orgID, user1) });
    const off = await h.createToken({
      status: 'inactive',
      permissions: [{ action: 'write', resource: { type: 'orgs' } }],
    });
    const post = (rawBody: string, token?: string) =>
      h.call('POST', '/api/v2/orgs', { token, rawBody, headers: { 'Content-Type': 'application/json' } });
    expectError(await post(''), 400, 'invalid', 'failed to unmarshal json: EOF');
    expectError(await post('{'), 400, 'invalid', /^failed to unmarshal json: /);
    expectError(
      await post('{"name":5}'),
      400,
      'invalid',
      'failed to unmarshal json: json: cannot unmarshal number into Go struct field Organization.name of type string',
    );
    expectError(
      await post('[]'),
      400,
      'invalid',
      'failed to unmarshal json: json: cannot unmarshal array into Go value of type influxdb.Organization',
    );
    expectError(await post('{"name":"x"}', allAccess.token), 401, 'unauthorized', 'write:orgs is unauthorized');
    expectError(await post('{"name":"x"}', off.token), 401, 'unauthorized', 'token is inactive');
    expectError(await post('{}'), 400, 'invalid', 'org name is empty');
    expectError(await post('{"name":"  "}'), 400, 'invalid', 'org name is empty');
    expectError(await post('{"name":"my-org"}'), 422, 'conflict', 'organization with name my-org already exists');
    expectError(await post('{"name":" my-org "}'), 422, 'conflict', 'organization with name  my-org  already exists');
    expectError(await createOrg('A Huge Organization Name'.repeat(10_000)), 413, 'request too large', 'key too large');
    expect(orgNames(await h.call('GET', '/api/v2/orgs'))).toEqual(['my-org', 'second-org']);
  });
});

describe('what an org links to', () => {
  it('members and owners, with their role; a bare 404 for an org the caller may not read', async () => {
    const members = await h.call('GET', `/api/v2/orgs/${h.orgID}/members`);
    expect(members.status).toBe(200);
    expect(members.json.links).toEqual({ self: `/api/v2/orgs/${h.orgID}/members` });
    expect(members.json.users.map((u: { name: string }) => u.name).sort()).toEqual(['user1', 'user2']);
    expect(Object.keys(members.json.users[0])).toEqual(['role', 'links', 'id', 'name', 'status']);
    expect(members.json.users[0].role).toBe('member');
    const narrow = await h.createToken({ permissions: [readBuckets(h.orgID)] });
    const refusals: [path: string, token: string | undefined, status: number, code: string, message: string][] = [
      [`/api/v2/orgs/${h.orgID}/owners`, narrow.token, 404, 'not found', '404 page not found'],
      ['/api/v2/orgs/0123456789abcdef/members', narrow.token, 404, 'not found', '404 page not found'],
      ['/api/v2/orgs/0123456789abcdef/members', undefined, 404, 'not found', '404 page not found'],
      ['/api/v2/orgs/xyz/owners', undefined, 400, 'invalid', 'corrupt ID provided: id must have a length of 16 bytes'],
    ];
    for (const [path, token, status, code, message] of refusals) {
      expectError(await h.call('GET', path, { token }), status, code, message);
    }
  });

  it('secrets: none kept, behind read:orgs/<id>/secrets', async () => {
    const secrets = await h.call('GET', `/api/v2/orgs/${h.orgID}/secrets`);
    expect(secrets.json).toEqual({
      links: { org: `/api/v2/orgs/${h.orgID}`, self: `/api/v2/orgs/${h.orgID}/secrets` },
      secrets: [],
    });
    const readOrg = await h.createToken({ permissions: [{ action: 'read', resource: { type: 'orgs', id: h.orgID } }] });
    expectError(
      await h.call('GET', `/api/v2/orgs/${h.orgID}/secrets`, { token: readOrg.token }),
      401,
      'unauthorized',
      `read:orgs/${h.orgID}/secrets is unauthorized`,
    );
  });

  it('logs and labels: InfluxDB links them but does not route them, so Go’s plain 404, after the token', async () => {
    for (const path of ['logs', 'labels']) {
      const answer = await h.call('GET', `/api/v2/orgs/${h.orgID}/${path}`);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(answer.text).toBe('404 page not found\n');
      expectError(
        await h.call('GET', `/api/v2/orgs/${h.orgID}/${path}`, { token: null }),
        401,
        'unauthorized',
        'unauthorized access',
      );
    }
  });

  it('tasks and dashboards: empty lists with InfluxDB’s links, and its refusals', async () => {
    const tasks = await h.call('GET', '/api/v2/tasks?org=my-org');
    expect(tasks.json).toEqual({ links: { self: `/api/v2/tasks?limit=100&org=my-org&orgID=${h.orgID}` }, tasks: [] });
    for (const [query, why] of [
      ['org=nope', 'org nope not found or unauthorized: org not found or unauthorized'],
      ['limit=501', 'limit must be between 1 and 500'],
      ['limit=x', 'strconv.Atoi: parsing "x": invalid syntax'],
      ['type=odd', '"odd" is not a valid task type'],
    ]) {
      expectError(await h.call('GET', `/api/v2/tasks?${query}`), 400, 'invalid', `failed to decode request: ${why}`);
    }
    const dashboards = await h.call('GET', '/api/v2/dashboards?org=my-org');
    expect(dashboards.json).toEqual({
      links: { self: '/api/v2/dashboards?descending=false&limit=20&offset=0&org=my-org' },
      dashboards: [],
    });
    expectError(
      await h.call('GET', '/api/v2/dashboards?org=nope'),
      404,
      'not found',
      'organization name "nope" not found',
    );
    expectError(await h.call('GET', '/api/v2/dashboards?id='), 400, 'invalid', 'id must have a length of 16 bytes');
  });
});
