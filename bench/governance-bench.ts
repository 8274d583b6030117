// What governance costs. PATCH through two app servers in front of one stand-in, one recording the trail and one not,
// in alternating blocks of the same requests (so drift hits both alike). And the check for changes made outside
// this console at N tokens, with the stand-in in its own process: how long it takes, and the longest the app
// server's event loop was held at a time (monitorEventLoopDelay), for the first check (learning the list) and a later
// one (finding 100 outside renames).
// Run alone: npx tsx bench/governance-bench.ts [--tokens 100000] [--requests 1000] [--check-only]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Pool, request } from 'undici';
import { startAppServer, type RunningAppServer } from '../server/app/app-server';
import { checkOutside } from '../server/governance/outside-check';
import { GovernanceStore } from '../server/governance/store';
import { startStandin } from '../server/standin/start';
import { spawnStandin } from '../test/resilience/support/standin-process';
import { makeTempApp } from '../server/test-support/temp-app';
import { seededDataDir } from './standin-bench';
import { quantile, round } from './stats';

export interface GovernanceFigures {
  patch: {
    requests: number;
    trailOn: { p50Ms: number; p99Ms: number };
    trailOff: { p50Ms: number; p99Ms: number };
    addedP50Ms: number;
    addedP99Ms: number;
  };
  check: {
    tokens: number;
    first: { ms: number; longestBlockMs: number };
    later: { ms: number; longestBlockMs: number; recorded: number };
  };
}

export async function benchGovernance(options: { tokens: number; requests: number }): Promise<GovernanceFigures> {
  return { patch: await benchTrailPatch(options.requests), check: await outsideCheckInChild(options.tokens) };
}

/**
 * The outside check runs in a process of its own, as it does in the app server: in this one, the heap the earlier
 * benchmarks left behind makes the garbage collector pause for hundreds of milliseconds, which the event-loop delay
 * would charge to the check.
 */
async function outsideCheckInChild(tokens: number): Promise<GovernanceFigures['check']> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--check-only', '--tokens', String(tokens)],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the outside-check benchmark exited with ${code}: ${output.slice(-500)}`);
  return JSON.parse(output) as GovernanceFigures['check'];
}

async function benchTrailPatch(requests: number): Promise<GovernanceFigures['patch']> {
  const dataDir = seededDataDir(1_000);
  const storeDir = mkdtempSync(join(tmpdir(), 'bench-governance-'));
  const standin = await startStandin({ dataDir, port: 0 });
  const tempApp = makeTempApp();
  const servers: RunningAppServer[] = [];
  try {
    for (const recordChanges of [true, false]) {
      servers.push(
        await startAppServer({
          mode: 'standin',
          upstreamUrl: standin.url,
          serverToken: standin.operatorToken,
          identifyToken: standin.identifyToken,
          org: standin.orgName,
          staticDir: tempApp.dir,
          governance: {
            dbPath: join(storeDir, `console-${recordChanges}.sqlite`),
            maxLifetimeMs: null,
            retentionMs: 365 * 86_400_000,
            recordChanges,
          },
        }),
      );
    }
    const [on, off] = servers as [RunningAppServer, RunningAppServer];
    const pools = [new Pool(on.url, { connections: 1 }), new Pool(off.url, { connections: 1 })] as const;
    const list = await pools[1].request({ method: 'GET', path: '/api/v2/authorizations' });
    const ids = (
      (await list.body.json()) as { authorizations: Array<{ id: string; description: string }> }
    ).authorizations
      .filter((a) => !a.description.startsWith("admin's"))
      .slice(0, 100)
      .map((a) => a.id);
    const latencies: [number[], number[]] = [[], []];
    const patch = async (which: 0 | 1, i: number, measure: boolean) => {
      const id = ids[i % ids.length]!;
      const sent = performance.now();
      const response = await pools[which].request({
        method: 'PATCH',
        path: `/api/v2/authorizations/${id}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description: `bench ${which}-${i}` }),
      });
      await response.body.dump();
      if (response.statusCode !== 200) throw new Error(`PATCH answered ${response.statusCode}`);
      if (measure) latencies[which].push(performance.now() - sent);
    };
    // Warm: every token once through each (the trail learns each token's "before"), and the JIT.
    for (let i = 0; i < ids.length * 2; i++) await patch((i % 2) as 0 | 1, i, false);
    for (let block = 0; block * 50 < requests; block++)
      for (const which of block % 2 ? ([1, 0] as const) : ([0, 1] as const))
        for (let i = 0; i < 50; i++) await patch(which, block * 50 + i, true);
    await Promise.all(pools.map((pool) => pool.close()));
    const stats = (values: number[]) => ({
      p50Ms: round(quantile(values, 0.5), 2),
      p99Ms: round(quantile(values, 0.99), 2),
    });
    const [trailOn, trailOff] = [stats(latencies[0]), stats(latencies[1])];
    return {
      requests: latencies[0].length,
      trailOn,
      trailOff,
      addedP50Ms: round(trailOn.p50Ms - trailOff.p50Ms, 2),
      addedP99Ms: round(trailOn.p99Ms - trailOff.p99Ms, 2),
    };
  } finally {
    for (const server of servers) await server.close();
    await standin.close();
    tempApp.remove();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(storeDir, { recursive: true, force: true });
  }
}

async function benchOutsideCheck(tokens: number): Promise<GovernanceFigures['check']> {
  const dataDir = seededDataDir(tokens);
  const storeDir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  const standin = await spawnStandin(dataDir, 120_000);
  const store = new GovernanceStore(join(storeDir, 'console.sqlite'), 'bench');
  const options = { store, upstreamUrl: standin.url, serverToken: () => standin.operatorToken, timeoutMs: 120_000 };
  const measured = async () => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const result = await checkOutside(options);
    const ms = performance.now() - started;
    delay.disable();
    return { ms: round(ms, 0), longestBlockMs: round(delay.max / 1e6, 1), recorded: result.recorded };
  };
  try {
    // The first request of a process compiles undici's HTTP parser (WebAssembly): a one-off cost of starting, paid
    // by the app server's first forwarded request too, not by the check.
    await (await request(`${standin.url}/health`)).body.dump();
    const first = await measured();
    const pool = new Pool(standin.url, { connections: 4 });
    const headers = { authorization: `Token ${standin.operatorToken}`, 'content-type': 'application/json' };
    const list = await pool.request({ method: 'GET', path: '/api/v2/authorizations', headers });
    const some = ((await list.body.json()) as { authorizations: Array<{ id: string }> }).authorizations.slice(1, 101);
    for (const [i, token] of some.entries()) {
      const response = await pool.request({
        method: 'PATCH',
        path: `/api/v2/authorizations/${token.id}`,
        headers,
        body: JSON.stringify({ description: `renamed outside ${i}` }),
      });
      await response.body.dump();
    }
    await pool.close();
    const later = await measured();
    return { tokens, first: { ms: first.ms, longestBlockMs: first.longestBlockMs }, later };
  } finally {
    store.close();
    await standin.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(storeDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    return at === -1 ? fallback : Number(process.argv[at + 1]);
  };
  const tokens = arg('--tokens', 100_000);
  const figures = process.argv.includes('--check-only')
    ? await benchOutsideCheck(tokens)
    : await benchGovernance({ tokens, requests: arg('--requests', 1_000) });
  console.log(JSON.stringify(figures, null, 2));
}
