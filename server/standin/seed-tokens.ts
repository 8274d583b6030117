// Synthetic tokens for load tests and demos: N tokens spread over M users (user-seed-1..M, members of the org),
// with varied descriptions, statuses and permissions, and optionally B more buckets (bucket-seed-1..B), written
// in one transaction, all in one org: the first start's my-org unless another is named (second-org otherwise keeps
// its few demo tokens).
import { bootstrapIfEmpty, BOOTSTRAP_ORG } from './bootstrap';
import { SECOND_ORG } from './bootstrap-second-org';
import { nowRfc3339 } from './clock';
import { newId } from './ids';
import { storeNewAuthorization } from './new-authorization';
import { allAccessPermissions, resourcePermission, type StoredPermission } from './permissions';
import type { BucketRow, StandinStore } from './store';

export interface SeedOptions {
  tokens: number;
  /** Default 10. */
  users?: number;
  /** Buckets bucket-seed-1..B to have in the org beside its own (default 0: none added). */
  buckets?: number;
  /** The org to seed, by name (default my-org, else the first org); one the database does not have is an error. */
  org?: string;
}

export interface SeedSummary {
  tokens: number;
  users: number;
  usersCreated: number;
  orgName: string;
  ms: number;
  /** Present when this call bootstrapped an empty database. */
  operatorToken?: string;
}

