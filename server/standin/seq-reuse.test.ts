// Issue 11, part 1: a list must never show a deleted token nor hide a new one. Rendered rows are cached by
// row position (`seq`); SQLite without AUTOINCREMENT hands the deleted newest row's position to the next
// insert, so the cache served the deleted token's JSON in place of the new one.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withStandin, readBuckets } from './test-support';

const h = withStandin();

describe('the list after deleting the newest token and creating another', () => {
  it('shows the new token and not the deleted one', async () => {
    const a = await h.createToken({ description: 'token A', permissions: [readBuckets(h.orgID)] });
    expect((await h.allAuthorizations()).map((t) => t.id)).toContain(a.id);

    expect((await h.call('DELETE', `/api/v2/authorizations/${a.id}`)).status).toBe(204);
    const b = await h.createToken({ description: 'token B', permissions: [readBuckets(h.orgID)] });

    const listed = await h.allAuthorizations();
    expect(listed.map((t) => t.id)).not.toContain(a.id);
    expect(listed.map((t) => t.id)).toContain(b.id);
    expect(listed.at(-1)).toMatchObject({ id: b.id, description: 'token B', token: '' });
    expect((await h.call('PATCH', `/api/v2/authorizations/${a.id}`, { body: { description: 'x' } })).status).toBe(404);
  });

  it('also for a caller who sees only some rows, and for a filtered list', async () => {
    const a = await h.createToken({ description: 'token A', permissions: [readBuckets(h.orgID)] });
    const ofAdmin = async () =>
      (
        (await h.call('GET', `/api/v2/authorizations?orgID=${h.orgID}&user=admin`)).json.authorizations as {
          id: string;
        }[]
      ).map((t) => t.id);
    expect(await ofAdmin()).toContain(a.id);
    await h.call('DELETE', `/api/v2/authorizations/${a.id}`);
    const b = await h.createToken({ description: 'token B', permissions: [readBuckets(h.orgID)] });
    expect(await ofAdmin()).toContain(b.id);
    expect(await ofAdmin()).not.toContain(a.id);
  });
});

describe('row positions', () => {
  it('are never reused, also after a restart and in a database made before the fix (schema 2)', async () => {
    await h.standin.close();
    // A schema-2 database: authorizations without AUTOINCREMENT.
    const db = new Database(join(h.dataDir, 'standin.sqlite'));
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'authorizations'").pluck().get() as string;
    db.exec(`
      CREATE TABLE old_auth AS SELECT * FROM authorizations;
      DROP TABLE authorizations;
      ${sql.replace('AUTOINCREMENT', '')};
      INSERT INTO authorizations SELECT * FROM old_auth;
      DROP TABLE old_auth;
      CREATE INDEX authorizations_user_id ON authorizations(user_id);
      CREATE INDEX authorizations_org_id ON authorizations(org_id);
    `);
    db.pragma('user_version = 2');
    db.close();
    await h.restart();

    const seqs = () => {
      const file = new Database(join(h.dataDir, 'standin.sqlite'), { readonly: true });
      try {
        return file.prepare('SELECT id, seq FROM authorizations ORDER BY seq').raw().all() as [string, number][];
      } finally {
        file.close();
      }
    };
    const a = await h.createToken({ description: 'newest', permissions: [readBuckets(h.orgID)] });
    const seqOfA = new Map(seqs()).get(a.id)!;
    await h.call('DELETE', `/api/v2/authorizations/${a.id}`);
    await h.restart();
    const b = await h.createToken({ description: 'after', permissions: [readBuckets(h.orgID)] });
    expect(new Map(seqs()).get(b.id)!).toBeGreaterThan(seqOfA);
    const listed = await h.allAuthorizations();
    expect(listed.at(-1)!.id).toBe(b.id);
    expect(listed.map((t) => t.id)).not.toContain(a.id);
  });
});
