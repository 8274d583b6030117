// fc.commands over the paging model (paging-model.ts): add buckets, users, orgs and memberships in any order,
// hand out a token for picked buckets and users, and list users, orgs and buckets by five callers with any
// paging parameters, each answer (status, error, the items in order, the links) compared with the model's.
import fc from 'fast-check';
import { expect } from 'vitest';
import { nowRfc3339 } from '../../server/standin/clock';
import { newId } from '../../server/standin/ids';
import type { Harness } from '../../server/standin/test-support';
import {
  expectedBuckets,
  expectedOrgs,
  expectedUsers,
  type Expected,
  type MBucket,
  type PagingModel,
  type Query,
} from './paging-model';

type Real = Harness;
type Cmd = fc.AsyncCommand<PagingModel, Real>;

export const CALLERS = ['operator', 'allAccess', 'orgReader', 'bucketReader', 'picked', 'inactive'] as const;
/** Names that order differently as UTF-16 and as UTF-8 bytes, and around '_' (the system buckets). */
const NAMES = ['a', 'b', 'B', 'Z', '0', 'zz', 'my-bucket', 'x y', 'ｚ', '😀', 'é'];
const ref = fc.nat({ max: 1000 });
const pick = <T>(items: readonly T[], at: number): T | undefined => items[at % Math.max(1, items.length)];

/**
 * A query value: absent (`absent` times in 9: paging values are given often, filters seldom, so pages are what
 * most lists show), else one of InfluxDB's edge cases or a reference to something that exists.
 */
const value = (
  absent: number,
  cases: (string | undefined)[],
  refs?: 'bucket' | 'org' | 'user' | 'orgName' | 'bucketName',
) =>
  fc.oneof(
    { weight: absent, arbitrary: fc.constant(undefined) },
    { weight: refs ? 2 : 9 - absent, arbitrary: fc.constantFrom(...cases) },
    ...(refs ? [{ weight: 7 - absent, arbitrary: ref.map((n) => `@${refs}:${n}`) }] : []),
  );
const query = fc.record({
  limit: value(2, ['1', '2', '3', '5', '20', '100', '0', '101', 'x']),
  offset: value(3, ['0', '1', '2', '4', '7', '-3', '150', 'y']),
  after: value(3, ['ffffffffffffffff', '0123456789abcdef', 'abc'], 'bucket'),
  descending: value(3, ['true', 'false', '1', 'maybe']),
  orgID: value(5, ['0123456789abcdef', 'nope'], 'org'),
  org: value(6, [' my-org ', 'nope'], 'orgName'),
  name: value(6, ['nope', 'a'], 'bucketName'),
  id: value(6, ['0123456789abcdef', 'nope'], 'bucket'),
  userID: value(5, ['zz'], 'user'),
});
type Generated = Record<string, string | undefined>;

/** References (`@bucket:7`) resolved against what exists now; users' `after` and `id` refer to users. */
function resolve(m: PagingModel, generated: Generated, kind: 'buckets' | 'users' | 'orgs'): Query {
  const resolved: Query = {};
  for (const [key, raw] of Object.entries(generated)) {
    if (raw === undefined || !raw.startsWith('@')) {
      resolved[key] = raw;
      continue;
    }
    const [what, n] = raw.slice(1).split(':') as [string, string];
    const at = Number(n);
    const target = what === 'bucket' && kind === 'users' ? 'user' : what;
    if (target === 'bucket') resolved[key] = pick(m.buckets, at)?.id;
    else if (target === 'bucketName') resolved[key] = pick(m.buckets, at)?.name;
    else if (target === 'org') resolved[key] = pick(m.orgs, at)?.id;
    else if (target === 'orgName') resolved[key] = pick(m.orgs, at)?.name;
    else resolved[key] = pick(m.users, at)?.id;
  }
  return resolved;
}

async function check(real: Real, caller: string, m: PagingModel, path: string, q: Query, expected: Expected) {
  const search = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][]);
  const answer = await real.call('GET', `${path}?${search}`, { token: m.callers[caller]!.token });
  const what = `${caller} GET ${path}?${search}`;
  if (expected.status !== 200 || !('ids' in expected)) {
    expect({ status: answer.status, ...answer.json }, what).toEqual(expected);
    return;
  }
  expect(answer.status, `${what}: ${answer.text}`).toBe(200);
  const field = path.split('/').at(-1)!;
  expect(
    (answer.json[field] as { id: string }[]).map((item) => item.id),
    what,
  ).toEqual(expected.ids);
  expect(answer.json.links, what).toEqual(expected.links);
}

const listCommand = (path: 'buckets' | 'users' | 'orgs') =>
  fc.tuple(fc.constantFrom(...CALLERS), query).map(([caller, generated]): Cmd => ({
    check: () => true,
    async run(m, real) {
      const q = resolve(m, generated as Generated, path);
      const expect = path === 'buckets' ? expectedBuckets : path === 'users' ? expectedUsers : expectedOrgs;
      await check(real, caller, m, `/api/v2/${path}`, q, expect(m, m.callers[caller]!, q));
    },
    toString: () => `list ${path} as ${caller} ${JSON.stringify(generated)}`,
  }));

