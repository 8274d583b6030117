// The console's own durable store (SQLite, $DATA_DIR/console.sqlite by default): the expiry dates and the audit
// trail InfluxDB has no place for, and the last-known description and status of each token (the "before" of its next
// change, and what the outside check compares with). Every row is keyed by the InfluxDB instance, so pointing the
// console at another InfluxDB never mixes them. No token secret is ever stored here.
// Durability: every write is one transaction, committed before the caller answers, so a SIGKILL loses nothing
// acknowledged. Expiry changes (which exist nowhere else) are also synced to disk before the answer
// (synchronous=FULL); trail entries of changes forwarded to InfluxDB are not (NORMAL), which keeps a PATCH within a
// millisecond of the untraced one: after a power cut the last of those entries may be missing, and the next outside
// check records those changes as made outside, so none goes unrecorded.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditAction, AuditActor, AuditEntry, AuditVia } from '../../core/governance';

/** Each step takes the schema from the version before it; user_version says which ran. */
const MIGRATIONS: string[] = [
  // 1: expiries, the trail, the tokens last seen.
  `CREATE TABLE expiries (
     instance        TEXT NOT NULL,
     token_id        TEXT NOT NULL,
     org_id          TEXT NOT NULL,
     expires_at      INTEGER NOT NULL,
     set_at          INTEGER NOT NULL,
     deactivated_at  INTEGER,
     gone            INTEGER NOT NULL DEFAULT 0,
     attempts        INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL DEFAULT 0,
     last_error      TEXT,
     PRIMARY KEY (instance, token_id)
   ) WITHOUT ROWID;
   CREATE INDEX expiries_due ON expiries (instance, expires_at) WHERE deactivated_at IS NULL AND gone = 0;
   CREATE TABLE trail (
     seq         INTEGER PRIMARY KEY AUTOINCREMENT,
     instance    TEXT NOT NULL,
     org_id      TEXT NOT NULL,
     at          INTEGER NOT NULL,
     token_id    TEXT NOT NULL,
     description TEXT NOT NULL,
     action      TEXT NOT NULL,
     before      TEXT,
     after       TEXT,
     actor       TEXT NOT NULL,
     via         TEXT NOT NULL,
     note        TEXT
   );
   CREATE INDEX trail_org ON trail (instance, org_id, seq);
   CREATE INDEX trail_token ON trail (instance, token_id, seq);
   CREATE INDEX trail_at ON trail (at);
   CREATE TABLE known_tokens (
     instance    TEXT NOT NULL,
     token_id    TEXT NOT NULL,
     org_id      TEXT NOT NULL,
     description TEXT NOT NULL,
     status      TEXT NOT NULL,
     changed_at  INTEGER NOT NULL DEFAULT 0,
     gone        INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (instance, token_id)
   ) WITHOUT ROWID;
   CREATE TABLE checks (
     instance TEXT PRIMARY KEY,
     last_at  INTEGER NOT NULL
   ) WITHOUT ROWID;`,
  // 2: how far the trail has been copied into an InfluxDB bucket (AUDIT_BUCKET).
  `CREATE TABLE exports (
     instance TEXT PRIMARY KEY,
     last_seq INTEGER NOT NULL
   ) WITHOUT ROWID;`,
  // 3: a deletion after the deactivation (rotate's grace period, then delete).
  `ALTER TABLE expiries ADD COLUMN delete_at INTEGER;
   ALTER TABLE expiries ADD COLUMN deleted_at INTEGER;`,
  // 4: since when changes passed over by the checks (the console was changing those tokens) may have been made.
  `ALTER TABLE checks ADD COLUMN passed_over_since INTEGER;`,
];
export const STORE_VERSION = MIGRATIONS.length;

export interface ExpiryRow {
  tokenID: string;
  orgID: string;
  expiresAt: number;
  setAt: number;
  deactivatedAt: number | null;
  gone: boolean;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** When the console deletes the token once deactivated (if still inactive then), and when it did. */
  deleteAt: number | null;
  deletedAt: number | null;
}

