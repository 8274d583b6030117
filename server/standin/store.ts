// The stand-in's durable state in $DATA_DIR/standin.sqlite. Every write commits (WAL) and is on disk before
// the caller answers, so an acknowledged change survives a SIGKILL or a power cut. By default each commit
// syncs (synchronous=FULL). The server uses group commit instead (enableGroupCommit): commits only write the
// WAL, and one fdatasync of the WAL, run off the event loop, makes every commit made before it durable;
// writers await durable() before answering, and reads never wait for a disk flush.
import Database from 'better-sqlite3';
import { closeSync, fdatasync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthorizationStatus } from '../../core/influx-types';
import { MIGRATIONS, SCHEMA_SQL, SCHEMA_VERSION } from './schema';

export interface OrgRow {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}
export interface UserRow {
  id: string;
  name: string;
  status: 'active' | 'inactive';
}
export interface BucketRow {
  id: string;
  orgID: string;
  type: 'user' | 'system';
  name: string;
  description: string;
  retentionSeconds: number;
  createdAt: string;
  updatedAt: string;
}

/** A user's place in an org (InfluxDB's user resource mapping for orgs). */
export interface OrgMemberRow {
  userID: string;
  orgID: string;
  role: 'owner' | 'member';
}

/** An authorization row in column order: cheap to read in bulk (raw mode) and to render. */
export type AuthTuple = [
  id: string,
  status: AuthorizationStatus,
  description: string,
  orgID: string,
  userID: string,
  createdAt: string,
  updatedAt: string,
  permissionSetId: number,
  /** Row position: creation order, and the key of cached renderings. */
  seq: number,
  /** Bumped by every update: a cached rendering with another rev is stale. */
  rev: number,
];
export const AUTH = {
  id: 0,
  status: 1,
  description: 2,
  orgID: 3,
  userID: 4,
  createdAt: 5,
  updatedAt: 6,
  permissionSetId: 7,
  seq: 8,
  rev: 9,
} as const;

export interface NewAuthorization {
  id: string;
  tokenHash: Buffer;
  status: AuthorizationStatus;
  description: string;
  orgID: string;
  userID: string;
  createdAt: string;
  updatedAt: string;
  /** JSON text of StoredPermission[]. */
  permissions: string;
}

const AUTH_COLUMNS = 'id, status, description, org_id, user_id, created_at, updated_at, permission_set_id, seq, rev';

/** The columns of a list that decide visibility and cache validity. */
export type AuthKey = [seq: number, rev: number, id: string, orgID: string, userID: string];
export const KEY = { seq: 0, rev: 1, id: 2, orgID: 3, userID: 4 } as const;
const KEY_COLUMNS = 'seq, rev, id, org_id, user_id';
/** Just cache validity: for callers who may read every row. */
export type AuthVersion = [seq: number, rev: number];
const VERSION_COLUMNS = 'seq, rev';

export interface ListFilter {
  userID?: string;
  orgID?: string;
}

type ListStatements = ReturnType<typeof listStatements>;

function listStatements(db: Database.Database, columns: string) {
  const list = <T extends unknown[]>(where: string) =>
    db.prepare<T, unknown[]>(`SELECT ${columns} FROM authorizations ${where} ORDER BY seq`).raw(true);
  return {
    all: list<[]>(''),
    byUser: list<[string]>('WHERE user_id = ?'),
    byOrg: list<[string]>('WHERE org_id = ?'),
    byUserAndOrg: list<[string, string]>('WHERE user_id = ? AND org_id = ?'),
  };
}

function runList(statements: ListStatements, { userID, orgID }: ListFilter): unknown[][] {
  if (userID !== undefined && orgID !== undefined) return statements.byUserAndOrg.all(userID, orgID);
  if (userID !== undefined) return statements.byUser.all(userID);
  if (orgID !== undefined) return statements.byOrg.all(orgID);
  return statements.all.all();
}

export const DATABASE_FILE = 'standin.sqlite';

/** fs.fdatasync's shape; tests pass their own to hold a flush and watch who waits for it. */
export type SyncFile = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

