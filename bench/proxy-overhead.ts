// What the proxy costs: the same requests, side by side in one run, sent straight to the stand-in and through the
// app server in front of it. Bounded (default 2000 requests per target and scenario, 10 in flight), loopback only.
// Run: npx tsx bench/proxy-overhead.ts [--requests 2000] [--concurrency 10] [--list-size 100]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { tableLines } from '../core/text-table';
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
  /** CPU time the product process (stand-in, plus the proxy when proxied) spent per request: steadier than req/s on a busy machine. */
  serverCpuUsPerRequest: number;
}

export interface ScenarioResult {
  name: string;
  path: string;
  direct: LoadStats;
  proxied: LoadStats;
  /** proxied / direct requests per second (1 = free). */
  throughputRatio: number;
  addedP50Ms: number;
  addedP99Ms: number;
  /** The proxy's own CPU cost per request, in microseconds. */
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

export async function measureProxyOverhead(options: ProxyOverheadOptions = {}): Promise<ProxyOverheadResult> {
  const requests = options.requests ?? 2000;
  const concurrency = options.concurrency ?? 10;
  const listSize = options.listSize ?? 100;
  const warmup = options.warmup ?? 200;
  const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-bench-'));
  // The product runs in its own process, as with `npm start` (stand-in and proxy share it); the load comes from this one.
  const product = await serveInChild(dataDir);
  const direct = new Pool(product.standinUrl, { connections: concurrency });
  const proxied = new Pool(product.url, { connections: concurrency });
  const operator = { authorization: `Token ${product.operatorToken}` };
  const nginxBinary = options.nginx === false ? undefined : findNginx();
  let nginxSkipped: string | undefined = options.nginx === false ? 'switched off' : nginxBinary ? undefined : 'nginx is not installed';
  let nginx: RunningNginx | undefined;
  let viaNginx: Pool | undefined;
  try {
    if (nginxBinary) {
      try {
        nginx = await startNginx(nginxBinary, product.standinUrl);
        viaNginx = new Pool(nginx.url, { connections: concurrency });
      } catch (error) {
        nginxSkipped = `${nginxBinary} would not start: ${(error as Error).message}`;
      }
    }
    const listed = await seedList(direct, operator, product.orgID, listSize);
    const scenarios = [
      { name: 'get one token', path: `/api/v2/authorizations/${listed.firstID}` },
      { name: `list ${listed.count} tokens`, path: listed.listPath },
    ];
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      // Direct requests carry the operator token; proxied ones carry none and get the server token, as the app's do.
      await load(direct, scenario.path, operator, warmup, concurrency);
      await load(proxied, scenario.path, {}, warmup, concurrency);
      if (viaNginx) await load(viaNginx, scenario.path, operator, warmup, concurrency);
      // Alternate in rounds so drift (other processes, GC, JIT) falls on both sides alike.
      const straightRounds: Sample[] = [];
      const throughRounds: Sample[] = [];
      const nginxRounds: Sample[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const share = Math.floor(requests / ROUNDS) + (round < requests % ROUNDS ? 1 : 0);
        straightRounds.push(await measured(product, () => load(direct, scenario.path, operator, share, concurrency)));
        throughRounds.push(await measured(product, () => load(proxied, scenario.path, {}, share, concurrency)));
        const nginxPool = viaNginx;
        if (nginxPool) nginxRounds.push(await measured(product, () => load(nginxPool, scenario.path, operator, share, concurrency)));
      }
      const straight = statsOf(straightRounds);
      const through = statsOf(throughRounds);
      results.push({
        ...scenario,
        direct: straight,
        proxied: through,
        throughputRatio: through.requestsPerSecond / straight.requestsPerSecond,
        addedP50Ms: through.p50Ms - straight.p50Ms,
        addedP99Ms: through.p99Ms - straight.p99Ms,
        addedCpuUsPerRequest: through.serverCpuUsPerRequest - straight.serverCpuUsPerRequest,
        ...(viaNginx ? { nginx: statsOf(nginxRounds) } : {}),
      });
    }
    return { requests, concurrency, listSize, scenarios: results, ...(nginxSkipped ? { nginxSkipped } : {}) };
  } finally {
    await direct.close();
    await proxied.close();
    await viaNginx?.close();
    await nginx?.close();
    await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Adds tokens owned by the operator's user (admin) until it owns `size`, and returns how to list them. */
async function seedList(pool: Pool, auth: Record<string, string>, orgID: string, size: number) {
  const me = await json<{ id: string; name: string }>(pool, 'GET', '/api/v2/me', auth);
  const listPath = `/api/v2/authorizations?userID=${me.id}`;
  const existing = (await json<{ authorizations: Array<{ id: string }> }>(pool, 'GET', listPath, auth)).authorizations.length;
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

async function json<T>(pool: Pool, method: 'GET' | 'POST', path: string, auth: Record<string, string>, body?: unknown): Promise<T> {
  const headers = body === undefined ? auth : { ...auth, 'content-type': 'application/json' };
  const response = await pool.request({ method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.body.text();
  if (response.statusCode >= 300) throw new Error(`bench setup: ${method} ${path} answered ${response.statusCode}: ${text}`);
  return JSON.parse(text) as T;
}

const ROUNDS = 4;

interface Sample {
  latencies: number[];
  errors: number;
  seconds: number;
  serverCpuUs?: number;
}

async function measured(product: ChildProduct, run: () => Promise<Sample>): Promise<Sample> {
  const before = await product.cpuUs();
  const sample = await run();
  return { ...sample, serverCpuUs: (await product.cpuUs()) - before };
}

/** An autocannon-style closed loop: `concurrency` workers, each sending its next request when the last one is read. */
async function load(pool: Pool, path: string, headers: Record<string, string>, total: number, concurrency: number): Promise<Sample> {
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
  return {
    requests: latencies.length,
    errors: samples.reduce((sum, sample) => sum + sample.errors, 0),
    requestsPerSecond: latencies.length / seconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    serverCpuUsPerRequest: samples.reduce((sum, sample) => sum + (sample.serverCpuUs ?? 0), 0) / latencies.length,
  };
}

const signed = (value: number, digits = 2) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;

export function formatOverheadTable(result: ProxyOverheadResult): string {
  const rows = [['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'errors']];
  for (const s of result.scenarios) {
    const targets: Array<[string, LoadStats]> = [['direct', s.direct], ['proxy (ours)', s.proxied]];
    if (s.nginx) targets.push(['nginx', s.nginx]);
    for (const [target, stats] of targets) {
      rows.push([
        s.name,
        target,
        stats.requestsPerSecond.toFixed(0),
        stats.p50Ms.toFixed(2),
        stats.p99Ms.toFixed(2),
        stats.serverCpuUsPerRequest.toFixed(0),
        String(stats.errors),
      ]);
    }
    rows.push([s.name, 'ours/direct', `x${s.throughputRatio.toFixed(2)}`, signed(s.addedP50Ms), signed(s.addedP99Ms), signed(s.addedCpuUsPerRequest, 0), '']);
    if (s.nginx) {
      const n = s.nginx;
      rows.push([s.name, 'nginx/direct', `x${(n.requestsPerSecond / s.direct.requestsPerSecond).toFixed(2)}`, signed(n.p50Ms - s.direct.p50Ms), signed(n.p99Ms - s.direct.p99Ms), '', '']);
    }
  }
  const table = tableLines(rows, { rightAlignFrom: 2 }).join('\n');
  return result.nginxSkipped ? `${table}\n(no nginx reference row: ${result.nginxSkipped})` : table;
}

interface ChildProduct {
  url: string;
  standinUrl: string;
  operatorToken: string;
  orgID: string;
  /** The product process's CPU time so far (user + system), in microseconds. */
  cpuUs(): Promise<number>;
  stop(): Promise<void>;
}

async function serveInChild(dataDir: string): Promise<ChildProduct> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  // One JSON line per question, in order: first "ready", then one per "cpu" request.
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const next = await Promise.race([
      lines.next(),
      exited.then(() => {
        throw new Error('bench: the product process exited unexpectedly');
      }),
    ]);
    if (next.done) throw new Error('bench: the product process closed its output');
    return next.value;
  };
  const ready = JSON.parse(await nextLine()) as Omit<ChildProduct, 'stop' | 'cpuUs'>;
  return {
    ...ready,
    async cpuUs() {
      child.stdin!.write('cpu\n');
      return Number(await nextLine());
    },
    async stop() {
      child.stdin!.end(); // the child stops when its stdin closes
      await exited;
    },
  };
}

/** Child side: start the product on free ports, report where, stop when the parent closes stdin. */
async function serveForParent(dataDir: string): Promise<void> {
  const staticDir = join(dataDir, 'app');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  const product = await startProduct({ dataDir: join(dataDir, 'db'), staticDir });
  const { url, standin } = product;
  process.stdout.write(`${JSON.stringify({ url, standinUrl: standin.url, operatorToken: standin.operatorToken, orgID: standin.orgID })}\n`);
  for await (const _question of createInterface({ input: process.stdin })) {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${user + system}\n`);
  }
  await product.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const serveAt = process.argv.indexOf('--serve');
  if (serveAt !== -1) {
    await serveForParent(process.argv[serveAt + 1]!);
  } else {
    const flag = (name: string) => {
      const at = process.argv.indexOf(`--${name}`);
      return at === -1 ? undefined : Number(process.argv[at + 1]);
    };
    const result = await measureProxyOverhead({ requests: flag('requests'), concurrency: flag('concurrency'), listSize: flag('list-size') });
    console.log(`Proxy overhead: ${result.requests} requests per target, ${result.concurrency} in flight, loopback\n`);
    console.log(formatOverheadTable(result));
  }
}
