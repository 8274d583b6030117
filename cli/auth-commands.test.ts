// The real CLI process against a real stand-in on a free loopback port, with a fresh DATA_DIR per test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startStandin, type RunningStandin } from '../server/standin/start';
import type { PrintedToken } from './auth-output';
import { runCli } from './program';
import { runCliProcess, type CliRun } from './run-cli-process';
import { memoryIo } from './test-support/memory-io';
import { TABLE_COLUMNS } from './test-support/table-columns';

// Each test spawns several CLI processes; on a busy two-core machine that takes a while.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
let standin: RunningStandin;
/** Every token handed to the CLI in a test: none may ever appear in its output. */
let secrets: string[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'influx-tokens-cli-'));
  standin = await startStandin({ dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1', log: () => {} });
  secrets = [standin.operatorToken];
});

afterEach(async () => {
  await standin.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `influx-tokens auth ...` with the operator token from INFLUX_TOKEN unless `env` says otherwise. */
async function auth(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliRun> {
  const run = await runCliProcess(
    ['auth', ...args],
    { HOME: join(dir, 'home'), INFLUX_HOST: standin.url, INFLUX_TOKEN: standin.operatorToken, ...env },
    cwd,
  );
  for (const secret of secrets) {
    expect(run.stdout, 'stdout shows a token used for auth').not.toContain(secret);
    expect(run.stderr, 'stderr shows a token used for auth').not.toContain(secret);
  }
  return run;
}

async function listJson(args: string[] = []): Promise<PrintedToken[]> {
  const run = await auth(['list', '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as PrintedToken[];
}

const dataRows = (stdout: string) => stdout.trimEnd().split('\n').slice(1);

/** A loopback port that nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the documented flow', () => {
  it('lists user2 tokens, deactivates the first by --id, and lists it as inactive', async () => {
    const listed = await auth(['list', '--user', 'user2']);
    expect(listed.code, listed.stderr).toBe(0);
    const [header, ...rows] = listed.stdout.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(TABLE_COLUMNS);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows)
      expect(row).toMatch(/^[0-9a-f]{16}\s.*\suser2\s+[0-9a-f]{16}\s+(active|inactive)\s+\[.*\]$/);

    const before = await listJson(['--user', 'user2']);
    const first = before.find((token) => token.status === 'active');
    expect(first, 'the stand-in seeds an active token for user2').toBeDefined();
    const id = first?.id as string;

    const changed = await auth(['inactive', '--id', id]);
    expect(changed.code, changed.stderr).toBe(0);
    expect(dataRows(changed.stdout)).toHaveLength(1);
    expect(changed.stdout).toMatch(new RegExp(`^${id}\\s.*\\sinactive\\s+\\[`, 'm'));

    const after = await listJson(['--user', 'user2']);
    expect(after.find((token) => token.id === id)?.status).toBe('inactive');
    expect(after.filter((token) => token.id !== id)).toEqual(before.filter((token) => token.id !== id));

    const back = await auth(['active', '--id', id, '--json']);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ id, status: 'active' });
  });
});

describe('bulk status changes', () => {
  it('deactivates every active user2 token with --yes and reports each one', async () => {
    const active = (await listJson(['--user', 'user2', '--status', 'active'])).map((token) => token.id);
    const alreadyInactive = (await listJson(['--user', 'user2', '--status', 'inactive'])).length;
    expect(active.length).toBeGreaterThan(0);

    const run = await auth(['inactive', '--user', 'user2', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).sort()).toEqual(active.map((id) => `${id}  ok`).sort());
    expect(lines.at(-1)).toBe(`${active.length} deactivated, 0 failed`);

    expect(await listJson(['--user', 'user2', '--status', 'active'])).toEqual([]);
    expect(await listJson(['--user', 'user2', '--status', 'inactive'])).toHaveLength(active.length + alreadyInactive);
    // Other users' tokens are untouched.
    expect(
      (await listJson(['--user', 'user1', '--status', 'active'])).length +
        (await listJson(['--user', 'admin', '--status', 'active'])).length,
    ).toBeGreaterThan(0);

    const again = await auth(['inactive', '--user', 'user2', '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `No tokens of user2 to deactivate (${active.length + alreadyInactive} already inactive).`,
    );
  });

  it('refuses without --yes when stdin is not a terminal, and changes nothing', async () => {
    const before = await listJson(['--user', 'user2']);
    const active = before.filter((token) => token.status === 'active').length;
    const run = await auth(['inactive', '--user', 'user2']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `Error: refusing to deactivate ${active} token${active === 1 ? '' : 's'} of user2 without confirmation: stdin is not a terminal. Add --yes to confirm.`,
    );
    expect(await listJson(['--user', 'user2'])).toEqual(before);
  });

  it('reports a failure per token and exits 1 when the token may not change them', async () => {
    // A token that may read authorizations and user2's tokens, but not write them.
    const user2 = (await listJson(['--user', 'user2']))[0]?.userID as string;
    const created = await auth([
      'create',
      '--org',
      'my-org',
      '--user',
      'admin',
      '--read-authorizations',
      '--read-users',
      '--json',
      '-d',
      'read only',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const readOnly = (JSON.parse(created.stdout) as PrintedToken).token;
    secrets.push(readOnly);
    const targets = (await listJson(['--user-id', user2, '--status', 'active'])).length;

    const run = await auth(['inactive', '--user-id', user2, '--yes'], { INFLUX_TOKEN: readOnly });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(targets + 1);
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^[0-9a-f]{16} {2}failed: .*unauthorized.*\(HTTP 401\)/);
    expect(lines.at(-1)).toBe(`0 deactivated, ${targets} failed`);
    expect(run.stderr).toContain(
      `Error: ${targets} of ${targets} tokens could not be deactivated; the token used came from INFLUX_TOKEN.`,
    );
    expect((await listJson(['--user-id', user2, '--status', 'active'])).length).toBe(targets);
  });
});

describe('confirmation on a terminal', () => {
  // A pseudo-terminal is out of reach of execFile, so this runs the same program in-process with a TTY stdin.
  function terminal(answer: string) {
    return memoryIo({
      readLine: async () => answer,
      stdinIsTTY: true,
      env: { INFLUX_HOST: standin.url, INFLUX_TOKEN: standin.operatorToken },
      cwd: dir,
      homedir: join(dir, 'home'),
    });
  }

  it('shows the tokens, asks, and changes them only on yes', async () => {
    const before = await listJson(['--user', 'user2']);
    const active = before.filter((token) => token.status === 'active');
    const plural = active.length === 1 ? '' : 's';

    const declined = terminal('n');
    expect(await runCli(['auth', 'inactive', '--user', 'user2'], declined.io)).toBe(1);
    expect(declined.stderr()).toContain(`Deactivate ${active.length} token${plural} of user2?`);
    expect(declined.stderr()).toContain('[y/N] ');
    for (const token of active) expect(declined.stderr()).toContain(token.id);
    expect(declined.stderr()).toContain('Error: cancelled: nothing was changed');
    expect(await listJson(['--user', 'user2'])).toEqual(before);

    const accepted = terminal('y');
    expect(await runCli(['auth', 'inactive', '--user', 'user2'], accepted.io)).toBe(0);
    expect(accepted.stdout()).toContain(`${active.length} deactivated, 0 failed`);
    expect(await listJson(['--user', 'user2', '--status', 'active'])).toEqual([]);
    expect(accepted.stdout() + accepted.stderr()).not.toContain(standin.operatorToken);
  });
});

describe('create and delete', () => {
  it('creates a token with --read-buckets, prints its token string once, then deletes it', async () => {
    const run = await auth(['create', '--org', 'my-org', '--read-buckets', '--description', 'ci reader']);
    expect(run.code, run.stderr).toBe(0);
    const row = dataRows(run.stdout)[0] as string;
    const token = /\s([A-Za-z0-9_-]{86}==)\s/.exec(row)?.[1];
    expect(token, 'the new token string is in the table').toBeDefined();
    expect(row).toContain(`[read:orgs/${standin.orgID}/buckets]`);
    const id = row.slice(0, 16);

    // Later reads never show it again (the stand-in stores tokens hashed, as InfluxDB 2.8+ does).
    const listed = await auth(['list', '--id', id]);
    expect(listed.stdout).toContain('ci reader');
    expect(listed.stdout).not.toContain(token as string);

    const deleted = await auth(['delete', '--id', id]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout.split('\n')[0]).toMatch(/\sPermissions\s+Deleted$/);
    expect(dataRows(deleted.stdout)[0]).toMatch(new RegExp(`^${id}\\s+ci reader\\s.*\\strue$`));

    const gone = await auth(['list', '--id', id]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`Error: authorization ${id} not found`);
  });

  it('creates an all-access token like influx: org-wide read and write, own org and user, no instance', async () => {
    const run = await auth(['create', '--org', 'my-org', '--user', 'user1', '--all-access', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const created = JSON.parse(run.stdout) as PrintedToken;
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{86}==$/);
    expect(created.userName).toBe('user1');
    expect(created.permissions).toContain(`read:/orgs/${standin.orgID}`);
    expect(created.permissions).toContain(`read:/users/${created.userID}`);
    expect(created.permissions).toContain(`write:orgs/${standin.orgID}/authorizations`);
    expect(created.permissions).toContain(`write:orgs/${standin.orgID}/replications`);
    expect(created.permissions.some((p) => p.includes('instance'))).toBe(false);
    expect(created.permissions).toHaveLength(43);

    const deleted = await auth(['delete', '--id', created.id, '--json']);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ id: created.id, token: '' });
  });

  it('refuses to create a token without any permission flag', async () => {
    const run = await auth(['create', '--org', 'my-org']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Error: no permissions given');
  });
});

describe('output formats', () => {
  it('prints influx-shaped JSON: an array for list, an object for one token', async () => {
    const list = await listJson();
    expect(list.length).toBeGreaterThanOrEqual(4);
    for (const token of list) {
      expect(Object.keys(token)).toEqual(['id', 'description', 'token', 'status', 'userName', 'userID', 'permissions']);
      expect(
        token.permissions.every((p) => /^(read|write):(orgs\/[0-9a-f]{16})?\/[A-Za-z]+(\/[0-9a-f]{16})?$/.test(p)),
      ).toBe(true);
    }
    const one = await auth(['list', '--id', list[0]?.id as string, '--json']);
    expect(JSON.parse(one.stdout)).toEqual(list[0]);
    expect(await listJson(['--user', 'user2', '--status', 'active', '--org', 'my-org'])).toEqual(
      list.filter((token) => token.userName === 'user2' && token.status === 'active'),
    );
  });

  it('leaves the header out with --hide-headers', async () => {
    const run = await auth(['list', '--hide-headers', '--status', 'inactive']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{16}\s.*\sinactive\s+\[/);
  });
});

describe('errors in words', () => {
  it('names an unknown ID (exit 1) and a malformed one (exit 2)', async () => {
    const unknown = await auth(['inactive', '--id', '0123456789ABCDEF']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Error: authorization 0123456789abcdef not found');
    const malformed = await auth(['delete', '--id', '0123']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain(
      'Error: invalid ID "0123" for --id: an InfluxDB ID is 16 hexadecimal characters',
    );
  });

  it('passes on the 401 message for an unknown token and names where the token came from', async () => {
    const wrong = 'not-a-real-token';
    secrets.push(wrong);
    const run = await auth(['list'], { INFLUX_TOKEN: wrong });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Error: unauthorized access (HTTP 401): the token from INFLUX_TOKEN was refused by ${standin.url}`,
    );
  });

  it('passes on the 401 message for a missing permission', async () => {
    const created = await auth(['create', '--org', 'my-org', '--read-buckets', '--json']);
    const weak = (JSON.parse(created.stdout) as PrintedToken).token;
    secrets.push(weak);
    const someone = (await listJson())[0]?.id as string;
    const run = await auth(['delete', '--id', someone], { INFLUX_TOKEN: weak });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: .*unauthorized.*\(HTTP 401\): the token from INFLUX_TOKEN was refused/);
  });

  it('says a host cannot be reached', async () => {
    const port = await closedPort();
    const run = await auth(['list'], { INFLUX_HOST: `http://127.0.0.1:${port}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: could not reach http://127.0.0.1:${port}: connection refused`);
  });

  it('rejects a bad flag value with exit 2', async () => {
    const run = await auth(['list', '--status', 'enabled']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "Error: option '--status <status>' argument 'enabled' is invalid. Allowed choices are active, inactive.",
    );
  });
});

describe('where host and token come from', () => {
  function writeConfigs(body: string): string {
    const path = join(dir, 'configs');
    writeFileSync(path, body);
    return path;
  }

  it('uses the active influx config, flags beat environment, environment beats the config', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const configs = writeConfigs(
      `[good]\n  url = "${standin.url}"\n  token = "${standin.operatorToken}"\n  org = "my-org"\n  active = true\n\n` +
        `[dead]\n  url = "${dead}"\n  token = "dead-token"\n  org = "my-org"\n`,
    );
    secrets.push('dead-token');
    const bare = { HOME: join(dir, 'home'), INFLUX_HOST: '', INFLUX_TOKEN: '', INFLUX_CONFIGS_PATH: configs };

    const fromConfig = await auth(['list', '--json'], bare);
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
    expect((JSON.parse(fromConfig.stdout) as PrintedToken[]).length).toBeGreaterThan(0);

    const named = await auth(['list'], { ...bare, INFLUX_ACTIVE_CONFIG: 'dead' });
    expect(named.stderr).toContain(`could not reach ${dead}`);
    const flagBeatsEnv = await auth(['list', '-c', 'good'], { ...bare, INFLUX_ACTIVE_CONFIG: 'dead' });
    expect(flagBeatsEnv.code, flagBeatsEnv.stderr).toBe(0);

    const envBeatsConfig = await auth(['list'], {
      ...bare,
      INFLUX_ACTIVE_CONFIG: 'dead',
      INFLUX_HOST: standin.url,
      INFLUX_TOKEN: standin.operatorToken,
    });
    expect(envBeatsConfig.code, envBeatsConfig.stderr).toBe(0);

    const hostFlagBeatsEnv = await auth(['list', '--host', standin.url], { ...bare, INFLUX_HOST: dead });
    expect(hostFlagBeatsEnv.code, hostFlagBeatsEnv.stderr).toBe(0);

    const tokenFlagBeatsEnv = await auth(['list', '-t', standin.operatorToken], {
      ...bare,
      INFLUX_HOST: standin.url,
      INFLUX_TOKEN: 'dead-token',
    });
    expect(tokenFlagBeatsEnv.code, tokenFlagBeatsEnv.stderr).toBe(0);

    const missing = await auth(['list', '--configs-path', join(dir, 'nope')], bare);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Error: the influx configs file ${join(dir, 'nope')} does not exist`);
  });

  it('falls back to the stand-in with the operator token in DATA_DIR, from the project directory', async () => {
    const port = new URL(standin.url).port;
    const env = { HOME: join(dir, 'home'), INFLUX_HOST: '', INFLUX_TOKEN: '', STANDIN_PORT: port };
    const run = await auth(['list', '--json'], { ...env, DATA_DIR: join(dir, 'data') });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as PrintedToken[]).length).toBeGreaterThan(0);

    // DATA_DIR defaults to ./data under the working directory.
    const fromCwd = await auth(['list', '--user', 'user2', '--hide-headers'], env, dir);
    expect(fromCwd.code, fromCwd.stderr).toBe(0);
    expect(fromCwd.stdout).toContain('user2');

    const noToken = await auth(['list'], { ...env, DATA_DIR: join(dir, 'empty') });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain(`Error: no token to authenticate with at http://127.0.0.1:${port}`);
  });
});
