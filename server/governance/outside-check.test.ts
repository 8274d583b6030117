// Changes made outside this console are found by the check and recorded as such, with the window they happened in;
// the console's own changes (even those made while a check runs) are never reported as outside ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness, readBuckets } from '../standin/test-support';
import { checkOutside } from './outside-check';
import { RecentChanges } from './recent-changes';
import { GovernanceStore } from './store';

let h: Harness;
let dir: string;
let store: GovernanceStore;
let clock: number;

beforeEach(async () => {
  h = new Harness();
  await h.open();
  dir = mkdtempSync(join(tmpdir(), 'outside-check-'));
  store = new GovernanceStore(join(dir, 'console.sqlite'), 'standin');
  clock = Date.UTC(2027, 0, 1, 12);
});
afterEach(async () => {
  store.close();
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

function check(at: number, token?: string, recent?: RecentChanges) {
  clock = at;
  return checkOutside({
    store,
    upstreamUrl: h.standin.url,
    serverToken: () => token ?? h.operatorToken,
    timeoutMs: 10_000,
    now: () => clock,
    recent,
  });
}

const T0 = Date.UTC(2027, 0, 1, 12);
const T1 = T0 + 3_600_000;

describe('the check for changes made outside this console', () => {
  it('only learns the list the first time, then records what changed elsewhere, with the window', async () => {
    const first = await check(T0);
    const all = await h.allAuthorizations();
    expect(first).toEqual({ listed: all.length, recorded: 0, baseline: true });
    expect(store.activity({ orgID: h.orgID, limit: 100 })).toEqual([]);

    const [renamed, switchedOff, deleted] = all.filter(
      (t) => t.description !== "admin's Token" && t.status === 'active',
    );
    await h.call('PATCH', `/api/v2/authorizations/${renamed!.id}`, {
      body: { description: 'renamed by the influx CLI' },
    });
    await h.call('PATCH', `/api/v2/authorizations/${switchedOff!.id}`, { body: { status: 'inactive' } });
    await h.call('DELETE', `/api/v2/authorizations/${deleted!.id}`);
    const made = await h.createToken({ description: 'made in the InfluxDB UI', permissions: [readBuckets(h.orgID)] });

    const second = await check(T1);
    expect(second).toMatchObject({ recorded: 4, baseline: false });
    const entries = store.activity({ orgID: h.orgID, limit: 100 });
    expect(
      entries
        .map((e) => [e.action, e.tokenID, e.description, e.before, e.after])
        .sort((a, b) => `${a}`.localeCompare(`${b}`)),
    ).toEqual(
      [
        [
          'appeared',
          made.id,
          'made in the InfluxDB UI',
          undefined,
          { description: 'made in the InfluxDB UI', status: 'active' },
        ],
        ['deactivate', switchedOff!.id, switchedOff!.description, { status: 'active' }, { status: 'inactive' }],
        ['disappeared', deleted!.id, deleted!.description, { status: 'active' }, undefined],
        [
          'rename',
          renamed!.id,
          'renamed by the influx CLI',
          { description: renamed!.description },
          { description: 'renamed by the influx CLI' },
        ],
      ].sort((a, b) => `${a}`.localeCompare(`${b}`)),
    );
    for (const entry of entries) {
      expect(entry.via).toBe('outside');
      expect(entry.actor).toEqual({ kind: 'unknown' });
      expect(entry.note).toBe(
        `made outside this console between ${new Date(T0).toISOString()} and ${new Date(T1).toISOString()}`,
      );
    }
    // Nothing new: nothing recorded.
    expect(await check(T1 + 60_000)).toMatchObject({ recorded: 0 });
  });

  it('never reports the console own changes, even one made while the check was listing', async () => {
    await check(T0);
    const [changed, deleted] = (await h.allAuthorizations()).filter((t) => t.description !== "admin's Token");
    // Through the console: its own entries, and what it knows, updated at once.
    await h.call('PATCH', `/api/v2/authorizations/${changed!.id}`, { body: { description: 'renamed in the console' } });
    store.record(
      [],
      { tokenID: changed!.id, orgID: h.orgID, description: 'renamed in the console', status: changed!.status },
      undefined,
      T1 - 1000,
    );
    await h.call('DELETE', `/api/v2/authorizations/${deleted!.id}`);
    store.record([], null, deleted!.id, T1 - 500);
    // Changed through the console after the check's list left InfluxDB: the list is older than what the console knows.
    const late = (await h.allAuthorizations()).find((t) => t.id !== changed!.id && t.id !== deleted!.id)!;
    store.record(
      [],
      { tokenID: late.id, orgID: h.orgID, description: 'renamed a moment later', status: late.status },
      undefined,
      T1 + 10,
    );
    expect(await check(T1)).toMatchObject({ recorded: 0 });
    expect(store.activity({ orgID: h.orgID, limit: 100 })).toEqual([]);
  });

  it('leaves a change the console is making (InfluxDB took it, the console has not recorded it yet) for later', async () => {
    const recent = new RecentChanges(30_000, () => clock);
    await check(T0, undefined, recent);
    const [token] = (await h.allAuthorizations()).filter((t) => t.description !== "admin's Token");
    // The console's PATCH and POST, answered by InfluxDB, their entries not written yet.
    clock = T1 - 5000;
    recent.token(token!.id);
    await h.call('PATCH', `/api/v2/authorizations/${token!.id}`, { body: { status: 'inactive' } });
    recent.create();
    const made = await h.createToken({ description: 'made by the console', permissions: [readBuckets(h.orgID)] });
    expect(await check(T1, undefined, recent)).toMatchObject({ recorded: 0 });
    // The console then writes its entries: nothing outside, ever.
    store.record([], { tokenID: token!.id, orgID: h.orgID, description: token!.description, status: 'inactive' });
    store.record([], { tokenID: made.id, orgID: h.orgID, description: 'made by the console', status: 'active' });
    expect(await check(T1 + 120_000, undefined, recent)).toMatchObject({ recorded: 0 });
    expect(store.activity({ orgID: h.orgID, limit: 10 })).toEqual([]);
  });

  it('records an outside change to a token the console touched once that change is long over', async () => {
    const recent = new RecentChanges(30_000, () => clock);
    await check(T0, undefined, recent);
    const [token] = (await h.allAuthorizations()).filter((t) => t.description !== "admin's Token");
    clock = T0 + 1000;
    recent.token(token!.id);
    await h.call('PATCH', `/api/v2/authorizations/${token!.id}`, { body: { description: 'renamed by the CLI' } });
    expect(await check(T1, undefined, recent)).toMatchObject({ recorded: 1 });
  });

  it('reads descriptions whole when the list is parsed in pieces that split their characters', async () => {
    // 120 descriptions of ~300 bytes of 2-, 3- and 4-byte characters: the list is parsed 16 KiB at a time, so
    // piece boundaries fall inside characters.
    const wide = (n: number) => `${n} ${'Überwachung 📊 مهام المراقبة '.repeat(8)}`;
    for (let n = 0; n < 120; n++) await h.createToken({ description: wide(n), permissions: [readBuckets(h.orgID)] });
    await check(T0);
    expect(await check(T1)).toMatchObject({ recorded: 0 });
    const token = (await h.allAuthorizations()).find((t) => t.description === wide(77))!;
    await h.call('PATCH', `/api/v2/authorizations/${token.id}`, { body: { description: `${wide(77)}✓` } });
    expect(await check(T1 + 60_000)).toMatchObject({ recorded: 1 });
    expect(store.activity({ orgID: h.orgID, limit: 10 })[0]).toMatchObject({
      action: 'rename',
      before: { description: wide(77) },
      after: { description: `${wide(77)}✓` },
    });
  });

  it('records nothing when the credential stops working (InfluxDB then lists nothing, with 200)', async () => {
    const all = await h.allAuthorizations();
    const checker = await h.createToken({ description: 'checker', permissions: all[0]!.permissions as unknown[] });
    await check(T0, checker.token);
    await h.call('PATCH', `/api/v2/authorizations/${checker.id}`, { body: { status: 'inactive' } });
    await expect(check(T1, checker.token)).rejects.toThrow(
      /answered 401 about it .*token is inactive.*nothing recorded/,
    );
    expect(store.activity({ orgID: h.orgID, limit: 100 })).toEqual([]);
  });
});
