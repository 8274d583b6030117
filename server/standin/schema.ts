// The stand-in's SQLite schema. Tokens are stored only as SHA-256 hashes. Each authorization's permissions
// are JSON text (they never change after creation), kept once per distinct list in permission_sets:
// 100k tokens share a few hundred lists, so rows stay small and listing them stays fast.
/**
 * 2: authorizations.rev (bumped by every update, so lists can validate cached renderings cheaply).
 * 3: authorizations.seq is AUTOINCREMENT: a deleted row's position is never handed to a new row, since
 *    rendered rows are cached by position (without it the newest row's seq was reused after a delete).
 * 4: org_members: who belongs to which org (InfluxDB's user resource mappings for orgs), for
 *    /orgs?userID=, an org list seen without global read:orgs, and /orgs/{id}/members and /owners.
 * 5: points: what POST /api/v2/write stored.
 */
export const SCHEMA_VERSION = 5;

const authorizationsTable = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  token_hash  BLOB NOT NULL UNIQUE,
  status      TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
  description TEXT NOT NULL,
  org_id      TEXT NOT NULL REFERENCES orgs(id),
  user_id     TEXT NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  permission_set_id INTEGER NOT NULL REFERENCES permission_sets(id),
  rev         INTEGER NOT NULL DEFAULT 0
);`;
const AUTH_COLUMN_LIST =
  'seq, id, token_hash, status, description, org_id, user_id, created_at, updated_at, permission_set_id, rev';

const ORG_MEMBERS_TABLE = `
CREATE TABLE IF NOT EXISTS org_members (
  user_id TEXT NOT NULL REFERENCES users(id),
  org_id  TEXT NOT NULL REFERENCES orgs(id),
  role    TEXT NOT NULL CHECK (role IN ('owner', 'member')),
  PRIMARY KEY (user_id, org_id)
) WITHOUT ROWID;`;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS orgs (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  id     TEXT PRIMARY KEY,
  name   TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive'))
);
CREATE TABLE IF NOT EXISTS buckets (
  id                TEXT PRIMARY KEY,
  org_id            TEXT NOT NULL REFERENCES orgs(id),
  type              TEXT NOT NULL CHECK (type IN ('user', 'system')),
  name              TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  retention_seconds INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (org_id, name)
);
CREATE TABLE IF NOT EXISTS permission_sets (
  id          INTEGER PRIMARY KEY,
  permissions TEXT NOT NULL UNIQUE
);
${authorizationsTable('authorizations')}
CREATE INDEX IF NOT EXISTS authorizations_user_id ON authorizations(user_id);
CREATE INDEX IF NOT EXISTS authorizations_org_id ON authorizations(org_id);
${ORG_MEMBERS_TABLE}
CREATE TABLE IF NOT EXISTS points (
  org_id     TEXT NOT NULL REFERENCES orgs(id),
  bucket_id  TEXT NOT NULL REFERENCES buckets(id),
  -- measurement and tags as line protocol writes them, tags sorted: the series, as InfluxDB keys it
  series_key TEXT NOT NULL,
  -- nanoseconds since the epoch
  time       INTEGER NOT NULL,
  -- {"<field key>": ["float"|"integer"|"unsigned"|"string"|"boolean", value]}; integers as decimal text
  fields     TEXT NOT NULL,
  PRIMARY KEY (org_id, bucket_id, series_key, time)
) WITHOUT ROWID;
`;

/** Upgrades from older schema versions, in order. */
export const MIGRATIONS: Record<number, string> = {
  2: 'ALTER TABLE authorizations ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;',
  // SQLite cannot add AUTOINCREMENT to a table: copy the rows into a new one (positions kept; the next
  // position then starts after the highest kept one). The indexes are recreated by SCHEMA_SQL.
  3: `${authorizationsTable('authorizations_v3')}
INSERT INTO authorizations_v3 (${AUTH_COLUMN_LIST}) SELECT ${AUTH_COLUMN_LIST} FROM authorizations;
DROP TABLE authorizations;
ALTER TABLE authorizations_v3 RENAME TO authorizations;`,
  // Until now every user counted as in every org: keep it that way, the user of each org's first token (the
  // operator's, made by the first start) as its owner.
  4: `${ORG_MEMBERS_TABLE}
INSERT OR IGNORE INTO org_members (user_id, org_id, role)
SELECT users.id, orgs.id,
       CASE WHEN users.id = (SELECT user_id FROM authorizations WHERE org_id = orgs.id ORDER BY seq LIMIT 1)
            THEN 'owner' ELSE 'member' END
FROM users, orgs;`,
};
