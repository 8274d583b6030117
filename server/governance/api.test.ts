// Governance through the product as people use it (app server in front of the stand-in): every change made through
// the proxy lands in the trail with before → after, who and from where; expiry is set, refused with a clear error
// (changing nothing), carried out on time, caught up after a stop, and shown overdue while InfluxDB is away.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityPage, AuditEntry, Expiry, GovernanceState } from '../../core/governance';
import type { Authorization } from '../../core/influx-types';
import { startAppServer } from '../app/app-server';
import { startProduct, type ProductOptions, type RunningProduct } from '../app/start';
import { call, type CallResult } from '../test-support/http-call';
import { makeTempApp, type TempApp } from '../test-support/temp-app';

let dir: string;
let tempApp: TempApp;
let product: RunningProduct;

async function start(options: Partial<ProductOptions> = {}) {
  product = await startProduct({ dataDir: dir, staticDir: tempApp.dir, ...options });
}
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'token-manager-governance-'));
  tempApp = makeTempApp();
  await start();
});
afterEach(async () => {
  await product.close();
  tempApp.remove();
  rmSync(dir, { recursive: true, force: true });
});

const JSON_HEADERS = { 'Content-Type': 'application/json' };
/** What a browser's own fetch adds: the trail says "page" for these. */
const PAGE = { 'Sec-Fetch-Site': 'same-origin' };

