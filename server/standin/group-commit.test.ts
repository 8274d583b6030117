// Group commit: a write is answered only after a flush of the WAL that began after its commit; writers that
// commit while a flush runs share the next one; reads never wait for a flush; a failed flush is not a success.
import { fdatasync, rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildStandin } from './app';
import { bootstrapIfEmpty } from './bootstrap';
import { StandinStore, type SyncFile } from './store';
import { readBuckets, tempDataDir } from './test-support';

interface Setup {
  app: FastifyInstance;
  store: StandinStore;
  token: string;
  orgID: string;
  /** Flushes asked for and not yet let go. */
  held: (() => void)[];
  failNext: { error?: NodeJS.ErrnoException };
  /** The operator's, for JSON requests. */
  headers: Record<string, string>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<Setup> {
  const dataDir = tempDataDir();
  const store = StandinStore.open(dataDir);
  const { operatorToken } = bootstrapIfEmpty(store);
  const held: (() => void)[] = [];
  const failNext: Setup['failNext'] = {};
  const sync: SyncFile = (fd, done) => {
    const error = failNext.error;
    delete failNext.error;
    // The real flush runs too, once the test lets it go.
    held.push(() => (error ? done(error) : fdatasync(fd, done)));
  };
  store.enableGroupCommit(sync);
  const app = buildStandin(store);
  await app.ready();
  cleanups.push(async () => {
    while (held.length > 0) held.shift()!();
    await app.close();
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const orgID = store.listOrgs()[0]!.id;
  const headers = { authorization: `Token ${operatorToken!}`, 'content-type': 'application/json' };
  return { app, store, token: operatorToken!, orgID, held, failNext, headers };
}

/** A bootstrap token that is not the operator's own, to change or delete. */
async function secondTokenID(s: Setup): Promise<string> {
  const list = await s.app.inject({ method: 'GET', url: '/api/v2/authorizations', headers: s.headers });
  return (JSON.parse(list.body).authorizations as { id: string }[])[1]!.id;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('group commit', () => {
  it('answers a write only after its flush, shares one flush among writers waiting together, and lets reads through', async () => {
    const s = await setup();
    const { headers } = s;
    const ids = (
      JSON.parse((await s.app.inject({ method: 'GET', url: '/api/v2/authorizations', headers })).body)
        .authorizations as { id: string }[]
    ).map((a) => a.id);

    let answered = 0;
    const first = s.app
      .inject({ method: 'PATCH', url: `/api/v2/authorizations/${ids[1]}`, headers, payload: { description: 'first' } })
      .then((r) => (answered++, r));
    await until(() => s.held.length === 1);
    // While that flush runs, five more writers commit: none may be answered by the flush that began before them.
    const more = ids.slice(2, 7).map((id, i) =>
      s.app
        .inject({
          method: 'PATCH',
          url: `/api/v2/authorizations/${id}`,
          headers,
          payload: { description: `more ${i}` },
        })
        .then((r) => (answered++, r)),
    );
    const created = s.app
      .inject({
        method: 'POST',
        url: '/api/v2/authorizations',
        headers,
        payload: { orgID: s.orgID, description: 'new', permissions: [readBuckets(s.orgID)] },
      })
      .then((r) => (answered++, r));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(0);
    // A read is not held back by the flush (it sees committed data).
    const read = await s.app.inject({ method: 'GET', url: `/api/v2/authorizations/${ids[1]}`, headers });
    expect(read.statusCode).toBe(200);
    expect(JSON.parse(read.body).description).toBe('first');

    s.held.shift()!();
    expect((await first).statusCode).toBe(200);
    await until(() => s.held.length === 1);
    expect(answered).toBe(1);
    s.held.shift()!();
    const rest = await Promise.all([...more, created]);
    expect(rest.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 201]);
    // Seven writes, two flushes.
    expect(s.store.syncStats).toEqual({ flushes: 2, writes: 7 });
    expect(s.held).toHaveLength(0);
  });

  it('answers 500 when the flush fails, saying the change is committed but not known to be on disk', async () => {
    const s = await setup();
    const { headers } = s;
    const id = await secondTokenID(s);
    s.failNext.error = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    const answer = s.app.inject({ method: 'DELETE', url: `/api/v2/authorizations/${id}`, headers });
    await until(() => s.held.length === 1);
    s.held.shift()!();
    const reply = await answer;
    expect(reply.statusCode).toBe(500);
    expect(JSON.parse(reply.body)).toEqual({
      code: 'internal error',
      message: 'internal error: the change is committed but could not be flushed to disk: EIO: i/o error, fdatasync',
    });
  });

  it('a flush running when the database closes still answers its writer; later writers are told the change may not be on disk', async () => {
    const s = await setup();
    const { headers } = s;
    const id = await secondTokenID(s);
    const answer = s.app.inject({
      method: 'PATCH',
      url: `/api/v2/authorizations/${id}`,
      headers,
      payload: { description: 'during close' },
    });
    await until(() => s.held.length === 1);
    s.store.close();
    s.held.shift()!();
    expect((await answer).statusCode).toBe(200);
    await expect(s.store.durable()).rejects.toThrow('the database was closed before the change was flushed to disk');
  });
});