/** A small deterministic PRNG (mulberry32), so two seeds of the same size look alike. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = {
  weight: number;
  describe: (bucket: string, n: number) => string;
  permissions: (orgID: string, userID: string, bucketID: string) => StoredPermission[];
};

const KINDS: Kind[] = [
  {
    weight: 5,
    describe: (_b, n) => `all-access token ${n}`,
    permissions: (orgID, userID) => allAccessPermissions(orgID, userID),
  },
  {
    weight: 30,
    describe: (b, n) => `telegraf writer for ${b} (host web-${n % 97})`,
    permissions: (o, _u, b) => [resourcePermission('write', 'buckets', b, o)],
  },
  {
    weight: 20,
    describe: (b, n) => `grafana reads ${b} #${n}`,
    permissions: (o, _u, b) => [resourcePermission('read', 'buckets', b, o)],
  },
  {
    weight: 15,
    describe: (b, n) => `app ${n % 13} read/write ${b}`,
    permissions: (o, _u, b) => [
      resourcePermission('read', 'buckets', b, o),
      resourcePermission('write', 'buckets', b, o),
    ],
  },
  {
    weight: 10,
    describe: (_b, n) => `read all buckets — backup job ${n}`,
    permissions: (o) => [resourcePermission('read', 'buckets', undefined, o)],
  },
  {
    weight: 10,
    describe: (_b, n) => `Überwachung dashboards 📊 ${n}`,
    permissions: (o) => [
      resourcePermission('read', 'dashboards', undefined, o),
      resourcePermission('read', 'buckets', undefined, o),
    ],
  },
  {
    weight: 5,
    describe: (_b, n) => `CI deploy ${n}: telegraf configs`,
    permissions: (o) => [
      resourcePermission('write', 'telegrafs', undefined, o),
      resourcePermission('read', 'buckets', undefined, o),
    ],
  },
  {
    weight: 5,
    describe: (_b, n) => `مهام المراقبة ${n}`,
    permissions: (o) => [
      resourcePermission('read', 'tasks', undefined, o),
      resourcePermission('write', 'tasks', undefined, o),
    ],
  },
];
const TOTAL_WEIGHT = KINDS.reduce((sum, k) => sum + k.weight, 0);

function pickKind(r: number): Kind {
  let left = r * TOTAL_WEIGHT;
  for (const kind of KINDS) {
    left -= kind.weight;
    if (left < 0) return kind;
  }
  return KINDS[0]!;
}

/** Adds `tokens` tokens (and missing seed users); bootstraps an empty database first. */
export function seedTokens(store: StandinStore, options: SeedOptions): SeedSummary {
  const tokens = options.tokens;
  const userCount = options.users ?? 10;
  const bucketCount = options.buckets ?? 0;
  if (!Number.isInteger(tokens) || tokens < 0) throw new Error(`tokens must be a non-negative integer, got ${tokens}`);
  if (!Number.isInteger(userCount) || userCount < 1)
    throw new Error(`users must be a positive integer, got ${userCount}`);
  if (!Number.isInteger(bucketCount) || bucketCount < 0)
    throw new Error(`buckets must be a non-negative integer, got ${bucketCount}`);
  // Checked before bootstrapping, so a wrong name leaves an empty database empty.
  const orgNames = store.isEmpty() ? [BOOTSTRAP_ORG, SECOND_ORG] : store.listOrgs().map((o) => o.name);
  if (options.org !== undefined && !orgNames.includes(options.org))
    throw new Error(`no organization named ${JSON.stringify(options.org)} to seed; there are: ${orgNames.join(', ')}`);
  const started = performance.now();
  const { operatorToken } = bootstrapIfEmpty(store);

  const result = store.transaction(() => {
    const orgs = store.listOrgs();
    const org = orgs.find((o) => o.name === (options.org ?? BOOTSTRAP_ORG)) ?? (options.org ? undefined : orgs[0]);
    if (!org) throw new Error('the database has no organization to seed tokens into');
    addSeedBuckets(store, org.id, bucketCount);
    const buckets: BucketRow[] = store.listBuckets().filter((b) => b.orgID === org.id && b.type === 'user');
    if (buckets.length === 0) throw new Error(`organization ${org.name} has no user bucket to grant access to`);

    const existing = new Map(store.listUsers().map((u) => [u.name, u.id]));
    const members = new Set(store.listOrgMembers().flatMap((m) => (m.orgID === org.id ? [m.userID] : [])));
    const userIDs: string[] = [];
    let usersCreated = 0;
    for (let i = 1; i <= userCount; i++) {
      const name = `user-seed-${i}`;
      let id = existing.get(name);
      if (id === undefined) {
        id = newId();
        store.insertUser({ id, name, status: 'active' });
        usersCreated++;
      }
      // As `influx user create --org` (or `influx org members add` for a seed user of another org) does.
      if (!members.has(id)) store.insertOrgMember({ userID: id, orgID: org.id, role: 'member' });
      userIDs.push(id);
    }

    const random = prng(tokens * 31 + userCount);
    const permissionJson = new Map<string, string>();
    for (let n = 0; n < tokens; n++) {
      const userID = userIDs[n % userIDs.length]!;
      const bucket = buckets[Math.floor(random() * buckets.length)]!;
      const kind = pickKind(random());
      const key = `${KINDS.indexOf(kind)}:${userID}:${bucket.id}`;
      let permissions = permissionJson.get(key);
      if (permissions === undefined) {
        permissions = JSON.stringify(kind.permissions(org.id, userID, bucket.id));
        permissionJson.set(key, permissions);
      }
      storeNewAuthorization(store, {
        status: random() < 0.2 ? 'inactive' : 'active',
        description: random() < 0.02 ? '' : kind.describe(bucket.name, n + 1),
        orgID: org.id,
        userID,
        permissions,
      });
    }
    return { usersCreated, orgName: org.name };
  });

  return {
    tokens,
    users: userCount,
    usersCreated: result.usersCreated,
    orgName: result.orgName,
    ms: Math.round(performance.now() - started),
    ...(operatorToken !== undefined && { operatorToken }),
  };
}

/** Buckets bucket-seed-1..count in the org, those missing added; kept forever, as InfluxDB keeps them. */
function addSeedBuckets(store: StandinStore, orgID: string, count: number): void {
  const names = new Set(store.listBuckets().flatMap((b) => (b.orgID === orgID ? [b.name] : [])));
  const now = nowRfc3339();
  for (let i = 1; i <= count; i++) {
    const name = `bucket-seed-${i}`;
    if (names.has(name)) continue;
    store.insertBucket({
      id: newId(),
      orgID,
      type: 'user',
      name,
      description: '',
      retentionSeconds: 0,
      createdAt: now,
      updatedAt: now,
    });
  }
}
