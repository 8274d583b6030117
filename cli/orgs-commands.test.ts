// Two orgs on one instance (the stand-in's my-org and second-org): `auth list --all-orgs` for auditing the whole
// instance, and the commands that need one org. The real CLI process against a real stand-in, as
// auth-commands.test.ts runs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startStandin, type RunningStandin } from '../server/standin/start';
import type { PrintedToken } from './auth-output';
import { runCli } from './program';
import { runCliProcess, type CliRun } from './run-cli-process';
import { memoryIo } from './test-support/memory-io';
import { TABLE_COLUMNS } from './test-support/table-columns';

vi.setConfig({ testTimeout: 60_000 });

let dir: string;
let standin: RunningStandin;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'influx-tokens-orgs-'));
  standin = await startStandin({ dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1', log: () => {} });
});

afterEach(async () => {
  await standin.close();
  rmSync(dir, { recursive: true, force: true });
});

async function auth(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const run = await runCliProcess(['auth', ...args], {
    HOME: join(dir, 'home'),
    INFLUX_HOST: standin.url,
    INFLUX_TOKEN: standin.operatorToken,
    ...env,
  });
  expect(run.stdout + run.stderr, 'output shows the token used for auth').not.toContain(standin.operatorToken);
  return run;
}

async function listJson(args: string[], env: Record<string, string> = {}): Promise<PrintedToken[]> {
  const run = await auth(['list', '--json', ...args], env);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as PrintedToken[];
}

/** One column of a table, read by the header's position (cells are padded to the column's width). */
function column(stdout: string, name: string): string[] {
  const [header, ...rows] = stdout.trimEnd().split('\n');
  const start = header!.startsWith(`${name}  `) ? 0 : header!.indexOf(`  ${name}  `) + 2;
  const next = /\s{2,}(?=\S)/g;
  next.lastIndex = start + name.length;
  const gap = next.exec(header!)!;
  return rows.map((row) => row.slice(start, gap.index + gap[0].length).trim());
}

describe('auth list --all-orgs', () => {
  it("lists every org's tokens grouped by org, with an Org column and InfluxDB's orgID and org in JSON", async () => {
    // Made after second-org's tokens: grouped by org, it is listed with my-org's all the same.
    const late = await auth(['create', '--org', 'my-org', '--read-buckets', '-d', 'late', '--json']);
    expect(late.code, late.stderr).toBe(0);
    const myOrg = await listJson(['--org', 'my-org']);
    expect(myOrg.at(-1)!.id).toBe((JSON.parse(late.stdout) as PrintedToken).id);
    const secondOrg = await listJson(['--org', 'second-org']);
    expect(myOrg.length).toBeGreaterThanOrEqual(7);
    expect(secondOrg.length).toBeGreaterThanOrEqual(4);

    const all = await listJson(['--all-orgs']);
    expect(all.map((t) => t.id)).toEqual([...myOrg, ...secondOrg].map((t) => t.id));
    for (const token of all) {
      expect(Object.keys(token)).toEqual([
        'id',
        'description',
        'token',
        'status',
        'userName',
        'userID',
        'orgID',
        'org',
        'permissions',
      ]);
    }
    expect(all.slice(0, myOrg.length).every((t) => t.org === 'my-org' && t.orgID === standin.orgID)).toBe(true);
    const second = all.slice(myOrg.length);
    expect(second.every((t) => t.org === 'second-org' && /^[0-9a-f]{16}$/.test(t.orgID!))).toBe(true);
    expect(new Set(second.map((t) => t.orgID)).size).toBe(1);
    expect(second[0]!.orgID).not.toBe(standin.orgID);

    const table = await auth(['list', '--all-orgs']);
    expect(table.code, table.stderr).toBe(0);
    const header = table.stdout.split('\n')[0]!.split(/\s{2,}/);
    expect(header).toEqual([...TABLE_COLUMNS.slice(0, -1), 'Org', 'Permissions']);
    expect(column(table.stdout, 'Org')).toEqual(all.map((t) => t.org));
    expect(column(table.stdout, 'ID')).toEqual(all.map((t) => t.id));
  });

  it('ignores the default org (INFLUX_ORG), which a plain list keeps to', async () => {
    const env = { INFLUX_ORG: 'my-org' };
    const scoped = await listJson([], env);
    expect(new Set(scoped.map((t) => t.userName))).not.toContain('user3');
    expect(scoped[0]).not.toHaveProperty('org');
    const all = await listJson(['--all-orgs'], env);
    expect(new Set(all.map((t) => t.org))).toEqual(new Set(['my-org', 'second-org']));
    expect(all.filter((t) => t.org === 'my-org').map((t) => t.id)).toEqual(scoped.map((t) => t.id));
  });

  it('keeps the other filters: one user, one status', async () => {
    const paused = await listJson(['--all-orgs', '--user', 'user3', '--status', 'inactive']);
    expect(paused.map((t) => [t.userName, t.org, t.status, t.description])).toEqual([
      ['user3', 'second-org', 'inactive', 'read/write sensors (paused)'],
    ]);
    const one = await auth(['list', '--all-orgs', '--id', paused[0]!.id, '--json']);
    expect(JSON.parse(one.stdout)).toEqual(paused[0]);
  });

  it('refuses --org and --org-id beside it (exit 2), before sending anything', async () => {
    // A host nothing listens on: reaching for it would fail otherwise, with exit 1.
    const offline = { INFLUX_HOST: 'http://127.0.0.1:9' };
    for (const flags of [
      ['--org', 'my-org'],
      ['--org-id', standin.orgID],
    ]) {
      const run = await auth(['list', '--all-orgs', ...flags], offline);
      expect(run.code, flags.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('Error: --all-orgs lists every org: do not combine it with --org or --org-id\n');
    }
  });

  it('is in --help', async () => {
    const { io, stdout } = memoryIo();
    expect(await runCli(['auth', 'list', '--help'], io)).toBe(0);
    expect(stdout()).toMatch(/--all-orgs\s+every org's tokens/);
  });
});

describe('commands that act in one org', () => {
  it('ask which org when several are visible and none is named, and create nothing', async () => {
    const before = await listJson(['--all-orgs']);
    const run = await auth(['create', '--read-buckets']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'Error: which org? 2 orgs are visible: pass --org NAME or --org-id ID, or set INFLUX_ORG\n',
    );
    expect(await listJson(['--all-orgs'])).toEqual(before);

    const inSecond = await auth(['create', '--org', 'second-org', '--read-buckets', '--json']);
    expect(inSecond.code, inSecond.stderr).toBe(0);
    const created = JSON.parse(inSecond.stdout) as PrintedToken;
    const listed = await listJson(['--org', 'second-org']);
    expect(listed.map((t) => t.id)).toContain(created.id);
  });
});
