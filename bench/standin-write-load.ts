// Do writes stall reads? The stand-in runs as its own process (as `npm run standin` does), 2,000 seeded tokens.
// Three phases of equal length: 4 readers alone (GET one token), 32 PATCH writers alone, then both together.
// Reported side by side: read p99 alone and beside the writers (the ratio is the figure that matters), and
// write throughput alone and beside the readers.
//
// `tsx bench/standin-write-load.ts [--seconds N] [--root DIR]` runs this row alone; --root measures the
// stand-in of another checkout (e.g. the commit before a change, for before/after figures) with this client.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { round, summarize } from './stats';

export interface WriteLoadFigures {
  seconds: number;
  readers: number;
  writers: number;
  readAlone: ReturnType<typeof summarize> & { perSecond: number };
  readBesideWrites: ReturnType<typeof summarize> & { perSecond: number };
  writeAlone: ReturnType<typeof summarize> & { perSecond: number; errors: number };
  writeBesideReads: ReturnType<typeof summarize> & { perSecond: number; errors: number };
  /** read p99 beside writers over read p99 alone: the target is at most 2. */
  p99Ratio: number;
}

const thisRoot = fileURLToPath(new URL('..', import.meta.url));

function run(root: string, script: string, env: Record<string, string>, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function finished(child: ChildProcess): Promise<void> {
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${child.spawnargs.join(' ')} exited with ${code}: ${output}`);
}

async function listening(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stand-in did not start: ${output}`)), 60_000);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`stand-in exited with ${code}: ${output}`)));
  });
}

interface Loop {
  latencies: number[];
  errors: number;
}

/** `clients` loops each sending `request(client, i)` one after another until the deadline. */
async function loops(
  clients: number,
  deadline: number,
  request: (client: number, i: number) => Promise<boolean>,
): Promise<Loop> {
  const result: Loop = { latencies: [], errors: 0 };
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const sent = performance.now();
        let ok: boolean;
        try {
          ok = await request(client, i);
        } catch {
          ok = false;
        }
        result.latencies.push(performance.now() - sent);
        if (!ok) result.errors++;
      }
    }),
  );
  return result;
}

export async function benchWriteLoad(options: {
  seconds: number;
  root?: string;
  readers?: number;
  writers?: number;
}): Promise<WriteLoadFigures> {
  const root = options.root ?? thisRoot;
  const readers = options.readers ?? 4;
  const writers = options.writers ?? 32;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-write-load-'));
  let standin: ChildProcess | undefined;
  try {
    await finished(run(root, 'server/standin/seed.ts', { DATA_DIR: dataDir }, ['--tokens', '2000', '--users', '20']));
    standin = run(root, 'server/standin/main.ts', { DATA_DIR: dataDir, STANDIN_PORT: '0' });
    const url = await listening(standin);
    const token = readFileSync(path.join(dataDir, 'operator-token'), 'utf8').trim();
    const headers = { authorization: `Token ${token}`, 'content-type': 'application/json' };
    const readPool = new Pool(url, { connections: readers });
    const writePool = new Pool(url, { connections: writers });
    try {
      const list = await readPool.request({ method: 'GET', path: '/api/v2/authorizations', headers });
      const ids = ((await list.body.json()) as { authorizations: { id: string; description: string }[] }).authorizations
        .filter((a) => !a.description.startsWith("admin's"))
        .map((a) => a.id);
      const read = async (client: number, i: number) => {
        const id = ids[(client * 7919 + i) % ids.length]!;
        const response = await readPool.request({ method: 'GET', path: `/api/v2/authorizations/${id}`, headers });
        await response.body.dump();
        return response.statusCode === 200;
      };
      const write = async (client: number, i: number) => {
        const id = ids[(client + i * writers) % ids.length]!;
        const body = JSON.stringify({ description: `patched ${client}-${i}`, status: i % 2 ? 'inactive' : 'active' });
        const response = await writePool.request({
          method: 'PATCH',
          path: `/api/v2/authorizations/${id}`,
          headers,
          body,
        });
        await response.body.dump();
        return response.statusCode === 200;
      };
      const ms = options.seconds * 1000;
      // Warm up both paths briefly so the first phase does not pay for JIT and page cache alone.
      await Promise.all([loops(readers, performance.now() + 300, read), loops(4, performance.now() + 300, write)]);

      const readAloneLoop = await loops(readers, performance.now() + ms, read);
      const writeAloneLoop = await loops(writers, performance.now() + ms, write);
      const deadline = performance.now() + ms;
      const [readBesideLoop, writeBesideLoop] = await Promise.all([
        loops(readers, deadline, read),
        loops(writers, deadline, write),
      ]);

      const figures = (loop: Loop) => ({
        ...summarize(loop.latencies),
        perSecond: loop.latencies.length / options.seconds,
      });
      const readAlone = figures(readAloneLoop);
      const readBesideWrites = figures(readBesideLoop);
      if (readAloneLoop.errors + readBesideLoop.errors > 0)
        throw new Error(`reads failed: ${readAloneLoop.errors + readBesideLoop.errors}`);
      return {
        seconds: options.seconds,
        readers,
        writers,
        readAlone,
        readBesideWrites,
        writeAlone: { ...figures(writeAloneLoop), errors: writeAloneLoop.errors },
        writeBesideReads: { ...figures(writeBesideLoop), errors: writeBesideLoop.errors },
        p99Ratio: readBesideWrites.p99 / readAlone.p99,
      };
    } finally {
      await readPool.close();
      await writePool.close();
    }
  } finally {
    if (standin && standin.exitCode === null) {
      const exited = new Promise((resolve) => standin!.once('exit', resolve));
      standin.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The table rows run.ts prints. */
export function writeLoadRows(f: WriteLoadFigures): string[][] {
  const ms = (v: number) => `${round(v, 1)} ms`;
  return [
    [
      'reads',
      'alone p50',
      'alone p99',
      'beside writes p50',
      'beside writes p99',
      'p99 ratio',
      'reads/s alone',
      'reads/s beside',
      'writes/s alone',
      'writes/s beside',
      'write p99 beside',
    ],
    [
      `${f.readers} vs ${f.writers} PATCH`,
      ms(f.readAlone.p50),
      ms(f.readAlone.p99),
      ms(f.readBesideWrites.p50),
      ms(f.readBesideWrites.p99),
      `x${round(f.p99Ratio, 2)}`,
      String(round(f.readAlone.perSecond, 0)),
      String(round(f.readBesideWrites.perSecond, 0)),
      String(round(f.writeAlone.perSecond, 0)),
      String(round(f.writeBesideReads.perSecond, 0)),
      ms(f.writeBesideReads.p99),
    ],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { seconds: { type: 'string' }, root: { type: 'string' } } });
  const f = await benchWriteLoad({
    seconds: Number(values.seconds ?? 5),
    ...(values.root !== undefined && { root: path.resolve(values.root) }),
  });
  for (const row of writeLoadRows(f)) console.log(row.join('\t'));
  console.log(JSON.stringify(f));
}
