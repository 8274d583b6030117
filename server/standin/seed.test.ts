// Seeding synthetic tokens: from code (also while the stand-in runs) and through `npm run seed`.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { Authorization } from '../../core/influx-types';
import { assertMatchesContract } from '../../test/contract';
import { seedTokens } from './seed';
import { StandinStore } from './store';
import { tempDataDir, withStandin } from './test-support';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('seedTokens', () => {
  const h = withStandin();

  it('adds N varied tokens over M users, visible at once to a running stand-in', async () => {
    const before = await h.allAuthorizations();

    const store = StandinStore.open(h.dataDir); // a second connection, as `npm run seed` would be
    const summary = seedTokens(store, { tokens: 600, users: 4, buckets: 3 });
    const again = seedTokens(store, { tokens: 10, users: 4, buckets: 4 });
    // Seed users join my-org (not second-org), as `influx user create --org` makes them; seed buckets are added
    // once, to my-org.
    const names = new Map(store.listUsers().map((u) => [u.id, u.name]));
    const seedMembers = store
      .listOrgMembers()
      .flatMap((m) => (names.get(m.userID)?.startsWith('user-seed-') ? [[names.get(m.userID), m.orgID]] : []));
    const seedBuckets = store.listBuckets().filter((b) => b.name.startsWith('bucket-seed-'));
    store.close();
    expect(seedMembers.sort()).toEqual([1, 2, 3, 4].map((n) => [`user-seed-${n}`, h.orgID]));
    expect(new Set(seedBuckets.map((b) => b.orgID))).toEqual(new Set([h.orgID]));
    expect(seedBuckets.map((b) => b.name).sort()).toEqual([
      'bucket-seed-1',
      'bucket-seed-2',
      'bucket-seed-3',
      'bucket-seed-4',
    ]);
    expect(summary).toMatchObject({ tokens: 600, users: 4, usersCreated: 4, orgName: 'my-org' });
    expect(summary.operatorToken).toBeUndefined();
    expect(again.usersCreated).toBe(0);

    const list = await h.call('GET', '/api/v2/authorizations');
    assertMatchesContract('GET', '/authorizations', 200, list.json);
    const auths = list.json.authorizations as Authorization[];
    expect(auths).toHaveLength(before.length + 610);
    const seeded = auths.slice(before.length);
    expect(new Set(seeded.map((a) => a.user))).toEqual(
      new Set(['user-seed-1', 'user-seed-2', 'user-seed-3', 'user-seed-4']),
    );
    expect(new Set(seeded.map((a) => a.org))).toEqual(new Set(['my-org']));
    expect(new Set(seeded.map((a) => a.status))).toEqual(new Set(['active', 'inactive']));
    expect(new Set(seeded.map((a) => a.description)).size).toBeGreaterThan(300);
    expect(seeded.some((a) => a.permissions.length > 40)).toBe(true); // some all-access
    expect(
      seeded.some((a) => a.permissions.some((p) => p.resource.type === 'buckets' && p.resource.name !== undefined)),
    ).toBe(true);
    expect(new Set(seeded.map((a) => a.id)).size).toBe(610);
    const byUser = await h.call('GET', '/api/v2/authorizations?user=user-seed-2');
    expect(byUser.json.authorizations.length).toBeGreaterThanOrEqual(150);
  });

  it('seeds another org when named, with its own buckets; an org it does not have is refused, nothing added', async () => {
    const secondID = await h.orgIDByName('second-org');
    const mine = (await h.call('GET', `/api/v2/authorizations?orgID=${h.orgID}`)).json.authorizations.length;
    const theirs = (await h.call('GET', `/api/v2/authorizations?orgID=${secondID}`)).json.authorizations.length;
    const store = StandinStore.open(h.dataDir);
    seedTokens(store, { tokens: 5, users: 2 }); // my-org first, as the org-switch bench does: the users exist then
    const summary = seedTokens(store, { tokens: 200, users: 2, org: 'second-org' });
    expect(() => seedTokens(store, { tokens: 10, org: 'no-such-org' })).toThrow(
      'no organization named "no-such-org" to seed; there are: my-org, second-org',
    );
    const count = store.countAuthorizations();
    store.close();
    expect(summary).toMatchObject({ tokens: 200, usersCreated: 0, orgName: 'second-org' });

    const second = (await h.call('GET', `/api/v2/authorizations?orgID=${secondID}`)).json
      .authorizations as Authorization[];
    expect(second).toHaveLength(theirs + 200);
    const seeded = second.filter((a) => a.user?.startsWith('user-seed-'));
    expect(seeded).toHaveLength(200);
    // Granted on second-org's own buckets, never on my-org's.
    const bucketNames = new Set(
      seeded.flatMap((a) =>
        a.permissions.flatMap((p) => (p.resource.type === 'buckets' && p.resource.name ? [p.resource.name] : [])),
      ),
    );
    expect(bucketNames).toEqual(new Set(['sensors', 'edge-devices']));
    const mineNow = await h.call('GET', `/api/v2/authorizations?orgID=${h.orgID}`);
    expect(mineNow.json.authorizations).toHaveLength(mine + 5);
    const members = await h.call('GET', `/api/v2/orgs/${secondID}/members`);
    expect((members.json.users as { name: string }[]).map((u) => u.name)).toEqual(
      expect.arrayContaining(['user-seed-1', 'user-seed-2']),
    );
    expect(count).toBe(mine + theirs + 205);
  });
});