/** What an expiry becomes: its deactivation (null: none due, the token is already inactive) and deletion times. */
export interface ExpiryPlan {
  expiresAt: number | null;
  deleteAt: number | null;
}

export interface KnownToken {
  tokenID: string;
  orgID: string;
  description: string;
  status: string;
}

/** A row of what the console last knew, as the outside check reads it. */
export interface KnownRow extends KnownToken {
  /** When the console last wrote it (its own change, or a check). */
  changedAt: number;
  /** Deleted through the console (kept until the next check, so that check does not see it "appear"). */
  gone: boolean;
}

/** A trail entry before the store numbers it; `at` in ms since the epoch. */
export type NewEntry = Omit<AuditEntry, 'seq' | 'at'> & { at: number };

export interface ActivityQuery {
  orgID: string;
  tokenID?: string;
  action?: AuditAction;
  /** ms since the epoch: entries at or after. */
  since?: number;
  /** Entries with a smaller seq (the paging cursor). */
  before?: number;
  limit: number;
}

interface TrailRow {
  seq: number;
  org_id: string;
  at: number;
  token_id: string;
  description: string;
  action: AuditAction;
  before: string | null;
  after: string | null;
  actor: string;
  via: AuditVia;
  note: string | null;
}

const EXPIRY_COLUMNS = `token_id AS tokenID, org_id AS orgID, expires_at AS expiresAt, set_at AS setAt,
  deactivated_at AS deactivatedAt, gone, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError,
  delete_at AS deleteAt, deleted_at AS deletedAt`;

export class GovernanceStore {
  private readonly db: Database.Database;
  private readonly stmts;

