// /api/v2/buckets and what a bucket links to, with cases ported from InfluxDB (main-2.x):
// testing/bucket_service.go (FindBuckets), tenant/middleware_bucket_auth_test.go, authorizer/authorize.go
// (authorizeReadSystemBucket), tenant/http_server_bucket.go and paging.go (NewPagingLinks).
import { describe, expect, it } from 'vitest';
import { nowRfc3339 } from './clock';
import { newId } from './ids';
import { storeNewOrg } from './new-org';
import { expectError, readBuckets, withStandin, type Answer } from './test-support';

const h = withStandin();
const bucketNames = (answer: Answer) => (answer.json.buckets as { name: string }[]).map((b) => b.name);
const list = (query: string, token?: string) => h.call('GET', `/api/v2/buckets?${query}`, { token });

/** Adds user buckets to an org (default: the bootstrap org) as another process would; returns their IDs. */
function addBuckets(names: string[], orgID = h.orgID): string[] {
  return h.change((store) =>
    names.map((name) => {
      const id = newId();
      const now = nowRfc3339();
      const row = { id, orgID, type: 'user' as const, name, description: '', retentionSeconds: 0 };
      store.insertBucket({ ...row, createdAt: now, updatedAt: now });
      return id;
    }),
  );
}
const byName = async (name: string) =>
  (await list(`orgID=${h.orgID}&name=${encodeURIComponent(name)}`)).json.buckets[0];

describe('a bucket as InfluxDB writes it', () => {
  it('has its fields in order, all six links and an empty label list', async () => {
    const telegraf = await byName('telegraf');
    expect(Object.keys(telegraf)).toEqual([
      'id',
      'orgID',
      'type',
      'description',
      'name',
      'retentionRules',
      'createdAt',
      'updatedAt',
      'links',
      'labels',
    ]);
    expect(telegraf.links).toEqual({
      labels: `/api/v2/buckets/${telegraf.id}/labels`,
      members: `/api/v2/buckets/${telegraf.id}/members`,
      org: `/api/v2/orgs/${h.orgID}`,
      owners: `/api/v2/buckets/${telegraf.id}/owners`,
      self: `/api/v2/buckets/${telegraf.id}`,
      write: `/api/v2/write?org=${h.orgID}&bucket=${telegraf.id}`,
    });
    expect(telegraf.labels).toEqual([]);
    expect(telegraf.retentionRules).toEqual([
      { type: 'expire', everySeconds: 2592000, shardGroupDurationSeconds: 86400 },
    ]);
    expect((await byName('_monitoring')).retentionRules).toEqual([
      { type: 'expire', everySeconds: 604800, shardGroupDurationSeconds: 86400 },
    ]);
    // No description, no field.
    expect(Object.keys(await byName('my-bucket'))).not.toContain('description');
  });
});

describe('GET /api/v2/buckets?orgID=: an org’s buckets by name, paged (listBucketsByOrg)', () => {
  it('orders names as bytes: digits and capitals before system buckets, lower case after', async () => {
    addBuckets(['b', 'Zeta', '0-first', 'a']);
    expect(bucketNames(await list(`orgID=${h.orgID}`))).toEqual([
      '0-first',
      'Zeta',
      '_monitoring',
      '_tasks',
      'a',
      'b',
      'my-bucket',
      'telegraf',
    ]);
    expect(bucketNames(await list(`orgID=${h.orgID}&descending=true&limit=3`))).toEqual(['telegraf', 'my-bucket', 'b']);
  });

  it('pages 20 by default with InfluxDB’s self, next and prev links; next only on a full page', async () => {
    addBuckets(Array.from({ length: 30 }, (_, i) => `bucket-${String(i).padStart(2, '0')}`));
    const first = await list(`orgID=${h.orgID}`);
    expect(first.json.buckets).toHaveLength(20);
    expect(first.json.links).toEqual({
      self: `/api/v2/buckets?descending=false&limit=20&offset=0&orgID=${h.orgID}`,
      next: `/api/v2/buckets?descending=false&limit=20&offset=20&orgID=${h.orgID}`,
    });
    const second = await h.call('GET', first.json.links.next);
    expect(second.json.buckets).toHaveLength(14);
    expect(second.json.links).toEqual({
      prev: `/api/v2/buckets?descending=false&limit=20&offset=0&orgID=${h.orgID}`,
      self: `/api/v2/buckets?descending=false&limit=20&offset=20&orgID=${h.orgID}`,
    });
    const all = [...bucketNames(first), ...bucketNames(second)];
    expect(all).toEqual([...all].sort());
    expect(bucketNames(await list(`orgID=${h.orgID}&limit=100`))).toEqual(all);
    const paged = await list(`orgID=${h.orgID}&limit=5&offset=7&after=${(await byName('bucket-03')).id}&sortBy=name`);
    expect(paged.json.links.self).toBe(
      `/api/v2/buckets?after=${(await byName('bucket-03')).id}&descending=false&limit=5&offset=7&orgID=${h.orgID}&sortBy=name`,
    );
  });

  it('skips `offset` first, then up to and including `after`; an `after` not in the org leaves nothing', async () => {
    addBuckets(['a', 'b', 'c', 'd', 'e']);
    const c = (await byName('c')).id;
    expect(bucketNames(await list(`orgID=${h.orgID}&after=${c}&limit=3`))).toEqual(['d', 'e', 'my-bucket']);
    // Two skipped (_monitoring, _tasks), then a, b and c.
    expect(bucketNames(await list(`orgID=${h.orgID}&offset=2&after=${c}&limit=2`))).toEqual(['d', 'e']);
    expect(bucketNames(await list(`orgID=${h.orgID}&offset=5&after=${c}`))).toEqual([]);
    expect(bucketNames(await list(`orgID=${h.orgID}&after=0123456789abcdef`))).toEqual([]);
    expect(bucketNames(await list(`orgID=${h.orgID}&after=${c}&descending=true`))).toEqual([
      'b',
      'a',
      '_tasks',
      '_monitoring',
    ]);
  });
});

