// Durability: restarts reuse the database and the operator-token file; an acknowledged write survives SIGKILL.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from './ids';
import { startStandin } from './start';
import { readBuckets, tempDataDir, withStandin } from './test-support';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('restart on the same DATA_DIR', () => {
  describe('with a running stand-in', () => {
    const h = withStandin();

    it('keeps every token and the operator token, never logs the token, never bootstraps twice', async () => {
      const tokenFile = join(h.dataDir, 'operator-token');
      // The first start says where the token is and how to read it, never the token itself.
      expect(h.logLines.some((l) => l.includes(h.operatorToken))).toBe(false);
      expect(h.logLines).toContain(
        `Operator token written to ${tokenFile} (mode 0600); read it with: cat ${tokenFile}`,
      );
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      expect(readFileSync(tokenFile, 'utf8').trim()).toBe(h.operatorToken);

      const created = await h.createToken({ description: 'survives', permissions: [readBuckets(h.orgID)] });
      const target = (await h.allAuthorizations())[2]!;
      await h.call('PATCH', `/api/v2/authorizations/${target.id}`, {
        body: { description: 'patched', status: 'inactive' },
      });
      const before = await h.allAuthorizations();
      const operatorToken = h.operatorToken;
      const orgID = h.orgID;

      h.logLines.length = 0;
      await h.restart();
      expect(h.operatorToken).toBe(operatorToken);
      expect(h.orgID).toBe(orgID);
      expect(h.standin.orgName).toBe('my-org');
      expect(h.logLines.some((l) => l.includes(operatorToken))).toBe(false);
      expect(h.logLines.some((l) => l.startsWith('InfluxDB stand-in listening on http://127.0.0.1:'))).toBe(true);
      expect(await h.allAuthorizations()).toEqual(before);
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      // The token made before the restart still authenticates.
      expect((await h.call('GET', `/api/v2/buckets?orgID=${orgID}`, { token: created.token })).status).toBe(200);
      expect((await h.call('GET', '/api/v2/users')).json.users.map((u: { name: string }) => u.name)).toEqual([
        'admin',
        'user1',
        'user2',
        'user3',
        'user4',
      ]);
    });

    it('upgrades a database made by the first schema version (no rev column) and keeps its data', async () => {
      const before = await h.allAuthorizations();
      await h.restartFromSchema(1, 'ALTER TABLE authorizations DROP COLUMN rev');
      expect(await h.allAuthorizations()).toEqual(before);
      const patched = await h.call('PATCH', `/api/v2/authorizations/${before[0]!.id}`, {
        body: { description: 'after upgrade' },
      });
      expect(patched.json.description).toBe('after upgrade');
      expect((await h.allAuthorizations())[0]!.description).toBe('after upgrade');
    });

    it('upgrades a schema 3 database: every user joins every org, the user of its first token as owner', async () => {
      h.change((store) => store.insertUser({ id: newId(), name: 'late-user', status: 'active' }));
      const second = await h.orgIDByName('second-org');
      await h.restartFromSchema(3, 'DROP TABLE org_members');
      const roles = h.change((store) => {
        const names = new Map(store.listUsers().map((u) => [u.id, u.name]));
        return store.listOrgMembers().map((m) => [names.get(m.userID), m.orgID, m.role]);
      });
      // second-org's first token is user3's, so user3 owns it after the upgrade.
      const expected = [
        ['admin', h.orgID, 'owner'],
        ['admin', second, 'member'],
        ['late-user', h.orgID, 'member'],
        ['late-user', second, 'member'],
        ['user1', h.orgID, 'member'],
        ['user1', second, 'member'],
        ['user2', h.orgID, 'member'],
        ['user2', second, 'member'],
        ['user3', h.orgID, 'member'],
        ['user3', second, 'owner'],
        ['user4', h.orgID, 'member'],
        ['user4', second, 'member'],
      ];
      expect(roles.sort()).toEqual(expected.sort());
    });
  });

  it('prints a command that works as pasted, also for a DATA_DIR with spaces and quotes', async () => {
    const dataDir = join(tempDataDir(), "it's my data");
    cleanups.push(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));
    const lines: string[] = [];
    const standin = await startStandin({ dataDir, port: 0, log: (line) => lines.push(line) });
    cleanups.push(() => standin.close());
    expect(lines.some((l) => l.includes(standin.operatorToken))).toBe(false);
    const command = /read it with: (cat .+)$/.exec(
      lines
        .join('\n')
        .split('\n')
        .find((l) => l.startsWith('Operator token'))!,
    )![1]!;
    expect(execSync(command, { encoding: 'utf8', shell: '/bin/sh' }).trim()).toBe(standin.operatorToken);
  });

  it('refuses a database from a newer stand-in', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await (await startStandin({ dataDir, port: 0 })).close();
    const db = new Database(join(dataDir, 'standin.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    await expect(startStandin({ dataDir, port: 0 })).rejects.toThrow(/schema version 99, newer than this stand-in's/);
  });

  it('refuses to start with a clear message when the operator-token file is gone', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startStandin({ dataDir, port: 0 });
    await first.close();
    rmSync(join(dataDir, 'operator-token'));
    await expect(startStandin({ dataDir, port: 0 })).rejects.toThrow(/operator-token is missing.*cannot be recovered/);
  });
});

