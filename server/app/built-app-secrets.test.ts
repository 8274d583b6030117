// The built app never carries a server token. The app is built here, with a token present everywhere a build
// could pick one up (INFLUX_TOKEN, a VITE_-prefixed copy, the operator-token file of the DATA_DIR in use), and
// every file it writes is scanned for it. A control build that does leak (an entry that reads import.meta.env)
// shows the scan finds a token when one is there.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Shaped like a real token (64 random bytes, base64url, as InfluxDB and the stand-in make them). */
const TOKEN = `${randomBytes(64).toString('base64url')}==`;
const PLANTED_ENV = { INFLUX_TOKEN: TOKEN, VITE_INFLUX_TOKEN: TOKEN, VITE_TOKEN: TOKEN };

let work: string;
const saved: Record<string, string | undefined> = {};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'token-manager-built-app-'));
  const dataDir = join(work, 'data');
  mkdirSync(dataDir);
  writeFileSync(join(dataDir, 'operator-token'), `${TOKEN}\n`);
  for (const [name, value] of Object.entries({ ...PLANTED_ENV, DATA_DIR: dataDir })) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(work, { recursive: true, force: true });
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every built file that contains the token. */
function filesWithToken(outDir: string): string[] {
  const files = filesUnder(outDir);
  expect(files.length).toBeGreaterThan(0);
  return files
    .filter((file) => readFileSync(file, 'latin1').includes(TOKEN))
    .map((file) => file.slice(outDir.length + 1));
}

describe('the built app', () => {
  it('contains no server token, even with one in the environment and the data folder at build time', async () => {
    const outDir = join(work, 'dist');
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    expect(filesUnder(outDir).some((file) => file.endsWith('.js'))).toBe(true);
    expect(filesWithToken(outDir)).toEqual([]);
  }, 120_000);

  it('control: a build that reads import.meta.env carries the token, and the scan finds it', async () => {
    const entry = join(work, 'leaky', 'index.html');
    mkdirSync(join(work, 'leaky'));
    writeFileSync(entry, '<!doctype html><script type="module" src="./leak.js"></script>\n');
    writeFileSync(join(work, 'leaky', 'leak.js'), 'console.log(JSON.stringify(import.meta.env));\n');
    const outDir = join(work, 'leaky-dist');
    await build({
      root: join(work, 'leaky'),
      configFile: false,
      envDir: ROOT,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    expect(filesWithToken(outDir)).toEqual([expect.stringMatching(/^assets\/.*\.js$/)]);
  }, 120_000);
});
