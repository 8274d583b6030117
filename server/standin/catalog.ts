// Orgs, users and buckets held in memory (they are few), so answers can name them without a query
// per row. Reloaded whenever the database changed underneath (e.g. `npm run seed` in another process).
import type { BucketRow, OrgRow, StandinStore, UserRow } from './store';

export class Catalog {
  private readonly store: StandinStore;
  private seenVersion = '';
  private orgsById = new Map<string, OrgRow>();
  private orgsByName = new Map<string, OrgRow>();
  private usersById = new Map<string, UserRow>();
  private usersByName = new Map<string, UserRow>();
  private bucketsById = new Map<string, BucketRow>();
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
    this.orgsById = new Map(orgs.map((o) => [o.id, o]));
    this.orgsByName = new Map(orgs.map((o) => [o.name, o]));
    this.usersById = new Map(users.map((u) => [u.id, u]));
    this.usersByName = new Map(users.map((u) => [u.name, u]));
    this.bucketsById = new Map(buckets.map((b) => [b.id, b]));
    this.orgNameJsonById = new Map(orgs.map((o) => [o.id, JSON.stringify(o.name)]));
    this.userNameJsonById = new Map(users.map((u) => [u.id, JSON.stringify(u.name)]));
    this.generation++;
  }

  org(id: string): OrgRow | undefined {
    return this.orgsById.get(id);
  }
  orgByName(name: string): OrgRow | undefined {
    return this.orgsByName.get(name);
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