describe('GET /api/v2/buckets without an org: every bucket by ID (ListBuckets)', () => {
  it('find all buckets by offset and limit; by after and limit; by descending', async () => {
    const [abc, def, xyz] = addBuckets(['abc', 'def', 'xyz']);
    const ids = (answer: Answer) => (answer.json.buckets as { id: string }[]).map((b) => b.id);
    const everything = ids(await list('limit=100'));
    expect(everything).toEqual([...everything].sort());
    expect(everything.slice(-3)).toEqual([abc, def, xyz]);
    const n = everything.length;
    expect(ids(await list(`offset=${n - 2}&limit=1`))).toEqual([def]);
    expect(ids(await list(`after=${abc}&limit=2`))).toEqual([def, xyz]);
    expect(ids(await list('offset=1&limit=2&descending=true'))).toEqual([def, abc]);
  });

  it('a name without an org matches in every org, page by page', async () => {
    const other = h.change((store) =>
      storeNewOrg(store, { name: 'other', description: '', ownerID: store.listUsers()[0]!.id }),
    );
    addBuckets(['shared'], other.id);
    addBuckets(['shared']);
    const shared = await list('name=shared');
    expect(shared.json.buckets.map((b: { orgID: string }) => b.orgID).sort()).toEqual([h.orgID, other.id].sort());
    // The name goes into the links as `bucket`, which the list does not read.
    expect(shared.json.links.self).toBe('/api/v2/buckets?bucket=shared&descending=false&limit=20&offset=0');
  });
});

describe('GET /api/v2/buckets: filters', () => {
  it('id (preferred over everything), name in an org, org by name; 404 and 400 in InfluxDB’s words', async () => {
    const telegraf = await byName('telegraf');
    expect(bucketNames(await list(`id=${telegraf.id.toUpperCase()}&name=my-bucket&org=nope&offset=9`))).toEqual([
      'telegraf',
    ]);
    expect(bucketNames(await list('org=my-org&name=telegraf'))).toEqual(['telegraf']);
    expect(bucketNames(await list('org=%20my-org&limit=2'))).toEqual(['_monitoring', '_tasks']);
    expectError(await list('id=0123456789abcdef'), 404, 'not found', 'bucket not found');
    expectError(await list('id=xyz'), 400, 'invalid', 'id must have a length of 16 bytes');
    expectError(await list('orgID=xyz'), 400, 'invalid', 'id must have a length of 16 bytes');
    expectError(await list('org=nope'), 404, 'not found', 'organization name "nope" not found');
    expectError(await list(`orgID=${h.orgID}&name=nope`), 404, 'not found', 'bucket "nope" not found');
    expectError(await list(`orgID=${h.orgID}&name=a%22b%09`), 404, 'not found', 'bucket "a\\"b\\t" not found');
    // An unknown orgID lists nothing; with a name it is that name not found.
    expect(bucketNames(await list('orgID=0123456789abcdef'))).toEqual([]);
    expectError(await list('orgID=0123456789abcdef&name=x'), 404, 'not found', 'bucket "x" not found');
    expectError(await list('limit=0&id=xyz'), 400, 'invalid', 'limit must be between 1 and 100');
  });
});

