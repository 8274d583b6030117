// Crash durability: the stand-in runs as its own process, takes a burst of concurrent PATCHes and POSTs,
// and is SIGKILLed mid-burst. After a restart on the same DATA_DIR every change it acknowledged must be there,
// nothing it never received may appear, and SQLite must report the file intact.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Authorization } from '../../core/influx-types';
import { cellsHoldingTokens, checkIntegrity, filesHoldingTokens } from './support/at-rest';
import { seededRandom } from './support/prng';
import { snapshotAuthorizations } from './support/snapshot';
import { spawnStandin, type StandinProcess } from './support/standin-process';

const ROUNDS = 2;
const PATCHED_TOKENS = 16;
const POST_WORKERS = 4;
/** Kill once this many PATCHes (chosen per round by the seeded PRNG) and POSTs were acknowledged... */
const KILL_AFTER_PATCHES = [40, 120] as const;
const KILL_AFTER_POSTS = 8;
/** ...or after this long, whichever comes first, so a slow machine still kills mid-burst. */
const KILL_AFTER_MS = 5000;

interface Value {
  description: string;
  status: 'active' | 'inactive';
}

interface TokenState {
  /** What the server last acknowledged (or the value verified after the previous restart). */
  acked: Value;
  /** A PATCH that was sent but never answered: it may or may not have been committed. */
  unanswered?: Value;
}

interface RoundReport {
  round: number;
  ackedPatches: number;
  ackedPosts: number;
  inFlightAtKill: number;
  unansweredPatches: number;
  unansweredPosts: number;
  /** Unanswered writes found committed after the restart (allowed: the kill came between commit and answer). */
  committedUnanswered: number;
  msToKill: number;
}

let dataDir: string;
let standin: StandinProcess | undefined;
const issuedTokens: string[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'resilience-crash-'));
});
afterAll(async () => {
  await standin?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const valueOf = (a: Authorization): Value => ({ description: a.description, status: a.status });
const sameValue = (a: Value, b: Value | undefined) =>
  b !== undefined && a.description === b.description && a.status === b.status;

/** One burst against a running stand-in, ending in SIGKILL. Mutates `states`; returns what was acknowledged. */
async function burstThenKill(round: number, states: Map<string, TokenState>, orgID: string) {
  const server = standin!;
  const random = seededRandom(1000 + round);
  const killAfterPatches = random.int(KILL_AFTER_PATCHES[0], KILL_AFTER_PATCHES[1]);
  const pool = new Pool(server.url, { connections: PATCHED_TOKENS + POST_WORKERS, pipelining: 1 });
  const headers = { authorization: `Token ${server.operatorToken}`, 'content-type': 'application/json' };
  let stop = false;
  let inFlight = 0;
  let ackedPatches = 0;
  const unexpected: string[] = [];
  const ackedPosts = new Map<string, string>();
  const unansweredPosts = new Set<string>();
  let reachedTarget: () => void = () => {};
  const target = new Promise<void>((resolve) => (reachedTarget = resolve));
  const acknowledged = () => {
    if (ackedPatches >= killAfterPatches && ackedPosts.size >= KILL_AFTER_POSTS) reachedTarget();
  };

  async function send(
    method: 'PATCH' | 'POST',
    path: string,
    body: object,
  ): Promise<{ status: number; json: unknown } | 'unanswered'> {
    inFlight++;
    try {
      const response = await pool.request({ method, path, headers, body: JSON.stringify(body) });
      const text = await response.body.text();
      return { status: response.statusCode, json: text === '' ? undefined : JSON.parse(text) };
    } catch {
      return 'unanswered';
    } finally {
      inFlight--;
    }
  }

  // One writer per token, one PATCH in flight at a time: the last acknowledged value is unambiguous.
  const patchWorker = async (id: string, state: TokenState) => {
    for (let n = 1; !stop; n++) {
      const value: Value = { description: `round ${round} ${id} #${n}`, status: n % 2 === 1 ? 'inactive' : 'active' };
      const answer = await send('PATCH', `/api/v2/authorizations/${id}`, value);
      if (answer === 'unanswered') {
        state.unanswered = value;
        return;
      }
      if (answer.status !== 200) {
        unexpected.push(`PATCH ${id} -> ${answer.status}`);
        return;
      }
      const echoed = answer.json as Authorization;
      if (!sameValue(value, valueOf(echoed))) unexpected.push(`PATCH ${id} echoed ${JSON.stringify(valueOf(echoed))}`);
      state.acked = value;
      ackedPatches++;
      acknowledged();
    }
  };

  const postWorker = async (worker: number) => {
    for (let n = 1; !stop; n++) {
      const description = `round ${round} post ${worker}/${n}`;
      const answer = await send('POST', '/api/v2/authorizations', {
        orgID,
        description,
        permissions: [{ action: 'read', resource: { type: 'buckets', orgID } }],
      });
      if (answer === 'unanswered') {
        unansweredPosts.add(description);
        return;
      }
      if (answer.status !== 201) {
        unexpected.push(`POST -> ${answer.status}`);
        return;
      }
      const created = answer.json as Authorization;
      ackedPosts.set(created.id, description);
      issuedTokens.push(created.token);
      acknowledged();
    }
  };

  const started = performance.now();
  const workers = [
    ...[...states].map(([id, state]) => patchWorker(id, state)),
    ...Array.from({ length: POST_WORKERS }, (_, worker) => postWorker(worker)),
  ];
  await Promise.race([target, new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS))]);
  stop = true; // no new requests from here on: whatever is unanswered was sent before the kill
  const inFlightAtKill = inFlight;
  const msToKill = Math.round(performance.now() - started);
  expect(await server.kill('SIGKILL')).toBe('SIGKILL');
  await Promise.all(workers);
  await pool.destroy();
  expect(unexpected).toEqual([]);
  return { ackedPatches, ackedPosts, unansweredPosts, inFlightAtKill, msToKill };
}

