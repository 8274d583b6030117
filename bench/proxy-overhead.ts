// What the proxy costs: the same requests, side by side in one run, sent straight to the stand-in and through the
// app server in front of it, in its own process as nginx is (rows for nginx, a raw Node forwarder, and our app server
// sharing the stand-in's process as `npm start` runs it, too). Bounded (default 2000 requests per target and scenario, 10 in flight), loopback only.
// Run: npx tsx bench/proxy-overhead.ts [--requests 2000] [--concurrency 10] [--list-size 100] [--runs 1]
// (BENCH_PROXY_PROF=<folder> writes a --cpu-prof profile of every server process there.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { tableLines } from '../core/text-table';
import { startAppServer } from '../server/app/app-server';
import { startProduct } from '../server/app/start';
import { findNginx, startNginx, type RunningNginx } from './nginx';
import { quantile } from './stats';

export interface ProxyOverheadOptions {
  /** Measured requests per target and scenario. Default 2000. */
  requests?: number;
  /** Requests in flight at once. Default 10. */
  concurrency?: number;
  /** Tokens in the listed set. Default 100. */
  listSize?: number;
  /** Unmeasured requests per target first, to warm connections and JIT. Default 200. */
  warmup?: number;
  /** Set false to skip the nginx reference even when nginx is installed. */
  nginx?: boolean;
}

export interface LoadStats {
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time the stand-in's process spent per request (with the proxy's, for the row where they share it). */
  serverCpuUsPerRequest: number;
  /** CPU time the proxy's own process spent per request, when it has one (ours, the raw Node floor, nginx on Linux). */
  proxyCpuUsPerRequest?: number;
}

export interface ScenarioResult {
  name: string;
  path: string;
  direct: LoadStats;
  /** Our app server in its own process in front of the stand-in, as nginx is: the comparable row. */
  proxied: LoadStats;
  /** Our app server inside the stand-in's process (what `npm start` runs): both share one event loop. */
  proxiedShared: LoadStats;
  /** A minimal raw node:http forwarder in its own process (no gates, no header rules): the floor for Node. */
  nodeFloor: LoadStats;
  /** proxied / direct requests per second (1 = free). */
  throughputRatio: number;
  addedP50Ms: number;
  addedP99Ms: number;
  /** The proxy's own CPU cost per request, in microseconds (its own process). */
  addedCpuUsPerRequest: number;
  /** The same requests through Debian's nginx in front of the stand-in, when nginx is installed: a reference reverse proxy. */
  nginx?: LoadStats;
}

export interface ProxyOverheadResult {
  requests: number;
  concurrency: number;
  listSize: number;
  scenarios: ScenarioResult[];
  /** Why there is no nginx reference row (not installed, switched off, would not start); absent when there is one. */
  nginxSkipped?: string;
}

type Target = 'direct' | 'proxied' | 'proxiedShared' | 'nodeFloor' | 'nginx';

