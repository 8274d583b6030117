// Authorization objects as the real server writes them: every field, in this exact order:
// id, token, status, description, orgID, org, userID, user, permissions, links, createdAt, updatedAt.
// Bodies are built as strings, with each distinct permission list rendered once, so 100k rows stay cheap.
import type { Catalog } from './catalog';
import type { StoredPermission } from './permissions';
import { AUTH, type AuthTuple, type StandinStore } from './store';

const MAX_CACHED_ROWS = 1_000_000;
const MAX_CACHED_PERMISSION_LISTS = 50_000;

export class AuthorizationRenderer {
  private readonly store: StandinStore;
  private readonly catalog: Catalog;
  /** Rendered permission lists by permission-set id; names come from the catalog, so it follows its generation. */
  private readonly permissionCache = new Map<number, string>();
  /** Each listed row's rendered bytes by row position, valid while its rev is unchanged (every update bumps it). */
  private readonly rowCache = new Map<number, { rev: number; json: Buffer }>();
  private cacheGeneration = -1;

  constructor(store: StandinStore, catalog: Catalog) {
    this.store = store;
    this.catalog = catalog;
  }

  /** One authorization as JSON text. `token` is "" except in the POST 201 answer. */
  render(row: AuthTuple, token = ''): string {
    const id = row[AUTH.id];
    const orgID = row[AUTH.orgID];
    const userID = row[AUTH.userID];
    return (
      `{"id":"${id}","token":${token === '' ? '""' : JSON.stringify(token)},"status":"${row[AUTH.status]}",` +
      `"description":${JSON.stringify(row[AUTH.description])},` +
      `"orgID":"${orgID}","org":${this.catalog.orgNameJson(orgID)},` +
      `"userID":"${userID}","user":${this.catalog.userNameJson(userID)},` +
      `"permissions":${this.permissionsJson(row[AUTH.permissionSetId])},` +
      `"links":{"self":"/api/v2/authorizations/${id}","user":"/api/v2/users/${userID}"},` +
      `"createdAt":"${row[AUTH.createdAt]}","updatedAt":"${row[AUTH.updatedAt]}"}`
    );
  }

  /** The rendered row if cached and still current, else undefined. */
  cachedRow(seq: number, rev: number): Buffer | undefined {
    const entry = this.rowCache.get(seq);
    return entry !== undefined && entry.rev === rev ? entry.json : undefined;
  }

  /** A deleted row's rendering must never be served again (its position is never reused either: AUTOINCREMENT). */
  forgetRow(seq: number): void {
    this.rowCache.delete(seq);
  }

  hasCachedRows(): boolean {
    this.checkGeneration();
    return this.rowCache.size > 0;
  }

  /** Renders a row for a list (token ""), caching the bytes. */
  renderRow(row: AuthTuple): Buffer {
    this.checkGeneration();
    const json = Buffer.from(this.render(row));
    if (this.rowCache.size >= MAX_CACHED_ROWS) this.rowCache.clear();
    this.rowCache.set(row[AUTH.seq], { rev: row[AUTH.rev], json });
    return json;
  }

  /** Names changed or another process wrote: everything rendered before may be stale. */
  checkGeneration(): void {
    if (this.cacheGeneration !== this.catalog.generation) {
      this.permissionCache.clear();
      this.rowCache.clear();
      this.cacheGeneration = this.catalog.generation;
    }
  }

  /** The stored permission list with `name` (buckets, orgs, users with an id) and `org` (when orgID is set) filled. */
  permissionsJson(setId: number): string {
    this.checkGeneration();
    if (this.permissionCache.size >= MAX_CACHED_PERMISSION_LISTS) this.permissionCache.clear();
    let json = this.permissionCache.get(setId);
    if (json === undefined) {
      const stored = JSON.parse(this.store.permissionSet(setId)) as StoredPermission[];
      json = JSON.stringify(stored.map((p) => this.withNames(p)));
      this.permissionCache.set(setId, json);
    }
    return json;
  }

  private withNames(p: StoredPermission) {
    const { type, id, orgID } = p.resource;
    const name = id === undefined ? undefined : this.catalog.resourceName(type, id);
    const org = orgID === undefined ? undefined : this.catalog.org(orgID)?.name;
    return {
      action: p.action,
      resource: {
        type,
        ...(id !== undefined && { id }),
        ...(orgID !== undefined && { orgID }),
        ...(name !== undefined && name !== '' && { name }),
        ...(org !== undefined && org !== '' && { org }),
      },
    };
  }
}