function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return call(product.url, path, {
    method,
    headers: { ...(body !== undefined && JSON_HEADERS), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function orgID(): Promise<string> {
  const orgs = (await send('GET', '/api/v2/orgs')).json<{ orgs: Array<{ id: string }> }>();
  return orgs.orgs[0]!.id;
}

async function tokens(): Promise<Authorization[]> {
  return (await send('GET', '/api/v2/authorizations')).json<{ authorizations: Authorization[] }>().authorizations;
}

async function trail(org: string, query = ''): Promise<AuditEntry[]> {
  const answer = await send('GET', `/api/app/activity?orgID=${org}${query}`);
  expect(answer.status).toBe(200);
  return answer.json<ActivityPage>().entries;
}

async function governance(org: string): Promise<GovernanceState> {
  return (await send('GET', `/api/app/governance?orgID=${org}`)).json<GovernanceState>();
}

function setExpiry(tokenID: string, body: unknown): Promise<CallResult> {
  return send('PUT', `/api/app/expiry/${tokenID}`, body);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the audit trail of changes made through the console', () => {
  it('records create, clone, rename, deactivate, activate and delete with before → after, who and from where', async () => {
    const org = await orgID();
    const [bucket] = (await send('GET', `/api/v2/buckets?orgID=${org}`)).json<{ buckets: Array<{ id: string }> }>()
      .buckets;
    const permissions = [{ action: 'read', resource: { type: 'buckets', id: bucket!.id, orgID: org } }];
    const created = (
      await send('POST', '/api/v2/authorizations', { orgID: org, description: 'reader', permissions }, PAGE)
    ).json<Authorization>();
    await send(
      'POST',
      '/api/v2/authorizations',
      { orgID: org, description: 'reader (copy)', permissions },
      { ...PAGE, 'X-Token-Manager-Action': 'clone' },
    );
    await send('PATCH', `/api/v2/authorizations/${created.id}`, { description: 'bucket reader' }, PAGE);
    await send('PATCH', `/api/v2/authorizations/${created.id}`, { status: 'inactive' });
    await send('PATCH', `/api/v2/authorizations/${created.id}`, { status: 'active' }, PAGE);
    // Nothing changed: nothing to record.
    await send('PATCH', `/api/v2/authorizations/${created.id}`, { description: 'bucket reader' }, PAGE);
    expect((await send('DELETE', `/api/v2/authorizations/${created.id}`, undefined, PAGE)).status).toBe(204);

    const entries = (await trail(org)).reverse();
    expect(entries.map((e) => [e.action, e.description, e.before, e.after, e.via])).toEqual([
      ['create', 'reader', undefined, { description: 'reader', status: 'active', permissions: '1' }, 'page'],
      [
        'clone',
        'reader (copy)',
        undefined,
        { description: 'reader (copy)', status: 'active', permissions: '1' },
        'page',
      ],
      ['rename', 'bucket reader', { description: 'reader' }, { description: 'bucket reader' }, 'page'],
      ['deactivate', 'bucket reader', { status: 'active' }, { status: 'inactive' }, 'api'],
      ['activate', 'bucket reader', { status: 'inactive' }, { status: 'active' }, 'page'],
      ['delete', 'bucket reader', { status: 'active' }, undefined, 'page'],
    ]);
    const operator = (await tokens()).find((t) => t.description === "admin's Token")!;
    for (const entry of entries) {
      expect(entry.actor).toEqual({ kind: 'server-token', tokenID: operator.id, description: "admin's Token" });
      if (entry.action !== 'clone') expect(entry.tokenID).toBe(created.id);
    }
    // The trail for one token, and by action.
    expect((await trail(org, `&tokenID=${created.id}`)).map((e) => e.action)).toEqual([
      'delete',
      'activate',
      'deactivate',
      'rename',
      'create',
    ]);
    expect((await trail(org, '&action=rename')).map((e) => e.tokenID)).toEqual([created.id]);
    // The created token's secret never reaches the store.
    await product.close();
    const bytes = readFileSync(join(dir, 'console.sqlite'));
    expect(bytes.includes(Buffer.from(created.token))).toBe(false);
    expect(bytes.includes(Buffer.from(product.standin.operatorToken))).toBe(false);
    await start();
  });

  it('names a token of the stand-in changed before the console knew it (looked up first)', async () => {
    const org = await orgID();
    const demo = (await tokens()).find((t) => t.description !== "admin's Token" && t.status === 'active')!;
    await send('PATCH', `/api/v2/authorizations/${demo.id}`, { status: 'inactive' });
    expect((await trail(org)).map((e) => [e.action, e.description, e.before])).toEqual([
      ['deactivate', demo.description, { status: 'active' }],
    ]);
  });

  it('pages newest first and refuses a bad query with a clear message', async () => {
    const org = await orgID();
    const demo = (await tokens()).find((t) => t.description !== "admin's Token")!;
    for (let i = 0; i < 5; i++) await send('PATCH', `/api/v2/authorizations/${demo.id}`, { description: `name ${i}` });
    const first = (await send('GET', `/api/app/activity?orgID=${org}&limit=2`)).json<ActivityPage>();
    expect(first.entries.map((e) => e.after?.description)).toEqual(['name 4', 'name 3']);
    const second = (
      await send('GET', `/api/app/activity?orgID=${org}&limit=2&before=${first.next}`)
    ).json<ActivityPage>();
    expect(second.entries.map((e) => e.after?.description)).toEqual(['name 2', 'name 1']);

    for (const [query, message] of [
      ['', 'orgID is required'],
      [`orgID=${org}&action=explode`, 'action "explode" is not one of'],
      [`orgID=${org}&since=yesterday`, 'since "yesterday" is not a date'],
      [`orgID=${org}&limit=0`, 'limit must be a whole number from 1 to 1000'],
    ]) {
      const answer = await send('GET', `/api/app/activity?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.json<{ message: string }>().message).toContain(message);
    }
  });
});

describe('expiry', () => {
  it('is set, changed and cleared, each in the trail, and shown with its state', async () => {
    const org = await orgID();
    const demo = (await tokens()).find((t) => t.description !== "admin's Token")!;
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const set = await setExpiry(demo.id, { orgID: org, expiresAt: at });
    expect(set.status).toBe(200);
    expect(set.json<Expiry>()).toMatchObject({ tokenID: demo.id, expiresAt: at, state: 'scheduled' });
    expect((await governance(org)).expiries).toEqual([set.json()]);

    const later = new Date(Date.now() + 9 * 86_400_000).toISOString();
    expect((await setExpiry(demo.id, { orgID: org, expiresAt: later })).status).toBe(200);
    expect((await setExpiry(demo.id, { orgID: org, expiresAt: null })).status).toBe(204);
    expect((await governance(org)).expiries).toEqual([]);
    expect((await trail(org)).map((e) => [e.action, e.before, e.after])).toEqual([
      ['expiry-cleared', { expiry: later }, { expiry: 'never' }],
      ['expiry-changed', { expiry: at }, { expiry: later }],
      ['expiry-set', { expiry: 'never' }, { expiry: at }],
    ]);
  });

  it('refuses bad input with a specific error and changes nothing', async () => {
    const org = await orgID();
    const demo = (await tokens()).find((t) => t.description !== "admin's Token")!;
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const cases: Array<[unknown, number, string, string?]> = [
      [{ orgID: org, expiresAt: new Date(Date.now() - 60_000).toISOString() }, 422, 'is in the past'],
      [{ orgID: org, expiresAt: 'next tuesday' }, 400, 'is not a date and time with a time zone'],
      [{ orgID: org, expiresAt: '2027-02-30T10:00:00Z' }, 400, 'is not a real date'],
      [{ orgID: org }, 400, 'Give expiresAt, deleteAt or both'],
      [{ orgID: org, expiresAt: future, deleteAt: future }, 422, 'must be later than the time the token stops working'],
      [{ orgID: org, expiresAt: future, deleteAt: 'soon' }, 400, 'deleteAt "soon" is not a date and time'],
      [{ orgID: org, deleteAt: future }, 422, 'This token is active: a deletion needs a deactivation before it'],
      [{ expiresAt: future }, 400, 'orgID is required'],
      [{ orgID: 'ffffffffffffffff', expiresAt: future }, 404, 'was not found in this org'],
      [{ orgID: org, expiresAt: future }, 404, 'was not found in this org', '0000000000000001'],
    ];
    for (const [body, status, message, tokenID] of cases) {
      const answer = await setExpiry(tokenID ?? demo.id, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.json<{ message: string }>().message).toContain(message);
    }
    const notJson = await call(product.url, `/api/app/expiry/${demo.id}`, {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: '{orgID',
    });
    expect([notJson.status, notJson.json<{ message: string }>().message]).toEqual([
      400,
      'The body is not JSON: send {"orgID": "…", "expiresAt": "…" or null}',
    ]);
    expect((await governance(org)).expiries).toEqual([]);
    expect(await trail(org)).toEqual([]);
  });

  it('deactivates the token at its time (not deletes), and records it as scheduled', async () => {
    const org = await orgID();
    const demo = (await tokens()).find((t) => t.description !== "admin's Token" && t.status === 'active')!;
    const at = Date.now() + 1200;
    await setExpiry(demo.id, { orgID: org, expiresAt: new Date(at).toISOString() });
    // InfluxDB takes the deactivation a moment before the console records it: wait for the entry.
    const entry = await until('the expiry to fire', async () =>
      (await trail(org)).find((e) => e.action === 'expiry-fired'),
    );
    const fired = (await tokens()).find((t) => t.id === demo.id)!;
    expect(fired.status).toBe('inactive');
    expect(Date.parse(fired.updatedAt)).toBeGreaterThanOrEqual(at);
    expect(entry).toMatchObject({
      action: 'expiry-fired',
      tokenID: demo.id,
      via: 'scheduled',
      actor: { kind: 'console' },
      before: { status: 'active' },
      after: { status: 'inactive' },
    });
    expect(entry.note).toBeUndefined();
    expect((await governance(org)).expiries[0]).toMatchObject({ state: 'deactivated' });
  });

  it('deletes a token after its grace period if still inactive, and keeps those switched back on', async () => {
    const org = await orgID();
    const [gone, kept, keptOutside] = (await tokens()).filter(
      (t) => t.description !== "admin's Token" && t.status === 'active',
    );
    const plan = { orgID: org, expiresAt: iso(Date.now() + 800), deleteAt: iso(Date.now() + 4000) };
    for (const token of [gone!, kept!, keptOutside!]) expect((await setExpiry(token.id, plan)).status).toBe(200);
    expect((await governance(org)).expiries.map((e) => e.deleteAt)).toEqual(Array(3).fill(plan.deleteAt));
    // A client was missed: one switched back on through the console (its deletion cancelled at once), one with the
    // influx CLI (the console finds it active when the deletion falls due, and keeps it).
    for (const token of [kept!, keptOutside!])
      await until('the deactivation', async () =>
        (await tokens()).find((t) => t.id === token.id && t.status === 'inactive'),
      );
    expect((await send('PATCH', `/api/v2/authorizations/${kept!.id}`, { status: 'active' }, PAGE)).status).toBe(200);
    expect((await trail(org, `&tokenID=${kept!.id}`))[0]).toMatchObject({
      action: 'expiry-cleared',
      via: 'page',
      before: { deletion: plan.deleteAt },
      after: { deletion: 'never' },
      note: 'switched back on: the deletion is cancelled',
    });
    const direct = await call(product.standin.url, `/api/v2/authorizations/${keptOutside!.id}`, {
      method: 'PATCH',
      headers: { ...JSON_HEADERS, Authorization: `Token ${product.standin.operatorToken}` },
      body: JSON.stringify({ status: 'active' }),
    });
    expect(direct.status).toBe(200);

    await until('the deletion', async () => ((await tokens()).some((t) => t.id === gone!.id) ? undefined : true));
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(plan.deleteAt));
    const skipped = await until('the deletion of the one switched back on outside to be dropped', async () =>
      (await trail(org, `&tokenID=${keptOutside!.id}`)).find((e) => e.action === 'expiry-cleared'),
    );
    expect(skipped).toMatchObject({
      via: 'scheduled',
      before: { deletion: plan.deleteAt },
      after: { deletion: 'never' },
      note: 'not deleted: the token was switched back on during its grace period',
    });
    for (const id of [kept!.id, keptOutside!.id])
      expect((await tokens()).find((t) => t.id === id)?.status).toBe('active');
    const states = (await governance(org)).expiries;
    expect(states.find((e) => e.tokenID === gone!.id)).toMatchObject({ state: 'gone', deletedAt: expect.any(String) });
    expect(states.find((e) => e.tokenID === kept!.id)?.deleteAt).toBeUndefined();
    expect(states.find((e) => e.tokenID === keptOutside!.id)?.deleteAt).toBeUndefined();
  });

  it('plans the deletion alone for a token already switched off (rotate now, delete later)', async () => {
    const org = await orgID();
    const demo = (await tokens()).find((t) => t.description !== "admin's Token" && t.status === 'active')!;
    await send('PATCH', `/api/v2/authorizations/${demo.id}`, { status: 'inactive' }, PAGE);
    const deleteAt = iso(Date.now() + 86_400_000);
    const answer = await setExpiry(demo.id, { orgID: org, deleteAt });
    expect(answer.status).toBe(200);
    expect(answer.json<Expiry>()).toMatchObject({ state: 'deactivated', deleteAt, deletionOnly: true });
    expect((await trail(org))[0]).toMatchObject({
      action: 'expiry-set',
      before: { deletion: 'never' },
      after: { deletion: deleteAt },
    });
    // Cancelled: kept for good.
    expect((await setExpiry(demo.id, { orgID: org, deleteAt: null })).json<Expiry>().deleteAt).toBeUndefined();
    expect((await trail(org))[0]).toMatchObject({ action: 'expiry-cleared', after: { deletion: 'never' } });
  });

  it('catches up at start on what fell due while the console was stopped, and says so', async () => {
    const org = await orgID();
    const demo = (await tokens()).find((t) => t.description !== "admin's Token" && t.status === 'active')!;
    await setExpiry(demo.id, { orgID: org, expiresAt: new Date(Date.now() + 1000).toISOString() });
    await product.close();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    await start();
    const fired = await until('the catch-up', async () => (await trail(org)).find((e) => e.action === 'expiry-fired'));
    expect(fired.note).toMatch(/^caught up at start: due at .* while the console was not running$/);
    expect((await tokens()).find((t) => t.id === demo.id)?.status).toBe('inactive');
    // The outside check that ran at start did not take the console's own deactivation for an outside one.
    expect((await trail(org)).filter((e) => e.via === 'outside')).toEqual([]);
  });

  it('shows expiry overdue, with why, while InfluxDB does not answer', async () => {
    const org = await orgID();
    const demo = (await tokens()).find((t) => t.description !== "admin's Token" && t.status === 'active')!;
    await setExpiry(demo.id, { orgID: org, expiresAt: new Date(Date.now() + 800).toISOString() });
    await product.standin.close();
    const overdue = await until('overdue', async () => {
      const expiry = (await governance(org)).expiries[0];
      return expiry?.lastError ? expiry : undefined;
    });
    expect(overdue.state).toBe('overdue');
    expect(Date.parse(overdue.nextAttemptAt!)).toBeGreaterThan(Date.now() - 1000);
  });

  it('holds new expiries within MAX_TOKEN_LIFETIME', async () => {
    await product.close();
    await start({ maxLifetimeMs: 30 * 86_400_000 });
    const org = await orgID();
    expect((await governance(org)).maxLifetimeDays).toBe(30);
    const demo = (await tokens()).find((t) => t.description !== "admin's Token")!;
    const answer = await setExpiry(demo.id, {
      orgID: org,
      expiresAt: new Date(Date.now() + 31 * 86_400_000).toISOString(),
    });
    expect(answer.status).toBe(422);
    expect(answer.json<{ message: string }>().message).toContain('MAX_TOKEN_LIFETIME, 30 days');
    // Nor cleared to "never" through the API (the page does not offer it under the policy).
    const within = iso(Date.now() + 7 * 86_400_000);
    expect((await setExpiry(demo.id, { orgID: org, expiresAt: within })).status).toBe(200);
    const never = await setExpiry(demo.id, { orgID: org, expiresAt: null });
    expect([never.status, never.json<{ message: string }>().message]).toEqual([
      422,
      'Every token must expire within 30 days here (MAX_TOKEN_LIFETIME): choose a date instead of never',
    ]);
    expect((await governance(org)).expiries[0]?.expiresAt).toBe(within);
  });
});

describe('with pasted tokens only (no server-held token)', () => {
  it('shows the trail only to a request whose own token InfluxDB accepts for the org, and offers no expiry', async () => {
    const app = await startAppServer({
      mode: 'influx',
      upstreamUrl: product.standin.url,
      org: null,
      staticDir: tempApp.dir,
    });
    try {
      const org = await orgID();
      const path = `/api/app/activity?orgID=${org}`;
      const anonymous = await call(app.url, path);
      expect([anonymous.status, anonymous.json<{ message: string }>().message]).toEqual([
        401,
        'Paste a token first: this console holds none of its own.',
      ]);
      const wrong = await call(app.url, path, { headers: { Authorization: 'Token not-a-token' } });
      expect(wrong.status).toBe(401);
      const pasted = { Authorization: `Token ${product.standin.operatorToken}` };
      expect((await call(app.url, path, { headers: pasted })).status).toBe(200);
      const state = (
        await call(app.url, `/api/app/governance?orgID=${org}`, { headers: pasted })
      ).json<GovernanceState>();
      expect(state.available).toBe(false);
      expect(state.unavailableReason).toMatch(/holds no token of its own/);
    } finally {
      await app.close();
    }
  });
});
