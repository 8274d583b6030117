// The stand-in under load: listing 1k/10k/100k tokens over HTTP against the floor for the same work in this
// process (read the rows from SQLite, serialise them, nothing else), and PATCH throughput with 50 connections.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Pool } from 'undici';
import { seedTokens } from '../server/standin/seed-tokens';
import { startStandin } from '../server/standin/start';
import { DATABASE_FILE, StandinStore } from '../server/standin/store';
import { summarize } from './stats';

export interface ListFigures {
  tokens: number;
  bytes: number;
  coldMs: number;
  warm: ReturnType<typeof summarize>;
  floor: ReturnType<typeof summarize>;
  /** warm p50 over floor p50: how far the HTTP answer is from reading and serialising the rows. */
  ratio: number;
}

export interface PatchFigures {
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Seeds a fresh database in a temporary folder with `tokens` synthetic tokens; returns the folder. */
export function seededDataDir(tokens: number, users = 20): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `bench-standin-${tokens}-`));
  const store = StandinStore.open(dataDir);
  try {
    seedTokens(store, { tokens, users });
  } finally {
    store.close();
  }
  return dataDir;
}

/** The floor: read every row with its permissions from SQLite and JSON-serialise them, nothing else. */
function floorOnce(db: Database.Database): number {
  const started = performance.now();
  const rows = db
    .prepare(
      `SELECT a.id, a.status, a.description, a.org_id, a.user_id, a.created_at, a.updated_at, p.permissions
         FROM authorizations a JOIN permission_sets p ON p.id = a.permission_set_id ORDER BY a.seq`,
    )
    .all() as Array<Record<string, unknown>>;
  JSON.stringify(rows);
  return performance.now() - started;
}

export async function benchList(tokens: number, repeats: number): Promise<ListFigures> {
  const dataDir = seededDataDir(tokens);
  const standin = await startStandin({ dataDir, port: 0 });
  const pool = new Pool(standin.url, { connections: 1 });
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const listPath = `/api/v2/authorizations?orgID=${standin.orgID}`;
    const headers = { authorization: `Token ${standin.operatorToken}` };
    const once = async () => {
      const started = performance.now();
      const response = await pool.request({ method: 'GET', path: listPath, headers });
      const body = await response.body.arrayBuffer();
      if (response.statusCode !== 200) throw new Error(`list answered ${response.statusCode}`);
      return { ms: performance.now() - started, bytes: body.byteLength };
    };
    const cold = await once();
    const warm: number[] = [];
    const floor: number[] = [];
    floorOnce(db);
    // Interleave so both sides meet the same machine state.
    for (let i = 0; i < repeats; i++) {
      warm.push((await once()).ms);
      floor.push(floorOnce(db));
    }
    const warmStats = summarize(warm);
    const floorStats = summarize(floor);
    return {
      tokens,
      bytes: cold.bytes,
      coldMs: cold.ms,
      warm: warmStats,
      floor: floorStats,
      ratio: warmStats.p50 / floorStats.p50,
    };
  } finally {
    db.close();
    await pool.close();
    await standin.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** PATCHes (description and status) spread over many tokens from `connections` concurrent clients for `seconds`. */
export async function benchPatch(connections: number, seconds: number): Promise<PatchFigures> {
  const dataDir = seededDataDir(2_000);
  const standin = await startStandin({ dataDir, port: 0 });
  const pool = new Pool(standin.url, { connections });
  const headers = { authorization: `Token ${standin.operatorToken}`, 'content-type': 'application/json' };
  try {
    const list = await pool.request({ method: 'GET', path: `/api/v2/authorizations?orgID=${standin.orgID}`, headers });
    const ids = (
      (await list.body.json()) as { authorizations: Array<{ id: string; description: string }> }
    ).authorizations
      .filter((a) => !a.description.startsWith("admin's"))
      .map((a) => a.id);
    const latencies: number[] = [];
    let errors = 0;
    let n = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    const worker = async (w: number) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const id = ids[(w + i * connections) % ids.length]!;
        const body = JSON.stringify({ description: `patched ${w}-${i}`, status: i % 2 ? 'inactive' : 'active' });
        const sent = performance.now();
        try {
          const response = await pool.request({ method: 'PATCH', path: `/api/v2/authorizations/${id}`, headers, body });
          await response.body.dump();
          if (response.statusCode !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - sent);
        n++;
      }
    };
    await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
    const elapsed = (performance.now() - started) / 1000;
    const stats = summarize(latencies);
    return {
      connections,
      seconds: elapsed,
      requests: n,
      errors,
      requestsPerSecond: n / elapsed,
      p50Ms: stats.p50,
      p99Ms: stats.p99,
    };
  } finally {
    await pool.close();
    await standin.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