describe('seedTokens on an empty database', () => {
  it('refuses an org name it would not have after bootstrapping, and leaves the database empty', () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const store = StandinStore.open(dataDir);
    cleanups.push(() => store.close());
    expect(() => seedTokens(store, { tokens: 1, org: 'nope' })).toThrow('no organization named "nope"');
    expect(store.isEmpty()).toBe(true);
    expect(seedTokens(store, { tokens: 3, org: 'second-org' })).toMatchObject({ orgName: 'second-org', tokens: 3 });
  });
});

describe('npm run seed', () => {
  it('bootstraps a new DATA_DIR, seeds, and prints a summary; refuses bad arguments', async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = { ...process.env, DATA_DIR: dataDir };
    const script = ['--import', 'tsx', 'server/standin/seed.ts'];
    const { stdout } = await run(process.execPath, [...script, '--tokens', '50', '--users', '2', '--buckets', '2'], {
      cwd: repoRoot,
      env,
    });
    expect(stdout).toMatch(/operator token/i);
    const token = readFileSync(join(dataDir, 'operator-token'), 'utf8').trim();
    expect(stdout).not.toContain(token);
    expect(stdout).toContain(`read it with: cat ${join(dataDir, 'operator-token')}`);
    expect(stdout).toMatch(/seeded 50 tokens over 2 users \(2 new\) in org my-org in \d+ ms; 61 tokens in /);
    expect(statSync(join(dataDir, 'operator-token')).mode & 0o777).toBe(0o600);

    const store = StandinStore.open(dataDir);
    expect(store.listBuckets().filter((b) => b.name.startsWith('bucket-seed-'))).toHaveLength(2);
    store.close();
    const second = await run(process.execPath, [...script, '--tokens', '5'], { cwd: repoRoot, env });
    expect(second.stdout).not.toMatch(/operator token/i);
    expect(second.stdout).toMatch(/seeded 5 tokens over 10 users \(8 new\).*; 66 tokens in /);

    await expect(run(process.execPath, [...script, '--tokens', 'many'], { cwd: repoRoot, env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--tokens needs a whole number, got "many"'),
    });
    await expect(run(process.execPath, [...script], { cwd: repoRoot, env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('usage: npm run seed -- --tokens N'),
    });
  }, 60_000);
});