const addBuckets = fc
  .tuple(ref, fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 12 }))
  .map(([orgAt, names]): Cmd => ({
    check: () => true,
    async run(m, real) {
      const orgID = pick(m.orgs, orgAt)!.id;
      const fresh = [...new Set(names)].filter((name) => !m.buckets.some((b) => b.orgID === orgID && b.name === name));
      const added: MBucket[] = fresh.map((name) => ({ id: newId(), orgID, name, type: 'user' }));
      real.change((store) => {
        const now = nowRfc3339();
        for (const b of added)
          store.insertBucket({ ...b, description: '', retentionSeconds: 0, createdAt: now, updatedAt: now });
      });
      m.buckets.push(...added);
    },
    toString: () => `add buckets ${JSON.stringify(names)} to org #${orgAt}`,
  }));

const addUsers = fc.tuple(fc.integer({ min: 1, max: 30 }), ref).map(([count, orgAt]): Cmd => ({
  check: () => true,
  async run(m, real) {
    const orgID = pick(m.orgs, orgAt)!.id;
    const users = Array.from({ length: count }, () => ({ id: newId(), name: `u-${m.users.length}-${newId()}` }));
    real.change((store) => {
      for (const u of users) {
        store.insertUser({ ...u, status: 'active' });
        store.insertOrgMember({ userID: u.id, orgID, role: 'member' });
      }
    });
    m.users.push(...users);
    m.members.push(...users.map((u) => ({ userID: u.id, orgID })));
  },
  toString: () => `add ${count} users to org #${orgAt}`,
}));

const join = fc.tuple(ref, ref).map(([userAt, orgAt]): Cmd => ({
  check: () => true,
  async run(m, real) {
    const [userID, orgID] = [pick(m.users, userAt)!.id, pick(m.orgs, orgAt)!.id];
    if (m.members.some((x) => x.userID === userID && x.orgID === orgID)) return;
    real.change((store) => store.insertOrgMember({ userID, orgID, role: 'member' }));
    m.members.push({ userID, orgID });
  },
  toString: () => `user #${userAt} joins org #${orgAt}`,
}));

const createOrg = fc.constantFrom('org-a', 'org-b', ' org-a', 'my-org', ' ', 'org c').map((name): Cmd => ({
  check: () => true,
  async run(m, real) {
    const answer = await real.call('POST', '/api/v2/orgs', { body: { name } });
    if (name.trim() === '') return void expect(answer.status).toBe(400);
    if (m.orgs.some((o) => o.name.trim() === name.trim())) return void expect(answer.status).toBe(422);
    expect(answer.status, answer.text).toBe(201);
    const org = { id: answer.json.id as string, name };
    const system = real.change((store) => store.listBuckets().filter((b) => b.orgID === org.id));
    m.orgs.push(org);
    m.buckets.push(...system.map((b) => ({ id: b.id, orgID: b.orgID, name: b.name, type: b.type })));
    m.members.push({ userID: m.callers.operator!.userID, orgID: org.id });
  },
  toString: () => `create org ${JSON.stringify(name)}`,
}));

/** A new token for the `picked` caller: read on some buckets of the first org, on some users and some orgs. */
const pickToken = fc
  .tuple(fc.array(ref, { maxLength: 6 }), fc.array(ref, { maxLength: 3 }), fc.array(ref, { maxLength: 2 }))
  .map(([bucketAts, userAts, orgAts]): Cmd => ({
    check: () => true,
    async run(m, real) {
      const orgID = m.orgs[0]!.id;
      const ofOrg = m.buckets.filter((b) => b.orgID === orgID && b.type === 'user');
      const buckets = new Set(bucketAts.flatMap((at) => pick(ofOrg, at)?.id ?? []));
      const users = new Set(userAts.map((at) => pick(m.users, at)!.id));
      // Orgs its user may or may not belong to: an org list without global read:orgs shows only the user's own.
      const orgs = new Set(orgAts.map((at) => pick(m.orgs, at)!.id));
      const permissions = [
        ...[...buckets].map((id) => ({ action: 'read', resource: { type: 'buckets', id, orgID } })),
        ...[...users].map((id) => ({ action: 'read', resource: { type: 'users', id } })),
        ...[...orgs].map((id) => ({ action: 'read', resource: { type: 'orgs', id } })),
      ];
      if (permissions.length === 0) return;
      const token = (await real.createToken({ userID: m.callers.picked!.userID, permissions })).token;
      m.callers.picked = {
        ...m.callers.picked!,
        token,
        readsUser: (id) => users.has(id),
        readsOrg: (id) => orgs.has(id),
        // A system bucket is read with read:orgs/<its org>.
        readsBucket: (b) => (b.type === 'system' ? orgs.has(b.orgID) : buckets.has(b.id)),
      };
    },
    toString: () =>
      `picked token: buckets ${JSON.stringify(bucketAts)}, users ${JSON.stringify(userAts)}, orgs ${JSON.stringify(orgAts)}`,
  }));

export const pagingCommands = [
  addBuckets,
  addUsers,
  join,
  createOrg,
  pickToken,
  listCommand('buckets'),
  listCommand('buckets'),
  listCommand('users'),
  listCommand('orgs'),
];