describe('a SIGKILL in the middle of a write burst', () => {
  it('loses no acknowledged PATCH or POST, invents nothing, and leaves SQLite intact', async () => {
    standin = await spawnStandin(dataDir);
    issuedTokens.push(standin.operatorToken);
    const orgID = (await snapshotAuthorizations(standin.url, standin.operatorToken))[0]!.orgID;

    // The tokens the PATCH writers own: created and acknowledged before any crash.
    const states = new Map<string, TokenState>();
    for (let i = 0; i < PATCHED_TOKENS; i++) {
      const created = await fetch(`${standin.url}/api/v2/authorizations`, {
        method: 'POST',
        headers: { Authorization: `Token ${standin.operatorToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          orgID,
          description: `patched ${i}`,
          permissions: [{ action: 'read', resource: { type: 'buckets', orgID } }],
        }),
      });
      expect(created.status).toBe(201);
      const auth = (await created.json()) as Authorization;
      issuedTokens.push(auth.token);
      states.set(auth.id, { acked: valueOf(auth) });
    }

    const reports: RoundReport[] = [];
    let before = await snapshotAuthorizations(standin.url, standin.operatorToken);
    for (let round = 1; round <= ROUNDS; round++) {
      const burst = await burstThenKill(round, states, orgID);
      standin = await spawnStandin(dataDir);
      const after = await snapshotAuthorizations(standin.url, standin.operatorToken);
      const byId = new Map(after.map((a) => [a.id, a]));
      let committedUnanswered = 0;

      for (const [id, state] of states) {
        const found = byId.get(id);
        expect(found, `token ${id} vanished`).toBeDefined();
        const final = valueOf(found!);
        // The last acknowledged value, or the one unanswered PATCH sent after it: nothing else.
        const allowed = sameValue(final, state.acked) || sameValue(final, state.unanswered);
        expect(
          allowed,
          `token ${id}: found ${JSON.stringify(final)}, last acknowledged ${JSON.stringify(state.acked)}`,
        ).toBe(true);
        if (!sameValue(final, state.acked)) committedUnanswered++;
        state.acked = final;
      }
      const unansweredPatches = [...states.values()].filter((s) => s.unanswered).length;
      for (const state of states.values()) delete state.unanswered;

      for (const [id, description] of burst.ackedPosts) {
        expect(byId.get(id)?.description, `acknowledged POST ${id} (${description}) is missing`).toBe(description);
      }
      // Every token now present was there before, acknowledged, or an unanswered POST: nothing invented, nothing lost.
      const known = new Set(before.map((a) => a.id));
      for (const auth of after) {
        if (known.has(auth.id) || burst.ackedPosts.has(auth.id)) continue;
        expect(burst.unansweredPosts.has(auth.description), `unexpected token ${auth.id} "${auth.description}"`).toBe(
          true,
        );
        committedUnanswered++;
      }
      for (const auth of before)
        expect(byId.has(auth.id), `token ${auth.id} that existed before the crash is gone`).toBe(true);

      expect(checkIntegrity(dataDir)).toEqual({ integrity: ['ok'], foreignKeyProblems: 0 });
      // Printed on the first start only: a restart must not print the operator token again.
      expect(standin.output()).not.toContain(standin.operatorToken);
      reports.push({
        round,
        ackedPatches: burst.ackedPatches,
        ackedPosts: burst.ackedPosts.size,
        inFlightAtKill: burst.inFlightAtKill,
        unansweredPatches,
        unansweredPosts: burst.unansweredPosts.size,
        committedUnanswered,
        msToKill: burst.msToKill,
      });
      before = after;
    }

    // Tokens at rest: after two crashes (WAL files left behind by SIGKILL), no issued token string is on disk.
    expect(filesHoldingTokens(dataDir, issuedTokens)).toEqual([]);
    expect(cellsHoldingTokens(dataDir, issuedTokens)).toEqual([]);
    expect(await standin.kill('SIGTERM')).toBe('0');
    expect(checkIntegrity(dataDir)).toEqual({ integrity: ['ok'], foreignKeyProblems: 0 });

    console.log(
      `[crash] ${ROUNDS} SIGKILLs, ${issuedTokens.length} tokens issued and checked absent from disk\n` +
        reports.map((r) => `[crash] ${JSON.stringify(r)}`).join('\n'),
    );
    for (const r of reports) {
      // A kill before anything was acknowledged, or after everything settled, would prove nothing.
      expect(r.ackedPatches + r.ackedPosts).toBeGreaterThan(0);
      expect(r.inFlightAtKill).toBeGreaterThan(0);
    }
  }, 60_000);
});