export class StandinStore {
  readonly db: Database.Database;
  readonly dataDir: string;
  private readonly stmts;
  /** Bumped on every org/user/bucket insert through this connection (data_version only sees other connections). */
  private localTenantWrites = 0;
  private readonly permissionSetIds = new Map<string, number>();
  /** Group commit: set by enableGroupCommit. */
  private syncFile: SyncFile | undefined;
  private walFd: number | undefined;
  private syncRunning = false;
  /** Writers whose commits came after the flush now running (or with none running): the next flush is theirs. */
  private syncWaiters: Waiter[] = [];
  /** Flushes done, and commits made durable by them: how well commits are grouped. */
  readonly syncStats = { flushes: 0, writes: 0 };

  private constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.dataDir = dataDir;
    this.db = new Database(join(dataDir, DATABASE_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // 64 MiB page cache: keeps the token-hash and id indexes in memory during bulk inserts.
    this.db.pragma('cache_size = -65536');
    // `npm run seed` may write while the stand-in runs: wait for its lock rather than fail.
    this.db.pragma('busy_timeout = 10000');
    try {
      this.migrate();
    } catch (error) {
      this.db.close();
      throw error;
    }
    const db = this.db;
    const raw = <T extends unknown[]>(sql: string) => db.prepare<T, unknown[]>(sql).raw(true);
    this.stmts = {
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      orgCount: db.prepare('SELECT count(*) FROM orgs').pluck(),
      insertOrg: db.prepare(
        'INSERT INTO orgs (id, name, description, created_at, updated_at) VALUES (@id, @name, @description, @createdAt, @updatedAt)',
      ),
      insertUser: db.prepare('INSERT INTO users (id, name, status) VALUES (@id, @name, @status)'),
      insertBucket: db.prepare(
        `INSERT INTO buckets (id, org_id, type, name, description, retention_seconds, created_at, updated_at)
         VALUES (@id, @orgID, @type, @name, @description, @retentionSeconds, @createdAt, @updatedAt)`,
      ),
      listOrgs: db.prepare(
        'SELECT id, name, description, created_at AS createdAt, updated_at AS updatedAt FROM orgs ORDER BY id',
      ),
      listUsers: db.prepare('SELECT id, name, status FROM users ORDER BY id'),
      insertOrgMember: db.prepare('INSERT INTO org_members (user_id, org_id, role) VALUES (@userID, @orgID, @role)'),
      listOrgMembers: db.prepare(
        'SELECT user_id AS userID, org_id AS orgID, role FROM org_members ORDER BY org_id, user_id',
      ),
      listBuckets: db.prepare(
        `SELECT id, org_id AS orgID, type, name, description, retention_seconds AS retentionSeconds,
                created_at AS createdAt, updated_at AS updatedAt FROM buckets ORDER BY id`,
      ),
      insertAuth: db.prepare<unknown[]>(
        `INSERT INTO authorizations (token_hash, id, status, description, org_id, user_id, created_at, updated_at, permission_set_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      permissionSetById: db.prepare<[number]>('SELECT permissions FROM permission_sets WHERE id = ?').pluck(),
      permissionSetByText: db.prepare<[string]>('SELECT id FROM permission_sets WHERE permissions = ?').pluck(),
      insertPermissionSet: db.prepare<[string]>('INSERT INTO permission_sets (permissions) VALUES (?)'),
      authByTokenHash: raw<[Buffer]>(`SELECT ${AUTH_COLUMNS} FROM authorizations WHERE token_hash = ?`),
      authById: raw<[string]>(`SELECT ${AUTH_COLUMNS} FROM authorizations WHERE id = ?`),
      listFull: listStatements(db, AUTH_COLUMNS),
      listKeys: listStatements(db, KEY_COLUMNS),
      listVersions: listStatements(db, VERSION_COLUMNS),
      authBySeq: raw<[number]>(`SELECT ${AUTH_COLUMNS} FROM authorizations WHERE seq = ?`),
      updateAuth: db.prepare(
        `UPDATE authorizations SET status = coalesce(@status, status), description = coalesce(@description, description),
         updated_at = @updatedAt, rev = rev + 1 WHERE id = @id`,
      ),
      deleteAuth: db.prepare('DELETE FROM authorizations WHERE id = ?'),
      authCount: db.prepare('SELECT count(*) FROM authorizations').pluck(),
    };
  }

  /** Creates the schema in a new database, or upgrades an older one; refuses one from a newer stand-in. */
  private migrate(): void {
    this.transaction(() => {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      const hasTables =
        this.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'authorizations'").pluck().get() !== 0;
      if (version > SCHEMA_VERSION) {
        throw new Error(
          `${join(this.dataDir, DATABASE_FILE)} has schema version ${version}, newer than this stand-in's ${SCHEMA_VERSION}: update the code or use another DATA_DIR`,
        );
      }
      if (hasTables) {
        for (let next = version + 1; next <= SCHEMA_VERSION; next++) {
          const step = MIGRATIONS[next];
          if (step) this.db.exec(step);
        }
      }
      this.db.exec(SCHEMA_SQL);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    });
  }

  /** Opens (creating if needed) the database in `dataDir`. */
  static open(dataDir: string): StandinStore {
    return new StandinStore(dataDir);
  }

  close(): void {
    if (this.db.open) this.db.close();
    // A flush still running on the thread pool keeps the descriptor; it is closed when that flush ends.
    if (!this.syncRunning) this.closeWal();
  }

  private closeWal(): void {
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.walFd = undefined;
  }

  /**
   * From now on commits do not sync (synchronous=NORMAL: in WAL mode still atomic and consistent), and
   * durable() flushes the WAL for every commit made so far, one flush for all writers waiting together.
   */
  enableGroupCommit(syncFile: SyncFile = fdatasync): void {
    this.db.pragma('synchronous = NORMAL');
    this.syncFile = syncFile;
  }

  /**
   * Resolves once every commit made before the call is on disk. Without group commit they already are.
   * Only one flush runs at a time; writers that commit meanwhile share the next one.
   */
  durable(): Promise<void> {
    if (this.syncFile === undefined) return Promise.resolve();
    if (!this.db.open)
      return Promise.reject(new Error('the database was closed before the change was flushed to disk'));
    return new Promise<void>((resolve, reject) => {
      this.syncWaiters.push({ resolve, reject });
      if (!this.syncRunning) this.flush();
    });
  }

  private flush(): void {
    const batch = this.syncWaiters;
    this.syncWaiters = [];
    this.syncRunning = true;
    const settle = (error: Error | null) => {
      this.syncRunning = false;
      this.syncStats.flushes++;
      this.syncStats.writes += batch.length;
      for (const waiter of batch) {
        if (error)
          waiter.reject(new Error(`the change is committed but could not be flushed to disk: ${error.message}`));
        else waiter.resolve();
      }
      if (!this.db.open) {
        this.closeWal();
        const late = this.syncWaiters.splice(0);
        for (const waiter of late)
          waiter.reject(new Error('the database was closed before the change was flushed to disk'));
      } else if (this.syncWaiters.length > 0) this.flush();
    };
    try {
      // The WAL file lives as long as this connection (SQLite deletes it only when the last one closes).
      this.walFd ??= openSync(`${this.db.name}-wal`, 'r');
      this.syncFile!(this.walFd, settle);
    } catch (error) {
      settle(error as Error);
    }
  }

  /** Runs `fn` in one IMMEDIATE transaction (takes the write lock at once: no upgrade deadlocks). */
  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      // Rolled back (nested calls roll back to their savepoint): permission-set ids cached meanwhile may be gone.
      this.permissionSetIds.clear();
      throw error;
    }
  }

  /** Changes whenever another connection (e.g. `npm run seed`) commits; used to drop caches. */
  dataVersion(): number {
    return this.stmts.dataVersion.get() as number;
  }

  isEmpty(): boolean {
    return (this.stmts.orgCount.get() as number) === 0;
  }

  /** Identifies the tenant data seen: changes when anyone adds orgs, users or buckets (or another process commits). */
  tenantsVersion(): string {
    return `${this.dataVersion()}:${this.localTenantWrites}`;
  }

  insertOrg(org: OrgRow): void {
    this.stmts.insertOrg.run(org);
    this.localTenantWrites++;
  }
  insertUser(user: UserRow): void {
    this.stmts.insertUser.run(user);
    this.localTenantWrites++;
  }
  insertBucket(bucket: BucketRow): void {
    this.stmts.insertBucket.run(bucket);
    this.localTenantWrites++;
  }
  insertOrgMember(member: OrgMemberRow): void {
    this.stmts.insertOrgMember.run(member);
    this.localTenantWrites++;
  }
  listOrgMembers(): OrgMemberRow[] {
    return this.stmts.listOrgMembers.all() as OrgMemberRow[];
  }

  listOrgs(): OrgRow[] {
    return this.stmts.listOrgs.all() as OrgRow[];
  }
  listUsers(): UserRow[] {
    return this.stmts.listUsers.all() as UserRow[];
  }
  listBuckets(): BucketRow[] {
    return this.stmts.listBuckets.all() as BucketRow[];
  }

  /** Inserts and commits (or joins the caller's transaction). */
  insertAuthorization(auth: NewAuthorization): AuthTuple {
    // Inside a caller's transaction (bootstrap, seed) a savepoint per row would only cost time:
    // a failed insert leaves at most an unused permission set, and a rollback clears the id cache.
    return this.db.inTransaction ? this.insertRow(auth) : this.transaction(() => this.insertRow(auth));
  }

  private insertRow(auth: NewAuthorization): AuthTuple {
    const row = [
      auth.id,
      auth.status,
      auth.description,
      auth.orgID,
      auth.userID,
      auth.createdAt,
      auth.updatedAt,
      this.permissionSetId(auth.permissions),
    ] as const;
    const { lastInsertRowid } = this.stmts.insertAuth.run(auth.tokenHash, ...row);
    // A new row's position is its rowid, and it has not been updated yet.
    return [...row, Number(lastInsertRowid), 0];
  }

  /** The id of a permission list (JSON text), adding it if new. Lists are never deleted, so ids can be cached. */
  private permissionSetId(permissions: string): number {
    let id = this.permissionSetIds.get(permissions);
    if (id === undefined) {
      id =
        (this.stmts.permissionSetByText.get(permissions) as number | undefined) ??
        Number(this.stmts.insertPermissionSet.run(permissions).lastInsertRowid);
      if (this.permissionSetIds.size >= 10_000) this.permissionSetIds.clear();
      this.permissionSetIds.set(permissions, id);
    }
    return id;
  }

  /** The JSON text of a permission list; throws if the id is unknown (a broken database). */
  permissionSet(id: number): string {
    const text = this.stmts.permissionSetById.get(id) as string | undefined;
    if (text === undefined) throw new Error(`permission set ${id} is missing from the database`);
    return text;
  }

  authorizationByTokenHash(tokenHash: Buffer): AuthTuple | undefined {
    return this.stmts.authByTokenHash.get(tokenHash) as AuthTuple | undefined;
  }

  authorizationById(id: string): AuthTuple | undefined {
    return this.stmts.authById.get(id) as AuthTuple | undefined;
  }

  /** All authorizations matching the filters, in creation order (one prepared statement per filter shape). */
  listAuthorizations(filter: ListFilter): AuthTuple[] {
    return runList(this.stmts.listFull, filter) as AuthTuple[];
  }

  /** Only what a list needs to filter and to find cached renderings: much cheaper to read than whole rows. */
  listAuthorizationKeys(filter: ListFilter): AuthKey[] {
    return runList(this.stmts.listKeys, filter) as AuthKey[];
  }

  /** Only row positions and revisions (two integers a row): for callers who may read every row. */
  listAuthorizationVersions(filter: ListFilter): AuthVersion[] {
    return runList(this.stmts.listVersions, filter) as AuthVersion[];
  }

  authorizationBySeq(seq: number): AuthTuple | undefined {
    return this.stmts.authBySeq.get(seq) as AuthTuple | undefined;
  }

  /** Sets the given fields (null/undefined = unchanged) and updatedAt; returns the new row, or undefined if gone. */
  updateAuthorization(
    id: string,
    update: { status?: AuthorizationStatus; description?: string },
    updatedAt: string,
  ): AuthTuple | undefined {
    return this.transaction(() => {
      const result = this.stmts.updateAuth.run({
        id,
        status: update.status ?? null,
        description: update.description ?? null,
        updatedAt,
      });
      return result.changes === 0 ? undefined : this.authorizationById(id);
    });
  }

  /** Returns false if there was no such authorization. */
  deleteAuthorization(id: string): boolean {
    return this.stmts.deleteAuth.run(id).changes > 0;
  }

  countAuthorizations(): number {
    return this.stmts.authCount.get() as number;
  }
}