  /** Opens (creating or migrating) the store at `path` for one InfluxDB instance. */
  constructor(
    readonly path: string,
    readonly instance: string,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    try {
      this.migrate();
    } catch (error) {
      this.db.close();
      throw error;
    }
    const db = this.db;
    this.stmts = {
      expiry: db.prepare(`SELECT ${EXPIRY_COLUMNS} FROM expiries WHERE instance = ? AND token_id = ?`),
      expiries: db.prepare(`SELECT ${EXPIRY_COLUMNS} FROM expiries WHERE instance = ? AND org_id = ?`),
      due: db.prepare(
        `SELECT ${EXPIRY_COLUMNS} FROM expiries WHERE instance = ? AND deactivated_at IS NULL AND gone = 0
           AND expires_at <= ? ORDER BY expires_at`,
      ),
      dueDeletions: db.prepare(
        `SELECT ${EXPIRY_COLUMNS} FROM expiries WHERE instance = ? AND deactivated_at IS NOT NULL AND gone = 0
           AND delete_at <= ? ORDER BY delete_at`,
      ),
      nextDue: db
        .prepare(
          `SELECT min(max(CASE WHEN deactivated_at IS NULL THEN expires_at ELSE delete_at END, next_attempt_at))
             FROM expiries
            WHERE instance = ? AND gone = 0 AND (deactivated_at IS NULL OR delete_at IS NOT NULL)`,
        )
        .pluck(),
      upsertExpiry: db.prepare(
        `INSERT INTO expiries (instance, token_id, org_id, expires_at, set_at, deactivated_at, delete_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (instance, token_id) DO UPDATE SET org_id = excluded.org_id, expires_at = excluded.expires_at,
           set_at = excluded.set_at, deactivated_at = excluded.deactivated_at, delete_at = excluded.delete_at,
           deleted_at = NULL, gone = 0, attempts = 0, next_attempt_at = 0, last_error = NULL`,
      ),
      setDeletion: db.prepare(
        `UPDATE expiries SET delete_at = ?, attempts = 0, next_attempt_at = 0, last_error = NULL
          WHERE instance = ? AND token_id = ?`,
      ),
      markDeleted: db.prepare(
        'UPDATE expiries SET gone = 1, deleted_at = ?, last_error = NULL WHERE instance = ? AND token_id = ?',
      ),
      deleteExpiry: db.prepare('DELETE FROM expiries WHERE instance = ? AND token_id = ?'),
      markDeactivated: db.prepare(
        `UPDATE expiries SET deactivated_at = ?, attempts = 0, next_attempt_at = 0, last_error = NULL
          WHERE instance = ? AND token_id = ?`,
      ),
      markGone: db.prepare('UPDATE expiries SET gone = 1 WHERE instance = ? AND token_id = ?'),
      markFailed: db.prepare(
        `UPDATE expiries SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
          WHERE instance = ? AND token_id = ?`,
      ),
      append: db.prepare(
        `INSERT INTO trail (instance, org_id, at, token_id, description, action, before, after, actor, via, note)
         VALUES (@instance, @orgID, @at, @tokenID, @description, @action, @before, @after, @actor, @via, @note)`,
      ),
      prune: db.prepare('DELETE FROM trail WHERE at < ?'),
      known: db.prepare(
        `SELECT token_id AS tokenID, org_id AS orgID, description, status FROM known_tokens
          WHERE instance = ? AND token_id = ? AND gone = 0`,
      ),
      knownSlice: db.prepare(
        `SELECT token_id AS tokenID, org_id AS orgID, description, status, changed_at AS changedAt, gone
           FROM known_tokens WHERE instance = ? AND token_id > ? ORDER BY token_id LIMIT ?`,
      ),
      remember: db.prepare(
        `INSERT INTO known_tokens (instance, token_id, org_id, description, status, changed_at, gone)
         VALUES (?, ?, ?, ?, ?, ?, 0)
         ON CONFLICT (instance, token_id) DO UPDATE SET org_id = excluded.org_id, description = excluded.description,
           status = excluded.status, changed_at = excluded.changed_at, gone = 0`,
      ),
      forget: db.prepare('UPDATE known_tokens SET gone = 1, changed_at = ? WHERE instance = ? AND token_id = ?'),
      drop: db.prepare('DELETE FROM known_tokens WHERE instance = ? AND token_id = ?'),
      purgeGone: db.prepare('DELETE FROM known_tokens WHERE instance = ? AND gone = 1 AND changed_at <= ?'),
      lastCheck: db.prepare(
        'SELECT last_at AS lastAt, passed_over_since AS passedOverSince FROM checks WHERE instance = ?',
      ),
      exported: db.prepare('SELECT last_seq FROM exports WHERE instance = ?').pluck(),
      setExported: db.prepare(
        'INSERT INTO exports (instance, last_seq) VALUES (?, ?) ON CONFLICT (instance) DO UPDATE SET last_seq = excluded.last_seq',
      ),
      entriesAfter: db.prepare('SELECT * FROM trail WHERE instance = ? AND seq > ? ORDER BY seq LIMIT ?'),
      setLastCheck: db.prepare(
        `INSERT INTO checks (instance, last_at, passed_over_since) VALUES (?, ?, ?)
         ON CONFLICT (instance) DO UPDATE SET last_at = excluded.last_at, passed_over_since = excluded.passed_over_since`,
      ),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  expiry(tokenID: string): ExpiryRow | undefined {
    return toExpiry(this.stmts.expiry.get(this.instance, tokenID));
  }

  expiries(orgID: string): ExpiryRow[] {
    return this.stmts.expiries.all(this.instance, orgID).map((row) => toExpiry(row)!);
  }

  /** Expiries due at `now` that the console has not carried out yet (including those waiting for a retry). */
  due(now: number): ExpiryRow[] {
    return this.stmts.due.all(this.instance, now).map((row) => toExpiry(row)!);
  }

  /** Deletions due at `now`: deactivated tokens whose grace period is over (including those waiting for a retry). */
  dueDeletions(now: number): ExpiryRow[] {
    return this.stmts.dueDeletions.all(this.instance, now).map((row) => toExpiry(row)!);
  }

  /** When the scheduler next has something to do, or null. */
  nextDue(): number | null {
    return (this.stmts.nextDue.get(this.instance) as number | null) ?? null;
  }

  /**
   * Sets (or replaces) an expiry and records it, in one transaction. `plan.expiresAt` null: the token is already
   * inactive, and only its deletion is planned.
   */
  setExpiry(tokenID: string, orgID: string, plan: ExpiryPlan, entry: NewEntry): void {
    const at = entry.at;
    this.synced(() => {
      this.stmts.upsertExpiry.run(
        this.instance,
        tokenID,
        orgID,
        plan.expiresAt ?? at,
        at,
        plan.expiresAt === null ? at : null,
        plan.deleteAt,
      );
      this.appendRow(entry);
    });
  }

  /** Changes only the deletion of an expiry (null: none), and records it. */
  setDeletion(tokenID: string, deleteAt: number | null, entry: NewEntry): void {
    this.synced(() => {
      this.stmts.setDeletion.run(deleteAt, this.instance, tokenID);
      this.appendRow(entry);
    });
  }

  /** The console deleted the token at the end of its grace period. */
  markDeleted(tokenID: string, at: number, entry: NewEntry): void {
    this.synced(() => {
      this.stmts.markDeleted.run(at, this.instance, tokenID);
      this.stmts.forget.run(at, this.instance, tokenID);
      this.appendRow(entry);
    });
  }

  clearExpiry(tokenID: string, entry: NewEntry | null): void {
    this.synced(() => {
      this.stmts.deleteExpiry.run(this.instance, tokenID);
      if (entry) this.appendRow(entry);
    });
  }

  markDeactivated(tokenID: string, at: number, entry: NewEntry): void {
    this.synced(() => {
      this.stmts.markDeactivated.run(at, this.instance, tokenID);
      this.appendRow(entry);
    });
  }

  markGone(tokenID: string): void {
    this.stmts.markGone.run(this.instance, tokenID);
  }

  markFailed(tokenID: string, nextAttemptAt: number, error: string): void {
    this.stmts.markFailed.run(nextAttemptAt, error, this.instance, tokenID);
  }

  /** Appends entries and updates what is known of their tokens, in one transaction. `at`: when (default now). */
  record(entries: NewEntry[], known: KnownToken | null, forget?: string, at = Date.now()): void {
    this.db.transaction(() => {
      for (const entry of entries) this.appendRow(entry);
      if (known) this.remember(known, at);
      if (forget) {
        this.stmts.forget.run(at, this.instance, forget);
        this.stmts.markGone.run(this.instance, forget);
      }
    })();
  }

  /** What an outside check found, in one transaction: its entries, tokens seen or changed, tokens gone. */
  applyCheck(entries: NewEntry[], seen: KnownToken[], vanished: string[], at: number): void {
    this.db.transaction(() => {
      for (const entry of entries) this.appendRow(entry);
      for (const token of seen) this.remember(token, at);
      for (const tokenID of vanished) {
        this.stmts.drop.run(this.instance, tokenID);
        this.stmts.markGone.run(this.instance, tokenID);
      }
    })();
  }

  /** Up to `limit` known tokens after `afterID` (keyset paging: each call is a short read). */
  knownSlice(afterID: string, limit: number): KnownRow[] {
    const rows = this.stmts.knownSlice.all(this.instance, afterID, limit) as Array<
      Omit<KnownRow, 'gone'> & { gone: number }
    >;
    return rows.map((row) => ({ ...row, gone: row.gone === 1 }));
  }

  /** Forgets tokens deleted through the console before `before` (a check has seen them gone). */
  purgeGone(before: number): void {
    this.stmts.purgeGone.run(this.instance, before);
  }

  /** The trail in order of recording, after `seq`, every org of this instance (for the copy into a bucket). */
  entriesAfter(seq: number, limit: number): AuditEntry[] {
    return (this.stmts.entriesAfter.all(this.instance, seq, limit) as TrailRow[]).map(toEntry);
  }

  /** The last trail entry copied into the bucket (0: none yet). */
  exported(): number {
    return (this.stmts.exported.get(this.instance) as number | undefined) ?? 0;
  }

  setExported(seq: number): void {
    this.stmts.setExported.run(this.instance, seq);
  }

  /** When the last outside check began, or null before the first. */
  lastCheck(): number | null {
    return this.checkRow()?.lastAt ?? null;
  }

  /**
   * Where the window of the next outside change begins: the last check, or earlier when checks passed over tokens
   * the console was changing (a change to those may have been made since the last check that compared them).
   */
  outsideSince(): number | null {
    const row = this.checkRow();
    return row ? (row.passedOverSince ?? row.lastAt) : null;
  }

  /** A check began at `at`; `passedOverSince`: it passed over tokens whose changes may date back that far. */
  setLastCheck(at: number, passedOverSince: number | null = null): void {
    this.stmts.setLastCheck.run(this.instance, at, passedOverSince);
  }

  private checkRow(): { lastAt: number; passedOverSince: number | null } | undefined {
    return this.stmts.lastCheck.get(this.instance) as { lastAt: number; passedOverSince: number | null } | undefined;
  }

  /** One transaction, synced to disk before it returns (the rest commit without waiting for the disk). */
  private synced(fn: () => void): void {
    this.db.pragma('synchronous = FULL');
    try {
      this.db.transaction(fn)();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }

  private remember(token: KnownToken, at: number): void {
    this.stmts.remember.run(this.instance, token.tokenID, token.orgID, token.description, token.status, at);
  }

  known(tokenID: string): KnownToken | undefined {
    return this.stmts.known.get(this.instance, tokenID) as KnownToken | undefined;
  }

  activity(query: ActivityQuery): AuditEntry[] {
    const where = ['instance = ?', 'org_id = ?'];
    const params: unknown[] = [this.instance, query.orgID];
    const filters: Array<[string, unknown]> = [
      ['token_id = ?', query.tokenID],
      ['action = ?', query.action],
      ['at >= ?', query.since],
      ['seq < ?', query.before],
    ];
    for (const [clause, value] of filters) {
      if (value === undefined) continue;
      where.push(clause);
      params.push(value);
    }
    params.push(query.limit);
    const rows = this.db
      .prepare(`SELECT * FROM trail WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`)
      .all(...params) as TrailRow[];
    return rows.map(toEntry);
  }

  /** Drops entries older than `before` (the retention setting); returns how many. */
  prune(before: number): number {
    return this.stmts.prune.run(before).changes;
  }

  private appendRow(entry: NewEntry): void {
    this.stmts.append.run({
      instance: this.instance,
      orgID: entry.orgID,
      at: entry.at,
      tokenID: entry.tokenID,
      description: entry.description,
      action: entry.action,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
      actor: JSON.stringify(entry.actor),
      via: entry.via,
      note: entry.note ?? null,
    });
  }

  private migrate(): void {
    this.db.transaction(() => {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version > STORE_VERSION)
        throw new Error(
          `${this.path} has schema version ${version}, newer than this console's ${STORE_VERSION}: update the code or set CONSOLE_DB to another file`,
        );
      for (let step = version; step < STORE_VERSION; step++) this.db.exec(MIGRATIONS[step]!);
      this.db.pragma(`user_version = ${STORE_VERSION}`);
    })();
  }
}

function toExpiry(row: unknown): ExpiryRow | undefined {
  if (!row) return undefined;
  const r = row as Omit<ExpiryRow, 'gone'> & { gone: number };
  return { ...r, gone: r.gone === 1 };
}

function toEntry(row: TrailRow): AuditEntry {
  const entry: AuditEntry = {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    orgID: row.org_id,
    tokenID: row.token_id,
    description: row.description,
    action: row.action,
    actor: JSON.parse(row.actor) as AuditActor,
    via: row.via,
  };
  if (row.before) entry.before = JSON.parse(row.before) as Record<string, string>;
  if (row.after) entry.after = JSON.parse(row.after) as Record<string, string>;
  if (row.note) entry.note = row.note;
  return entry;
}
