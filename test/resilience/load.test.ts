// Load through the proxy: 32 clients mixing list, get and PATCH against the real stand-in for a bounded time.
// Every answer must be a success, every client must read its own writes (by get and in lists), and the final state must equal
// the last acknowledged write per token (each token has exactly one writer). Latencies are printed, not asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Authorization } from '../../core/influx-types';
import { startProduct, type RunningProduct } from '../../server/app/start';
import { makeTempApp, type TempApp } from '../../server/test-support/temp-app';
import { api } from './support/api';
import { summarize } from './support/latency';
import { LeakWatch } from './support/leak-watch';
import { seededRandom } from './support/prng';
import { snapshotAuthorizations } from './support/snapshot';

const CLIENTS = 32;
const TOKENS_PER_CLIENT = 2;
const DURATION_MS = 3000;
const MAX_REQUESTS = 6000;

let dataDir: string;
let tempApp: TempApp;
let product: RunningProduct;
const logs: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'resilience-load-'));
  tempApp = makeTempApp();
  product = await startProduct({ dataDir, staticDir: tempApp.dir, log: (line) => logs.push(line) });
});
afterAll(async () => {
  await product.close();
  tempApp.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

type Op = 'list' | 'get' | 'patch';

describe('32 clients through the proxy', () => {
  it('answer every list, get and PATCH, read their own writes, and lose no update', async () => {
    const { standin } = product;
    const watch = new LeakWatch();
    watch.add(standin.operatorToken);
    const orgID = standin.orgID;

    // Tokens the clients own (one writer each), created directly so the load is only list, get and PATCH.
    const owned: string[][] = [];
    for (let client = 0; client < CLIENTS; client++) {
      const ids: string[] = [];
      for (let k = 0; k < TOKENS_PER_CLIENT; k++) {
        const created = await api(standin.url, '/api/v2/authorizations', {
          method: 'POST',
          token: standin.operatorToken,
          body: {
            orgID,
            description: `client ${client} token ${k}`,
            permissions: [{ action: 'read', resource: { type: 'buckets', orgID } }],
          },
        });
        expect(created.status).toBe(201);
        ids.push(created.json().id as string);
      }
      owned.push(ids);
    }
    const allIds = (await snapshotAuthorizations(standin.url, standin.operatorToken)).map((a) => a.id);
    const lastAcked = new Map<string, { description: string; status: string }>();

    const pool = new Pool(product.url, { connections: CLIENTS, pipelining: 1 });
    const latencies: Record<Op, number[]> = { list: [], get: [], patch: [] };
    const failures: string[] = [];
    const staleReads: string[] = [];
    let requests = 0;
    let ownReads = 0;
    const deadline = performance.now() + DURATION_MS;

    const client = async (index: number) => {
      const random = seededRandom(500 + index);
      const mine = owned[index]!;
      let writes = 0;
      let acked = false;
      // Until the deadline, and on past it until this client has had a write acknowledged: on a busy machine a client
      // may get few turns before the deadline, and a client that never wrote proves nothing about lost updates.
      while ((performance.now() < deadline || !acked) && requests < MAX_REQUESTS) {
        requests++;
        const roll = random.next();
        const op: Op = roll < 0.2 ? 'list' : roll < 0.6 ? 'get' : 'patch';
        // Gets favour the client's own tokens, to check it reads what it just wrote.
        const id = op === 'patch' || random.chance(0.5) ? random.pick(mine) : random.pick(allIds);
        const value = {
          description: `client ${index} write ${++writes}`,
          status: random.chance(0.5) ? 'active' : 'inactive',
        };
        const started = performance.now();
        let status: number;
        let text: string;
        try {
          const response = await pool.request({
            method: op === 'patch' ? 'PATCH' : 'GET',
            path: op === 'list' ? '/api/v2/authorizations' : `/api/v2/authorizations/${id}`,
            headers: op === 'patch' ? { 'content-type': 'application/json' } : {},
            body: op === 'patch' ? JSON.stringify(value) : undefined,
          });
          status = response.statusCode;
          text = await response.body.text();
        } catch (error) {
          failures.push(`${op} ${id}: ${(error as Error).message}`);
          continue;
        }
        latencies[op].push(performance.now() - started);
        watch.check(`${op} ${id}`, text);
        if (status !== 200) {
          failures.push(`${op} ${id}: ${status} ${text.slice(0, 200)}`);
          continue;
        }
        if (op === 'patch') {
          lastAcked.set(id, value);
          acked = true;
        }
        // Whether by get or in a list, a client must read back what it last wrote (no stale rendering cache).
        const seen: Authorization[] = [];
        if (op === 'get' && mine.includes(id)) seen.push(JSON.parse(text) as Authorization);
        if (op === 'list') {
          const listed = (JSON.parse(text) as { authorizations: Authorization[] }).authorizations;
          if (listed.length !== allIds.length) failures.push(`list held ${listed.length} tokens, not ${allIds.length}`);
          seen.push(...listed.filter((a) => mine.includes(a.id)));
        }
        ownReads += seen.length;
        for (const auth of seen) {
          const expected = lastAcked.get(auth.id);
          if (expected && (auth.description !== expected.description || auth.status !== expected.status)) {
            staleReads.push(
              `${op} ${auth.id}: read ${auth.description}/${auth.status} after writing ${expected.description}/${expected.status}`,
            );
          }
        }
      }
    };

    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
    const seconds = (performance.now() - started) / 1000;
    await pool.destroy();

    expect(failures).toEqual([]);
    expect(staleReads).toEqual([]);
    const final = new Map((await snapshotAuthorizations(standin.url, standin.operatorToken)).map((a) => [a.id, a]));
    expect(final.size).toBe(allIds.length);
    for (const [id, value] of lastAcked) {
      expect({ id, description: final.get(id)?.description, status: final.get(id)?.status }).toEqual({ id, ...value });
    }
    // Each client wrote at least once, or the load proved nothing about lost updates.
    expect(new Set([...lastAcked.keys()].map((id) => owned.findIndex((ids) => ids.includes(id)))).size).toBe(CLIENTS);
    for (const line of logs) watch.check('log', line);
    expect(watch.leaks).toEqual([]);

    const total = latencies.list.length + latencies.get.length + latencies.patch.length;
    console.log(
      [
        `[load] ${CLIENTS} clients, ${total} requests in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s) through the proxy, ` +
          `${allIds.length} tokens, ${lastAcked.size} written; 0 errors, 0 stale of ${ownReads} own-token reads, 0 lost updates`,
        ...(['list', 'get', 'patch'] as const).map((op) => `[load] ${summarize(op, latencies[op])}`),
      ].join('\n'),
    );
  }, 30_000);
});
