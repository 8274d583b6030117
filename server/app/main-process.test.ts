// `npm start`'s server as a real process: its one start-up line, its refusals, its shutdown, and what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../test-support/http-call';
import { startFakeUpstream, type FakeUpstream } from '../test-support/fake-upstream';
import { makeTempApp, type TempApp } from '../test-support/temp-app';

const mainScript = fileURLToPath(new URL('../main.ts', import.meta.url));
const START_LINE = /^InfluxDB Token Manager at (http:\/\/127\.0\.0\.1:\d+) /m;

interface Run {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

let dir: string;
let tempApp: TempApp;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'token-manager-main-'));
  tempApp = makeTempApp();
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  tempApp.remove();
  rmSync(dir, { recursive: true, force: true });
});

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      PORT: '0',
      STANDIN_PORT: '0',
      DATA_DIR: join(dir, 'data'),
      STATIC_DIR: tempApp.dir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => text, exited };
}

async function started(server: Run): Promise<string> {
  for (let waited = 0; waited < 15_000; waited += 50) {
    const match = START_LINE.exec(server.output());
    if (match) return match[1]!;
    if (server.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server did not start:\n${server.output()}`);
}

describe('npm start (server/main.ts)', () => {
  it('starts the stand-in, serves the app and the proxy, prints one line, and stops cleanly on SIGTERM', async () => {
    const first = run({});
    const url = await started(first);
    expect(first.output()).toMatch(
      /at http:\/\/127\.0\.0\.1:\d+ on the local stand-in at http:\/\/127\.0\.0\.1:\d+ \(org my-org/,
    );
    expect((await call(url, '/api/app/config')).json()).toMatchObject({
      mode: 'standin',
      org: 'my-org',
      needsToken: false,
    });
    expect((await call(url, '/tokens/0a1b2c3d4e5f6a7b')).text).toBe(tempApp.indexHtml);
    expect((await call(url, '/api/v2/authorizations?user=user2')).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // The stand-in prints its operator token once, on the very first start, as documented; nothing else ever does.
    const token = readFileSync(join(dir, 'data', 'operator-token'), 'utf8').trim();
    expect(first.output().split(token).length - 1).toBeLessThanOrEqual(1);
    expect(START_LINE.exec(first.output())![0]).not.toContain(token);
    const second = run({});
    await started(second);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(second.output()).not.toContain(token);
  });

  it('says clearly when STANDIN_PORT is busy, and how to proceed', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      const server = run({ STANDIN_PORT: String(port) });
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(`Cannot start: Port ${port} on 127.0.0.1 is busy`);
      expect(server.output()).toMatch(/INFLUX_HOST=http:\/\/localhost:\d+.*STANDIN_PORT=0/);
    } finally {
      blocker.close();
    }
  });

  it('refuses HOST=0.0.0.0 while holding the operator token, naming ALLOW_REMOTE', async () => {
    const server = run({ HOST: '0.0.0.0' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/Cannot start: Refusing to listen on HOST=0\.0\.0\.0.*ALLOW_REMOTE=1/);
  });

  describe('with a real InfluxDB', () => {
    let upstream: FakeUpstream;
    beforeEach(async () => {
      upstream = await startFakeUpstream();
    });
    afterEach(() => upstream.close());

    it('takes host, token and org from the influx CLI config named by INFLUX_ACTIVE_CONFIG', async () => {
      const configs = join(dir, 'configs');
      const secret = 'cli-config-token-7f3a9c1e5b2d8f4a6c0e';
      writeFileSync(
        configs,
        `[other]\n  url = "http://127.0.0.1:1"\n\n[lab]\n  url = "${upstream.url}"\n  token = "${secret}"\n  org = "lab-org"\n  active = true\n`,
      );
      const server = run({ INFLUX_ACTIVE_CONFIG: 'lab', INFLUX_CONFIGS_PATH: configs });
      const url = await started(server);
      expect(server.output()).toContain(
        `on InfluxDB at ${upstream.url} (from influx CLI config "lab", org lab-org, server token set)`,
      );
      const config = await call(url, '/api/app/config');
      expect(config.json()).toEqual({
        mode: 'influx',
        upstream: upstream.url,
        org: 'lab-org',
        needsToken: false,
        connection: 'lab',
        connections: [{ name: 'lab', upstream: upstream.url, production: false, org: 'lab-org', needsToken: false }],
      });
      await call(url, '/api/v2/me');
      // The page's request, and the console's own look at the token list (the audit trail's outside check): both
      // with the config's token.
      expect(upstream.received.map((r) => r.url)).toContain('/api/v2/me');
      expect(new Set(upstream.received.map((r) => r.headers.authorization))).toEqual(new Set([`Token ${secret}`]));
      await upstream.close();
      expect((await call(url, '/api/v2/me')).status).toBe(502);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('unreachable');
      expect(server.output()).not.toContain(secret);
      expect(config.text).not.toContain(secret);
    });

    it('offers each config INFLUX_CONFIGS names, each with its own token, and says which is production', async () => {
      const prod = await startFakeUpstream();
      try {
        const configs = join(dir, 'configs');
        const [labSecret, prodSecret] = ['lab-token-2c9e4a7f1b3d', 'prod-token-8d1f6b2a9c4e'];
        writeFileSync(
          configs,
          `[lab]\n  url = "${upstream.url}"\n  token = "${labSecret}"\n  org = "lab-org"\n\n` +
            `[prod]\n  url = "${prod.url}"\n  token = "${prodSecret}"\n  org = "acme"\n`,
        );
        const server = run({ INFLUX_CONFIGS: 'lab,prod', INFLUX_PRODUCTION: 'prod', INFLUX_CONFIGS_PATH: configs });
        const url = await started(server);
        expect(server.output()).toContain(`also connection "prod" (production): ${prod.url} at ${url}/c/prod/`);
        const config = await call(url, '/api/app/config');
        expect(config.json()).toMatchObject({
          connection: 'lab',
          connections: [
            { name: 'lab', upstream: upstream.url, production: false, org: 'lab-org' },
            { name: 'prod', upstream: prod.url, production: true, org: 'acme' },
          ],
        });
        expect((await call(url, '/c/prod/api/v2/me')).status).toBe(200);
        expect(prod.received.map((r) => [r.url, r.headers.authorization])).toEqual([
          ['/api/v2/me', `Token ${prodSecret}`],
        ]);
        expect(upstream.received.map((r) => r.headers.authorization)).not.toContain(`Token ${prodSecret}`);
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
        for (const secret of [labSecret, prodSecret]) {
          expect(server.output()).not.toContain(secret);
          expect(config.text).not.toContain(secret);
        }
      } finally {
        await prod.close();
      }
    });
  });
});
