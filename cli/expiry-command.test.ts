// `influx-tokens expiry` against the product (app server in front of the stand-in), as a script would use it: the
// expiry is set, shown, given a deletion and cleared, each in the console's trail as made through its API; a wrong
// command line or a date the server refuses says why and changes nothing; a plain InfluxDB says where to point.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityPage, Expiry } from '../core/governance';
import type { Authorization } from '../core/influx-types';
import { startProduct, type RunningProduct } from '../server/app/start';
import { call } from '../server/test-support/http-call';
import { makeTempApp, type TempApp } from '../server/test-support/temp-app';
import { NOT_THE_CONSOLE } from './commands/audit';
import { EXIT_USAGE } from './errors';
import { runCli } from './program';
import { memoryIo } from './test-support/memory-io';

vi.setConfig({ testTimeout: 60_000 });

let dir: string;
let tempApp: TempApp;
let product: RunningProduct;
let token: Authorization;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'token-manager-cli-expiry-'));
  tempApp = makeTempApp();
  product = await startProduct({ dataDir: dir, staticDir: tempApp.dir });
  const list = (await call(product.url, '/api/v2/authorizations')).json<{ authorizations: Authorization[] }>();
  token = list.authorizations.find((t) => t.description !== "admin's Token" && t.status === 'active')!;
});
afterEach(async () => {
  await product.close();
  tempApp.remove();
  rmSync(dir, { recursive: true, force: true });
});

async function expiry(...args: string[]) {
  const memory = memoryIo({ env: { INFLUX_HOST: product.url, INFLUX_TOKEN: product.standin.operatorToken } });
  const code = await runCli(['expiry', '--id', token.id, ...args], memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

async function trail() {
  const answer = await call(product.url, `/api/app/activity?orgID=${token.orgID}&tokenID=${token.id}`);
  return answer.json<ActivityPage>().entries;
}

describe('influx-tokens expiry', () => {
  it('sets, shows, plans a deletion and clears, each recorded as made through the API', async () => {
    expect((await expiry()).stdout).toBe(`Token ${token.id} never expires.\n`);

    const set = await expiry('--in', '7d', '--json');
    expect(set.code, set.stderr).toBe(0);
    const saved = JSON.parse(set.stdout) as Expiry;
    expect(saved.state).toBe('scheduled');
    expect(Math.abs(Date.parse(saved.expiresAt) - Date.now() - 7 * 86_400_000)).toBeLessThan(60_000);
    expect((await expiry()).stdout).toBe(
      `Token ${token.id} expires at ${saved.expiresAt} (switched off by the console then).\n`,
    );

    const withDeletion = await expiry('--at', '2030-01-01T00:00:00Z', '--delete-after', '2w');
    expect(withDeletion.code, withDeletion.stderr).toBe(0);
    expect(withDeletion.stdout).toBe(
      `Token ${token.id} expires at 2030-01-01T00:00:00.000Z (switched off by the console then); deleted at 2030-01-15T00:00:00.000Z if still inactive then.\n`,
    );

    const cleared = await expiry('--never');
    expect([cleared.code, cleared.stdout]).toEqual([0, `Token ${token.id} never expires.\n`]);
    expect((await trail()).map((e) => [e.action, e.via, e.after])).toEqual([
      ['expiry-cleared', 'api', { expiry: 'never', deletion: 'never' }],
      ['expiry-changed', 'api', { expiry: '2030-01-01T00:00:00.000Z', deletion: '2030-01-15T00:00:00.000Z' }],
      ['expiry-set', 'api', { expiry: saved.expiresAt }],
    ]);
  });

  it('plans a deletion alone for a token already switched off', async () => {
    await call(product.url, `/api/v2/authorizations/${token.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'inactive' }),
    });
    const run = await expiry('--delete-after', '7d');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Token ${token.id} has no expiry \\(it was already switched off\\); deleted at \\S+Z if still inactive then\\.\\n$`,
      ),
    );
  });

  it('refuses a wrong command line before sending anything', async () => {
    const cases: Array<[string[], string]> = [
      [['--in', '3 weeks'], '--in "3 weeks" is not a duration: write 30m, 24h, 7d or 2w'],
      [['--in', '7d', '--never'], '--in and --never cannot be combined: choose one'],
      [['--never', '--delete-after', '7d'], '--delete-after cannot go with it'],
      [['--at', 'next tuesday'], '--at "next tuesday" is not a date and time'],
    ];
    for (const [args, message] of cases) {
      const run = await expiry(...args);
      expect(run.code, args.join(' ')).toBe(EXIT_USAGE);
      expect(run.stderr).toContain(message);
    }
    expect(await trail()).toEqual([]);
  });

  it("passes on the server's refusal of a date, and changes nothing", async () => {
    const past = await expiry('--at', '2020-01-01T00:00:00Z');
    expect(past.code).toBe(1);
    expect(past.stderr).toContain('expiresAt 2020-01-01T00:00:00.000Z is in the past');
    const active = await expiry('--delete-after', '7d');
    expect(active.code).toBe(1);
    expect(active.stderr).toContain('This token is active: a deletion needs a deactivation before it');
    expect(await trail()).toEqual([]);
  });

  it('says where to point it when the host is a plain InfluxDB', async () => {
    const memory = memoryIo({
      env: { INFLUX_HOST: product.standin.url, INFLUX_TOKEN: product.standin.operatorToken },
    });
    const code = await runCli(['expiry', '--id', token.id, '--in', '7d'], memory.io);
    expect(code).toBe(1);
    expect(memory.stderr()).toContain(NOT_THE_CONSOLE);
  });
});