export async function measureProxyOverhead(options: ProxyOverheadOptions = {}): Promise<ProxyOverheadResult> {
  const requests = options.requests ?? 2000;
  const concurrency = options.concurrency ?? 10;
  const listSize = options.listSize ?? 100;
  const warmup = options.warmup ?? 200;
  const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-bench-'));
  // Every server in its own process, the load from this one: the stand-in (with our app server sharing its process,
  // as `npm start` runs them), our app server alone in front of it, a raw Node forwarder, and nginx.
  const children: Child[] = [];
  const pools: Pool[] = [];
  let nginx: RunningNginx | undefined;
  try {
    const standin = await serveInChild(['--serve', 'standin', dataDir]);
    children.push(standin);
    const upstream = { STANDIN_URL: standin.ready.standinUrl, BENCH_SERVER_TOKEN: standin.ready.operatorToken };
    const ours = await serveInChild(['--serve', 'proxy', dataDir], upstream);
    children.push(ours);
    const floor = await serveInChild(['--serve', 'floor', dataDir], upstream);
    children.push(floor);
    const pool = (url: string) => {
      const created = new Pool(url, { connections: concurrency });
      pools.push(created);
      return created;
    };
    const operator = { authorization: `Token ${standin.ready.operatorToken}` };
    const targets: Array<{ target: Target; pool: Pool; headers: Record<string, string>; own?: CpuClock }> = [
      { target: 'direct', pool: pool(standin.ready.standinUrl), headers: operator },
      // Requests through our app server carry no token and get the server token, as the app's do.
      { target: 'proxied', pool: pool(ours.ready.url), headers: {}, own: ours },
      { target: 'proxiedShared', pool: pool(standin.ready.url), headers: {} },
      { target: 'nodeFloor', pool: pool(floor.ready.url), headers: {}, own: floor },
    ];
    const nginxBinary = options.nginx === false ? undefined : findNginx();
    let nginxSkipped: string | undefined =
      options.nginx === false ? 'switched off' : nginxBinary ? undefined : 'nginx is not installed';
    if (nginxBinary) {
      try {
        nginx = await startNginx(nginxBinary, standin.ready.standinUrl);
        const running = nginx;
        targets.push({
          target: 'nginx',
          pool: pool(nginx.url),
          headers: operator,
          own: { cpuUs: async () => running.cpuUs() },
        });
      } catch (error) {
        nginxSkipped = `${nginxBinary} would not start: ${(error as Error).message}`;
      }
    }
    const listed = await seedList(targets[0]!.pool, operator, standin.ready.orgID, listSize);
    const scenarios = [
      { name: 'get one token', path: `/api/v2/authorizations/${listed.firstID}` },
      { name: `list ${listed.count} tokens`, path: listed.listPath },
    ];
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      for (const t of targets) await load(t.pool, scenario.path, t.headers, warmup, concurrency);
      // In rounds, each round starting at the next target, so drift (other processes, GC, JIT) and going first or
      // last fall on every target alike.
      const rounds = new Map<Target, Sample[]>(targets.map((t) => [t.target, []]));
      for (let round = 0; round < ROUNDS; round++) {
        const share = Math.floor(requests / ROUNDS) + (round < requests % ROUNDS ? 1 : 0);
        for (let i = 0; i < targets.length; i++) {
          const t = targets[(round + i) % targets.length]!;
          rounds
            .get(t.target)!
            .push(await measured(standin, t.own, () => load(t.pool, scenario.path, t.headers, share, concurrency)));
        }
      }
      const stats = (target: Target) => statsOf(rounds.get(target)!);
      const straight = stats('direct');
      const through = stats('proxied');
      results.push({
        ...scenario,
        direct: straight,
        proxied: through,
        proxiedShared: stats('proxiedShared'),
        nodeFloor: stats('nodeFloor'),
        throughputRatio: through.requestsPerSecond / straight.requestsPerSecond,
        addedP50Ms: through.p50Ms - straight.p50Ms,
        addedP99Ms: through.p99Ms - straight.p99Ms,
        addedCpuUsPerRequest: through.proxyCpuUsPerRequest ?? 0,
        ...(rounds.has('nginx') ? { nginx: stats('nginx') } : {}),
      });
    }
    return { requests, concurrency, listSize, scenarios: results, ...(nginxSkipped ? { nginxSkipped } : {}) };
  } finally {
    for (const created of pools) await created.close();
    await nginx?.close();
    for (const child of children.reverse()) await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Adds tokens owned by the operator's user (admin) until it owns `size`, and returns how to list them. */
async function seedList(pool: Pool, auth: Record<string, string>, orgID: string, size: number) {
  const me = await json<{ id: string; name: string }>(pool, 'GET', '/api/v2/me', auth);
  const listPath = `/api/v2/authorizations?userID=${me.id}`;
  const existing = (await json<{ authorizations: Array<{ id: string }> }>(pool, 'GET', listPath, auth)).authorizations
    .length;
  for (let i = existing; i < size; i++) {
    await json(pool, 'POST', '/api/v2/authorizations', auth, {
      orgID,
      description: `bench token ${i}`,
      permissions: [{ action: 'read', resource: { type: 'buckets', orgID } }],
    });
  }
  const listed = (await json<{ authorizations: Array<{ id: string }> }>(pool, 'GET', listPath, auth)).authorizations;
  return { listPath, firstID: listed[listed.length - 1]!.id, count: listed.length };
}

async function json<T>(
  pool: Pool,
  method: 'GET' | 'POST',
  path: string,
  auth: Record<string, string>,
  body?: unknown,
): Promise<T> {
  const headers = body === undefined ? auth : { ...auth, 'content-type': 'application/json' };
  const response = await pool.request({
    method,
    path,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  if (response.statusCode >= 300)
    throw new Error(`bench setup: ${method} ${path} answered ${response.statusCode}: ${text}`);
  return JSON.parse(text) as T;
}

const ROUNDS = 4;

interface Sample {
  latencies: number[];
  errors: number;
  seconds: number;
  serverCpuUs?: number;
  proxyCpuUs?: number;
}

/** Where a proxy's own CPU time is read: its process (ours, the floor) or nginx's processes. */
interface CpuClock {
  /** CPU time so far in microseconds; undefined when it cannot be read. */
  cpuUs(): Promise<number | undefined>;
}

async function measured(standin: Child, own: CpuClock | undefined, run: () => Promise<Sample>): Promise<Sample> {
  const [before, ownBefore] = await Promise.all([standin.cpuUs(), own?.cpuUs()]);
  const sample = await run();
  const [after, ownAfter] = await Promise.all([standin.cpuUs(), own?.cpuUs()]);
  const ownUs = ownBefore === undefined || ownAfter === undefined ? {} : { proxyCpuUs: ownAfter - ownBefore };
  return { ...sample, serverCpuUs: after - before, ...ownUs };
}

/** An autocannon-style closed loop: `concurrency` workers, each sending its next request when the last one is read. */
async function load(
  pool: Pool,
  path: string,
  headers: Record<string, string>,
  total: number,
  concurrency: number,
): Promise<Sample> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      next++;
      const sent = performance.now();
      try {
        const response = await pool.request({ method: 'GET', path, headers });
        await response.body.arrayBuffer();
        if (response.statusCode !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

function statsOf(samples: Sample[]): LoadStats {
  const latencies = samples.flatMap((sample) => sample.latencies);
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
  const proxyCpu = samples.every((sample) => sample.proxyCpuUs !== undefined)
    ? { proxyCpuUsPerRequest: samples.reduce((sum, sample) => sum + sample.proxyCpuUs!, 0) / latencies.length }
    : {};
  return {
    requests: latencies.length,
    errors: samples.reduce((sum, sample) => sum + sample.errors, 0),
    requestsPerSecond: latencies.length / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    serverCpuUsPerRequest: samples.reduce((sum, sample) => sum + (sample.serverCpuUs ?? 0), 0) / latencies.length,
    ...proxyCpu,
  };
}

const signed = (value: number, digits = 2) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;

export function formatOverheadTable(result: ProxyOverheadResult): string {
  const rows = [
    ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'stand-in CPU µs/req', 'proxy CPU µs/req', 'errors'],
  ];
  for (const s of result.scenarios) {
    const targets: Array<[string, LoadStats]> = [
      ['direct', s.direct],
      ['proxy (ours)', s.proxied],
    ];
    if (s.nginx) targets.push(['nginx', s.nginx]);
    targets.push(['raw Node forwarder', s.nodeFloor], ['ours in stand-in process', s.proxiedShared]);
    for (const [target, stats] of targets) {
      rows.push([
        s.name,
        target,
        stats.requestsPerSecond.toFixed(0),
        stats.p50Ms.toFixed(2),
        stats.p99Ms.toFixed(2),
        stats.serverCpuUsPerRequest.toFixed(0),
        stats.proxyCpuUsPerRequest === undefined ? '' : stats.proxyCpuUsPerRequest.toFixed(0),
        String(stats.errors),
      ]);
    }
    rows.push([
      s.name,
      'ours/direct',
      `x${s.throughputRatio.toFixed(2)}`,
      signed(s.addedP50Ms),
      signed(s.addedP99Ms),
      '',
      '',
      '',
    ]);
    if (s.nginx) {
      const n = s.nginx;
      rows.push([
        s.name,
        'nginx/direct',
        `x${(n.requestsPerSecond / s.direct.requestsPerSecond).toFixed(2)}`,
        signed(n.p50Ms - s.direct.p50Ms),
        signed(n.p99Ms - s.direct.p99Ms),
        '',
        '',
        '',
      ]);
      rows.push([
        s.name,
        'ours/nginx',
        `x${(s.proxied.requestsPerSecond / n.requestsPerSecond).toFixed(2)}`,
        signed(s.proxied.p50Ms - n.p50Ms),
        signed(s.proxied.p99Ms - n.p99Ms),
        '',
        '',
        '',
      ]);
    }
  }
  const table = tableLines(rows, { rightAlignFrom: 2 }).join('\n');
  return result.nginxSkipped ? `${table}\n(no nginx reference row: ${result.nginxSkipped})` : table;
}

interface Ready {
  /** Our app server: in front of the stand-in in its process (role standin), or alone (proxy), or the raw forwarder (floor). */
  url: string;
  standinUrl: string;
  operatorToken: string;
  orgID: string;
}

interface Child extends CpuClock {
  ready: Ready;
  /** The process's CPU time so far (user + system), in microseconds. */
  cpuUs(): Promise<number>;
  stop(): Promise<void>;
}

type Role = 'standin' | 'proxy' | 'floor';

async function serveInChild(args: string[], env: Record<string, string> = {}): Promise<Child> {
  // The token goes by environment, never on the command line (which any local user can read).
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROXY_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROXY_PROF}`] : []),
      fileURLToPath(import.meta.url),
      ...args,
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    },
  );
  const exited = once(child, 'exit');
  // One line per question, in order: first the JSON "ready" line, then one per "cpu" request.
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  let asking = Promise.resolve();
  const nextLine = async (): Promise<string> => {
    const next = await Promise.race([
      lines.next(),
      exited.then(() => {
        throw new Error(`bench: the ${args[1]} process exited unexpectedly`);
      }),
    ]);
    if (next.done) throw new Error(`bench: the ${args[1]} process closed its output`);
    return next.value;
  };
  const ready = JSON.parse(await nextLine()) as Ready;
  return {
    ready,
    cpuUs() {
      const answer = asking.then(async () => {
        child.stdin!.write('cpu\n');
        return Number(await nextLine());
      });
      asking = answer.then(() => {});
      return answer;
    },
    async stop() {
      child.stdin!.end(); // the child stops when its stdin closes
      await exited;
    },
  };
}

/** Child side: start one server on a free port, report where, answer CPU questions, stop when stdin closes. */
async function serveForParent(role: Role, dataDir: string): Promise<void> {
  let ready: Ready;
  let close: () => Promise<void>;
  if (role === 'standin') {
    const staticDir = join(dataDir, 'app');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
    const product = await startProduct({ dataDir: join(dataDir, 'db'), staticDir });
    const { standin } = product;
    ready = { url: product.url, standinUrl: standin.url, operatorToken: standin.operatorToken, orgID: standin.orgID };
    close = () => product.close();
  } else {
    const standinUrl = process.env.STANDIN_URL!;
    const serverToken = process.env.BENCH_SERVER_TOKEN!;
    const server =
      role === 'proxy'
        ? await startAppServer({
            mode: 'influx',
            upstreamUrl: standinUrl,
            serverToken,
            org: null,
            port: 0,
            staticDir: join(dataDir, 'app'),
          })
        : await startRawForwarder(standinUrl, serverToken);
    ready = { url: server.url, standinUrl, operatorToken: '', orgID: '' };
    close = () => server.close();
  }
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  for await (const _question of createInterface({ input: process.stdin })) {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${user + system}\n`);
  }
  await close();
}

/**
 * The least a Node forwarder can do: node:http in, a keep-alive http.Agent out, the token added, headers and body
 * passed through. No gates, no header rules, no timeouts: not something to run, only the floor for our proxy.
 */
async function startRawForwarder(
  upstream: string,
  serverToken: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, host: target.host, authorization: `Token ${serverToken}` };
    const out = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const serveAt = process.argv.indexOf('--serve');
  if (serveAt !== -1) {
    await serveForParent(process.argv[serveAt + 1] as Role, process.argv[serveAt + 2]!);
  } else {
    const flag = (name: string) => {
      const at = process.argv.indexOf(`--${name}`);
      return at === -1 ? undefined : Number(process.argv[at + 1]);
    };
    const runs = flag('runs') ?? 1;
    for (let run = 1; run <= runs; run++) {
      const result = await measureProxyOverhead({
        requests: flag('requests'),
        concurrency: flag('concurrency'),
        listSize: flag('list-size'),
      });
      console.log(
        `Proxy overhead${runs > 1 ? ` (run ${run} of ${runs})` : ''}: ${result.requests} requests per target, ${result.concurrency} in flight, loopback\n`,
      );
      console.log(formatOverheadTable(result));
      console.log();
    }
  }
}