/** Runs `npm run standin`'s entry point as its own process and waits for its URL. */
async function spawnStandin(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/standin/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, STANDIN_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stand-in did not start: ${output}`)), 15_000);
    const check = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`stand-in exited with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

describe('npm run standin as a process', () => {
  it('an acknowledged write survives SIGKILL; SIGTERM shuts down cleanly; the token is never printed', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await spawnStandin(dataDir);
    cleanups.push(() => void first.child.kill('SIGKILL'));
    const token = readFileSync(join(dataDir, 'operator-token'), 'utf8').trim();
    expect(first.output()).not.toContain(token);
    // What the first start prints is a command that shows the token.
    const command = /read it with: (cat .+)$/m.exec(first.output())?.[1];
    expect(command).toBe(`cat ${join(dataDir, 'operator-token')}`);
    expect(execSync(command!, { encoding: 'utf8' }).trim()).toBe(token);
    const headers = { Authorization: `Token ${token}`, 'Content-Type': 'application/json' };

    const list = (await (await fetch(`${first.url}/api/v2/authorizations?user=user2`, { headers })).json()) as {
      authorizations: { id: string; orgID: string }[];
    };
    const target = list.authorizations[0]!;
    const created = await fetch(`${first.url}/api/v2/authorizations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        orgID: target.orgID,
        description: 'written before SIGKILL',
        permissions: [readBuckets(target.orgID)],
      }),
    });
    expect(created.status).toBe(201);
    const createdID = ((await created.json()) as { id: string }).id;
    const patched = await fetch(`${first.url}/api/v2/authorizations/${target.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ description: 'deactivated_auth', status: 'inactive' }),
    });
    expect(patched.status).toBe(200);
    first.child.kill('SIGKILL');
    expect((await exited(first.child)).signal).toBe('SIGKILL');

    const second = await spawnStandin(dataDir);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    expect(second.output()).not.toContain(token);
    const afterCreate = await fetch(`${second.url}/api/v2/authorizations/${createdID}`, { headers });
    expect(afterCreate.status).toBe(200);
    expect(((await afterCreate.json()) as { description: string }).description).toBe('written before SIGKILL');
    const afterPatch = (await (
      await fetch(`${second.url}/api/v2/authorizations/${target.id}`, { headers })
    ).json()) as { description: string; status: string };
    expect(afterPatch).toMatchObject({ description: 'deactivated_auth', status: 'inactive' });

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toEqual({ code: 0, signal: null });
  }, 60_000);
});