describe('GET /api/v2/buckets: permissions, checked after the page is cut', () => {
  it('system buckets are read with read:orgs/<id> only (authorizeReadSystemBucket)', async () => {
    const bucketsOnly = await h.createToken({ permissions: [readBuckets(h.orgID)] });
    expect(bucketNames(await list(`orgID=${h.orgID}`, bucketsOnly.token))).toEqual(['my-bucket', 'telegraf']);
    const orgOnly = await h.createToken({ permissions: [{ action: 'read', resource: { type: 'orgs', id: h.orgID } }] });
    expect(bucketNames(await list(`orgID=${h.orgID}`, orgOnly.token))).toEqual(['_monitoring', '_tasks']);
    const tasks = await byName('_tasks');
    expectError(
      await h.call('GET', `/api/v2/buckets/${tasks.id}`, { token: bucketsOnly.token }),
      401,
      'unauthorized',
      `read:orgs/${h.orgID} is unauthorized`,
    );
    expect((await h.call('GET', `/api/v2/buckets/${tasks.id}`, { token: orgOnly.token })).status).toBe(200);
  });

  it('a narrow token gets short or empty pages while more it may read follow, and no next link on them', async () => {
    const ids = addBuckets(Array.from({ length: 12 }, (_, i) => `b-${String(i).padStart(2, '0')}`));
    const readable = [ids[1]!, ids[9]!];
    const narrow = await h.createToken({
      permissions: readable.map((id) => ({ action: 'read', resource: { type: 'buckets', id, orgID: h.orgID } })),
    });
    // Names: _monitoring, _tasks, b-00 … b-11, my-bucket, telegraf.
    const page = (offset: number) => list(`orgID=${h.orgID}&limit=4&offset=${offset}`, narrow.token);
    expect(bucketNames(await page(0))).toEqual(['b-01']);
    expect(bucketNames(await page(4))).toEqual([]);
    expect(bucketNames(await page(8))).toEqual(['b-09']);
    expect(bucketNames(await page(12))).toEqual([]);
    expect((await page(0)).json.links.next).toBeUndefined();
    expect((await list(`orgID=${h.orgID}&limit=4&offset=0`)).json.links.next).toBeDefined();
    const off = await h.createToken({ status: 'inactive', permissions: [readBuckets(h.orgID)] });
    expect(bucketNames(await list(`orgID=${h.orgID}`, off.token))).toEqual([]);
  });
});

describe('GET /api/v2/buckets/{id} and what a bucket links to', () => {
  it('finds first (404), then checks read (401)', async () => {
    const telegraf = await byName('telegraf');
    expect((await h.call('GET', `/api/v2/buckets/${telegraf.id}`)).json).toEqual(telegraf);
    expectError(await h.call('GET', '/api/v2/buckets/0123456789abcdef'), 404, 'not found', 'bucket not found');
    expectError(await h.call('GET', '/api/v2/buckets/abc'), 400, 'invalid', 'id must have a length of 16 bytes');
    const narrow = await h.createToken({ permissions: [{ action: 'read', resource: { type: 'orgs', id: h.orgID } }] });
    expectError(
      await h.call('GET', `/api/v2/buckets/${telegraf.id}`, { token: narrow.token }),
      401,
      'unauthorized',
      `read:orgs/${h.orgID}/buckets/${telegraf.id} is unauthorized`,
    );
  });

  it('members and owners (none in InfluxDB 2.x), labels (none): behind InfluxDB’s checks', async () => {
    const telegraf = await byName('telegraf');
    const tasks = await byName('_tasks');
    expect((await h.call('GET', `/api/v2/buckets/${telegraf.id}/members`)).json).toEqual({
      links: { self: `/api/v2/buckets/${telegraf.id}/members` },
      users: [],
    });
    expect((await h.call('GET', `/api/v2/buckets/${telegraf.id}/owners`)).json.users).toEqual([]);
    expect((await h.call('GET', `/api/v2/buckets/${telegraf.id}/labels`)).json).toEqual({
      links: { self: '/api/v2/labels' },
      labels: [],
    });
    // Where that list links: every label, of which the stand-in has none.
    expect((await h.call('GET', '/api/v2/labels')).json).toEqual({ links: { self: '/api/v2/labels' }, labels: [] });
    expectError(await h.call('GET', '/api/v2/labels', { token: null }), 401, 'unauthorized', 'unauthorized access');
    const bucketsOnly = await h.createToken({ permissions: [readBuckets(h.orgID)] });
    const as = (path: string, token: string) => h.call('GET', path, { token });
    expectError(await as(`/api/v2/buckets/${telegraf.id}/members`, bucketsOnly.token), 404, 'not found', 'not found');
    expectError(
      await as(`/api/v2/buckets/${tasks.id}/labels`, bucketsOnly.token),
      404,
      'not found',
      '404 page not found',
    );
    expect((await as(`/api/v2/buckets/${telegraf.id}/labels`, bucketsOnly.token)).status).toBe(200);
    const orgOnly = await h.createToken({ permissions: [{ action: 'read', resource: { type: 'orgs', id: h.orgID } }] });
    expectError(
      await as(`/api/v2/buckets/${tasks.id}/labels`, orgOnly.token),
      401,
      'unauthorized',
      `read:orgs/${h.orgID}/buckets/${tasks.id} is unauthorized`,
    );
    expectError(
      await h.call('GET', '/api/v2/buckets/nope/members'),
      400,
      'invalid',
      'corrupt ID provided: id must have a length of 16 bytes',
    );
  });
});
