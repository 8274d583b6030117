// `influx-tokens audit` against a fake console on a loopback port, and against a real stand-in (a plain InfluxDB).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../core/governance';
import { startStandin } from '../server/standin/start';
import { NOT_THE_CONSOLE } from './commands/audit';
import { runCli } from './program';
import { runCliProcess } from './run-cli-process';
import { CONSOLE_ORG, CONSOLE_TOKEN, startFakeConsole, type FakeConsole } from './test-support/fake-console';
import { memoryIo } from './test-support/memory-io';

vi.setConfig({ testTimeout: 60_000 });

const CI = 'a000000000000c01';
const WEB = 'a000000000000c02';
const DAY = 86_400_000;

function entry(seq: number, daysAgo: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    at: new Date(Date.now() - daysAgo * DAY).toISOString(),
    orgID: CONSOLE_ORG.id,
    tokenID: CI,
    description: 'ci deploy',
    action: 'deactivate',
    before: { status: 'active' },
    after: { status: 'inactive' },
    actor: { kind: 'server-token', tokenID: 'a000000000000a01', description: "admin's Token", user: 'admin' },
    via: 'page',
    ...overrides,
  };
}

const TRAIL = [
  entry(1, 30, { tokenID: WEB, description: 'web reader', action: 'create', before: undefined, after: undefined }),
  entry(2, 10, { action: 'rename', before: { description: 'ci' }, after: { description: 'ci deploy' }, via: 'api' }),
  entry(3, 2, { actor: { kind: 'pasted-token', tokenID: 'a000000000000b07', user: 'bob', person: 'Bob Smith' } }),
  entry(4, 1, { tokenID: WEB, description: 'web reader', action: 'expiry-fired', via: 'scheduled', note: 'caught up' }),
  entry(5, 0.1, { action: 'activate', before: { status: 'inactive' }, after: { status: 'active' } }),
];

let fake: FakeConsole | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** `influx-tokens audit ...` in this process, at the fake console with its token. */
async function audit(...args: string[]) {
  fake ??= await startFakeConsole(TRAIL);
  const memory = memoryIo({ env: { INFLUX_HOST: fake.url, INFLUX_TOKEN: CONSOLE_TOKEN } });
  const code = await runCli(['audit', ...args], memory.io);
  return { code, stdout: memory.stdout(), stderr: memory.stderr(), asked: fake.asked };
}

const activityRequests = (asked: URL[]) => asked.filter((url) => url.pathname === '/api/app/activity');

describe('influx-tokens audit', () => {
  it('prints every page of the org trail, newest first, as a table', async () => {
    const run = await audit();
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual([
      'Time',
      'Token ID',
      'Description',
      'Action',
      'Before → After',
      'Who',
      'Via',
    ]);
    expect(rows.map((row) => row.split(/\s{2,}/).slice(1, 4))).toEqual([
      [CI, 'ci deploy', 'activate'],
      [WEB, 'web reader', 'expiry-fired'],
      [CI, 'ci deploy', 'deactivate'],
      [CI, 'ci deploy', 'rename'],
      [WEB, 'web reader', 'create'],
    ]);
    expect(rows[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\S+Z\s+/);
    expect(rows[0]?.split(/\s{2,}/).slice(4)).toEqual(['status: inactive → active', "admin (admin's Token)", 'page']);
    expect(rows[1]).toMatch(/\s{2}scheduled \(caught up\)$/);
    expect(rows[2]?.split(/\s{2,}/).at(-2)).toBe('Bob Smith');
    expect(rows[3]?.split(/\s{2,}/).slice(4)).toEqual(['description: ci → ci deploy', "admin (admin's Token)", 'api']);
    const requests = activityRequests(run.asked);
    expect(requests.map((url) => url.searchParams.get('before'))).toEqual([null, '4', '2']);
    expect(requests.every((url) => url.searchParams.get('orgID') === CONSOLE_ORG.id)).toBe(true);
  });

  it('prints JSON Lines with --json: each entry as the server sent it', async () => {
    const run = await audit('--json');
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([...TRAIL].reverse());
  });

  it('asks for one token and a time window', async () => {
    const run = await audit('--token-id', CI, '--since', '7d', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as AuditEntry).seq),
    ).toEqual([5, 3]);
    const [first] = activityRequests(run.asked);
    expect(first?.searchParams.get('tokenID')).toBe(CI);
    const since = Date.parse(first?.searchParams.get('since') ?? '');
    expect(Math.abs(Date.now() - 7 * DAY - since)).toBeLessThan(60_000);

    const dated = await audit('--since', new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10), '--json');
    expect(
      dated.stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as AuditEntry).seq),
    ).toEqual([5, 4, 3]);
  });

  it('says so when nothing matches', async () => {
    const run = await audit('--since', '30m');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('No audit entries found.\n');
  });

  it('refuses a bad --since or --token-id with exit code 2, before sending anything', async () => {
    for (const [value, message] of [
      ['7 days', 'is neither a duration (30m, 24h, 7d, 2w) nor a date'],
      ['3y', 'is neither a duration'],
      ['2024-13-45', 'is neither a duration'],
      ['0d', 'is no time at all'],
      ['2999-01-01', 'is in the future'],
    ] as const) {
      const run = await audit('--since', value);
      expect(run.code, value).toBe(2);
      expect(run.stderr).toContain(`Error: --since "${value}" ${message}`);
    }
    const badId = await audit('--token-id', 'not-an-id');
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('Error: invalid ID "not-an-id" for --token-id');
    expect(fake?.asked).toEqual([]);
  });

  it('runs as the installed command does', async () => {
    fake = await startFakeConsole(TRAIL);
    const run = await runCliProcess(['audit', '--json', '--org', 'my-org'], {
      HOME: tmpdir(),
      INFLUX_HOST: fake.url,
      INFLUX_TOKEN: CONSOLE_TOKEN,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(TRAIL.length);
    expect(run.stdout).not.toContain(CONSOLE_TOKEN);
  });
});

describe('influx-tokens audit against a plain InfluxDB', () => {
  it('exits 1 and says where the trail is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'influx-tokens-audit-'));
    const standin = await startStandin({ dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1', log: () => {} });
    try {
      const memory = memoryIo({ env: { INFLUX_HOST: standin.url, INFLUX_TOKEN: standin.operatorToken } });
      expect(await runCli(['audit', '--org', 'my-org'], memory.io)).toBe(1);
      expect(memory.stderr()).toBe(`Error: ${NOT_THE_CONSOLE}\n`);
      expect(memory.stdout()).toBe('');
    } finally {
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
