// Orgs, users and buckets held in memory (they are few), so answers can name them without a query
// per row. Reloaded whenever the database changed underneath (e.g. `npm run seed` in another process).
import type { BucketRow, OrgMemberRow, OrgRow, StandinStore, UserRow } from './store';

export class Catalog {
  private readonly store: StandinStore;
  private seenVersion = '';
  private orgsById = new Map<string, OrgRow>();
  private orgsByName = new Map<string, OrgRow>();
  private usersById = new Map<string, UserRow>();
  private usersByName = new Map<string, UserRow>();
  private bucketsById = new Map<string, BucketRow>();
  /** Each org's buckets in InfluxDB's index order (by name, as bytes), built when first asked for. */
  private bucketsByOrg = new Map<string, BucketRow[]>();
  private membersByOrg = new Map<string, OrgMemberRow[]>();
  private membershipsByUser = new Map<string, OrgMemberRow[]>();
  /** JSON-encoded names by id, ready to paste into a response body. */
  private orgNameJsonById = new Map<string, string>();
  private userNameJsonById = new Map<string, string>();
  /** Increases on every reload; caches built from names key on it. */
  generation = 0;

  constructor(store: StandinStore) {
    this.store = store;
    this.refresh();
  }

  /** Reloads if anything changed since the last look. Cheap enough to call once per request. */
  refresh(): void {
    const version = this.store.tenantsVersion();
    if (version === this.seenVersion) return;
    this.seenVersion = version;
    const orgs = this.store.listOrgs();
    const users = this.store.listUsers();
    const buckets = this.store.listBuckets();
    const members = this.store.listOrgMembers();
    this.orgsById = new Map(orgs.map((o) => [o.id, o]));
    // InfluxDB indexes org names trimmed: " my-org " finds my-org, and cannot be a second org.
    this.orgsByName = new Map(orgs.map((o) => [o.name.trim(), o]));
    this.usersById = new Map(users.map((u) => [u.id, u]));
    this.usersByName = new Map(users.map((u) => [u.name, u]));
    this.bucketsById = new Map(buckets.map((b) => [b.id, b]));
    this.bucketsByOrg = new Map();
    this.membersByOrg = groupBy(members, (m) => m.orgID);
    this.membershipsByUser = groupBy(members, (m) => m.userID);
    this.orgNameJsonById = new Map(orgs.map((o) => [o.id, JSON.stringify(o.name)]));
    this.userNameJsonById = new Map(users.map((u) => [u.id, JSON.stringify(u.name)]));
    this.generation++;
  }

  org(id: string): OrgRow | undefined {
    return this.orgsById.get(id);
  }
  orgByName(name: string): OrgRow | undefined {
    return this.orgsByName.get(name.trim());
  }
  orgs(): OrgRow[] {
    return [...this.orgsById.values()];
  }
  user(id: string): UserRow | undefined {
    return this.usersById.get(id);
  }
  userByName(name: string): UserRow | undefined {
    return this.usersByName.get(name);
  }
  users(): UserRow[] {
    return [...this.usersById.values()];
  }
  bucket(id: string): BucketRow | undefined {
    return this.bucketsById.get(id);
  }
  buckets(): BucketRow[] {
    return [...this.bucketsById.values()];
  }
  /** An org's buckets ordered by name as UTF-8 bytes, the order of InfluxDB's bucket index. */
  bucketsOfOrg(orgID: string): readonly BucketRow[] {
    let buckets = this.bucketsByOrg.get(orgID);
    if (!buckets) {
      buckets = this.buckets()
        .filter((b) => b.orgID === orgID)
        .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
      this.bucketsByOrg.set(orgID, buckets);
    }
    return buckets;
  }
  /** An org's owners and members, by user ID. */
  membersOf(orgID: string): readonly OrgMemberRow[] {
    return this.membersByOrg.get(orgID) ?? [];
  }
  /** The orgs a user belongs to, by org ID (the order of InfluxDB's mappings by user). */
  membershipsOf(userID: string): readonly OrgMemberRow[] {
    return this.membershipsByUser.get(userID) ?? [];
  }

  /** Name of a bucket, org or user by id (the only types whose permissions carry a name), else undefined. */
  resourceName(type: string, id: string): string | undefined {
    if (type === 'buckets') return this.bucketsById.get(id)?.name;
    if (type === 'orgs') return this.orgsById.get(id)?.name;
    if (type === 'users') return this.usersById.get(id)?.name;
    return undefined;
  }

  /** `"my-org"` (JSON string) for an org id; `""` when unknown. */
  orgNameJson(id: string): string {
    return this.orgNameJsonById.get(id) ?? '""';
  }
  userNameJson(id: string): string {
    return this.userNameJsonById.get(id) ?? '""';
  }
}

/** Rows grouped by a key, each group keeping the rows' order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
