// The expiry scheduler and the trail together, against a plain model, for any sequence of: expiry set, changed or
// cleared; a rotation with a grace period (the old token's expiry set), with or without a deletion after it; a token
// switched back on during that grace; a token deleted; time passing; a restart; a SIGKILL (the process gone without
// closing anything); InfluxDB going away and coming back. After every step: no token was deactivated early or
// without a due expiry, none twice for one expiry; none deleted early, while active, or without a deletion asked
// for; and the trail is the model's. At the end, with InfluxDB back and time enough for the backoff, every due token
// has been deactivated, and every due deletion of a token still inactive carried out.
// More: MODEL_RUNS=500 npx vitest run server/governance/expiry.model.test.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelParameters } from '../../test/model/parameters';
import { Governance, type TokenFacts, type Who } from './governance';
import { ExpiryScheduler } from './scheduler';
import { GovernanceStore } from './store';

const TOKENS = ['t1', 't2', 't3', 't4'];
const WHO: Who = { actor: { kind: 'server-token', tokenID: 'op', description: "admin's Token" }, via: 'page' };
const HOUR = 3_600_000;

interface ModelExpiry {
  at: number;
  done: boolean;
  /** Due at a look, and InfluxDB did not take it. */
  failed?: boolean;
  /** The deletion after the deactivation, if asked for; and whether an attempt at it failed. */
  deleteAt?: number;
  deleteFailed?: boolean;
}
interface Model {
  now: number;
  up: boolean;
  exists: Set<string>;
  /** Tokens the console switched off (and nobody switched back on). */
  inactive: Set<string>;
  expiries: Map<string, ModelExpiry>;
  /** The trail as [action, tokenID], oldest first. */
  trail: Array<[string, string]>;
  created: number;
  /** When the console last started: expiries due before were caught up at start, and the trail says so. */
  startedAt: number;
}

class Real {
  now = Date.UTC(2027, 0, 1);
  up = true;
  readonly tokens = new Map<string, 'active' | 'inactive'>(TOKENS.map((id) => [id, 'active']));
  /** Every deactivation InfluxDB took: which token, when. */
  readonly deactivations: Array<{ id: string; at: number }> = [];
  /** Every deletion the scheduler asked for that InfluxDB answered: which token, when, and what came of it. */
  readonly deletions: Array<{ id: string; at: number; outcome: 'done' | 'active' | 'gone' }> = [];
  store!: GovernanceStore;
  governance!: Governance;
  scheduler!: ExpiryScheduler;
  private readonly file: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, 'console.sqlite');
    this.open();
  }

  open(): void {
    this.store = new GovernanceStore(this.file, 'http://influx.test');
    this.scheduler = new ExpiryScheduler({
      store: this.store,
      now: () => this.now,
      startedAt: this.now,
      deactivate: async (id) => {
        if (!this.up) throw new Error('InfluxDB did not answer');
        if (!this.tokens.has(id)) return 'gone';
        this.tokens.set(id, 'inactive');
        this.deactivations.push({ id, at: this.now });
        return 'done';
      },
      deleteIfInactive: async (id) => {
        if (!this.up) throw new Error('InfluxDB did not answer');
        const status = this.tokens.get(id);
        const outcome = status === undefined ? 'gone' : status === 'active' ? 'active' : 'done';
        if (outcome === 'done') this.tokens.delete(id);
        this.deletions.push({ id, at: this.now, outcome });
        return outcome;
      },
    });
    this.governance = new Governance({ store: this.store, maxLifetimeMs: null, now: () => this.now });
  }

  facts(id: string): TokenFacts {
    return { id, orgID: 'org1', description: `token ${id}`, status: this.tokens.get(id) ?? 'active' };
  }
}

type Cmd = fc.AsyncCommand<Model, Real>;

class SetExpiry implements Cmd {
  constructor(
    readonly id: string,
    readonly inMs: number,
  ) {}
  check = (m: Readonly<Model>) => m.exists.has(this.id);
  async run(m: Model, r: Real) {
    const at = m.now + this.inMs;
    const live = m.expiries.get(this.id);
    // Only the deactivation is sent: a deletion already asked for is kept, and must still come after it.
    const kept = live?.deleteAt;
    if (kept !== undefined && kept <= at) {
      expect(() => r.governance.setExpiry(r.facts(this.id), { expiresAt: iso(at) }, WHO)).toThrow(/must be later/);
    } else {
      r.governance.setExpiry(r.facts(this.id), { expiresAt: iso(at) }, WHO);
      const action = entryAction(live, at, kept ?? null);
      if (action) m.trail.push([action, this.id]);
      m.expiries.set(this.id, { at, done: false, ...(kept !== undefined && { deleteAt: kept }) });
    }
    check(m, r);
  }
  toString = () => `set ${this.id} +${this.inMs}`;
}

class ClearExpiry implements Cmd {
  constructor(readonly id: string) {}
  check = (m: Readonly<Model>) => m.exists.has(this.id);
  async run(m: Model, r: Real) {
    r.governance.setExpiry(r.facts(this.id), { expiresAt: null }, WHO);
    const live = m.expiries.get(this.id);
    if (live && (!live.done || live.deleteAt !== undefined)) m.trail.push(['expiry-cleared', this.id]);
    m.expiries.delete(this.id);
    check(m, r);
  }
  toString = () => `clear ${this.id}`;
}

/** Rotate with a grace period: a new token, and the old one's deactivation scheduled (and its deletion, or none). */
class RotateWithGrace implements Cmd {
  constructor(
    readonly id: string,
    readonly graceMs: number,
    readonly deleteAfterMs: number | null,
  ) {}
  check = (m: Readonly<Model>) => m.exists.has(this.id);
  async run(m: Model, r: Real) {
    const fresh = `new-${++m.created}`;
    r.tokens.set(fresh, 'active');
    r.governance.recordCreate(r.facts(fresh), 'rotate', WHO);
    m.exists.add(fresh);
    m.trail.push(['rotate', fresh]);
    const at = m.now + this.graceMs;
    const deleteAt = this.deleteAfterMs === null ? null : at + this.deleteAfterMs;
    r.governance.setExpiry(r.facts(this.id), { expiresAt: iso(at), deleteAt: deleteAt && iso(deleteAt) }, WHO);
    const action = entryAction(m.expiries.get(this.id), at, deleteAt);
    if (action) m.trail.push([action, this.id]);
    m.expiries.set(this.id, { at, done: false, ...(deleteAt !== null && { deleteAt }) });
    check(m, r);
  }
  toString = () => `rotate ${this.id} grace ${this.graceMs} delete after ${this.deleteAfterMs}`;
}

/** A client was missed: the person switches the old token back on through the console, during its grace period. */
class Reactivate implements Cmd {
  constructor(readonly id: string) {}
  check = (m: Readonly<Model>) => m.inactive.has(this.id);
  async run(m: Model, r: Real) {
    const before = r.store.known(this.id);
    r.tokens.set(this.id, 'active');
    r.governance.recordUpdate(before, r.facts(this.id), WHO);
    m.inactive.delete(this.id);
    m.trail.push(['activate', this.id]);
    // Its deletion, if one was planned after the console switched it off, is cancelled with it.
    const expiry = m.expiries.get(this.id);
    if (expiry?.done && expiry.deleteAt !== undefined) {
      m.trail.push(['expiry-cleared', this.id]);
      delete expiry.deleteAt;
    }
    check(m, r);
  }
  toString = () => `reactivate ${this.id}`;
}

/** Switched back on elsewhere (the influx CLI): the console learns of it only when its deletion falls due. */
class ReactivateOutside implements Cmd {
  constructor(readonly id: string) {}
  check = (m: Readonly<Model>) => m.inactive.has(this.id);
  async run(m: Model, r: Real) {
    r.tokens.set(this.id, 'active');
    m.inactive.delete(this.id);
    check(m, r);
  }
  toString = () => `reactivate ${this.id} outside`;
}

class Delete implements Cmd {
  constructor(readonly id: string) {}
  check = (m: Readonly<Model>) => m.exists.has(this.id);
  async run(m: Model, r: Real) {
    const f = r.facts(this.id);
    const before = r.store.known(this.id) ?? {
      tokenID: f.id,
      orgID: f.orgID,
      description: f.description,
      status: f.status,
    };
    r.tokens.delete(this.id);
    r.governance.recordDelete(before, WHO);
    m.exists.delete(this.id);
    m.inactive.delete(this.id);
    m.trail.push(['delete', this.id]);
    m.expiries.delete(this.id);
    check(m, r);
  }
  toString = () => `delete ${this.id}`;
}

class Advance implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.now += this.ms;
    r.now = m.now;
    const before = r.deactivations.length;
    const deletionsBefore = r.deletions.length;
    await r.scheduler.runDue();
    // Each deactivation InfluxDB took now must carry out a due expiry not yet carried out, in the order they ran.
    for (const d of r.deactivations.slice(before)) {
      const expiry = m.expiries.get(d.id);
      expect(expiry, `${d.id} deactivated without an expiry`).toBeDefined();
      expect(expiry!.done, `${d.id} deactivated twice for one expiry`).toBe(false);
      expect(d.at, `${d.id} deactivated before its time`).toBeGreaterThanOrEqual(expiry!.at);
      expiry!.done = true;
      m.inactive.add(d.id);
      m.trail.push([expiry!.at < m.startedAt && !expiry!.failed ? 'expiry-fired (caught up)' : 'expiry-fired', d.id]);
    }
    // Each deletion asked of InfluxDB carries out a due deletion of a deactivated token: deleted if still inactive,
    // kept (and the deletion dropped) if switched back on.
    for (const d of r.deletions.slice(deletionsBefore)) {
      const expiry = m.expiries.get(d.id);
      expect(expiry?.deleteAt, `${d.id} deleted without a deletion asked for`).toBeDefined();
      expect(expiry!.done, `${d.id} deleted before it was deactivated`).toBe(true);
      expect(d.at, `${d.id} deleted before its time`).toBeGreaterThanOrEqual(expiry!.deleteAt!);
      expect(d.outcome).toBe(m.inactive.has(d.id) ? 'done' : 'active');
      const caughtUp = expiry!.deleteAt! < m.startedAt && !expiry!.deleteFailed;
      if (d.outcome === 'done') {
        m.trail.push([caughtUp ? 'delete (caught up)' : 'delete', d.id]);
        m.exists.delete(d.id);
        m.inactive.delete(d.id);
        m.expiries.delete(d.id);
      } else {
        m.trail.push([caughtUp ? 'expiry-cleared (caught up)' : 'expiry-cleared', d.id]);
        delete expiry!.deleteAt;
      }
    }
    // One still due was not taken: only allowed after a failure (it waits for its backoff); the end checks it.
    for (const [id, expiry] of m.expiries)
      if (!expiry.done && expiry.at <= m.now) {
        expect(r.store.expiry(id)?.lastError, `${id} due, not deactivated, and no failure recorded`).toBeTruthy();
        expiry.failed = true;
      } else if (expiry.done && expiry.deleteAt !== undefined && expiry.deleteAt <= m.now) {
        expect(
          r.store.expiry(id)?.lastError,
          `${id} due for deletion, not handled, and no failure recorded`,
        ).toBeTruthy();
        expiry.deleteFailed = true;
      }
    check(m, r);
  }
  toString = () => `advance ${this.ms}`;
}

/** The console stops (cleanly, or SIGKILLed) and starts again `downMs` later. */
class Restart implements Cmd {
  constructor(
    readonly kill: boolean,
    readonly downMs: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    // A SIGKILL closes nothing: the next process opens the file beside the abandoned connection.
    if (!this.kill) r.store.close();
    m.now += this.downMs;
    r.now = m.now;
    r.open();
    m.startedAt = m.now;
    check(m, r);
  }
  toString = () => `${this.kill ? 'sigkill' : 'restart'}, down ${this.downMs}`;
}

class SetUp implements Cmd {
  constructor(readonly up: boolean) {}
  check = (m: Readonly<Model>) => m.up !== this.up;
  async run(m: Model, r: Real) {
    m.up = r.up = this.up;
  }
  toString = () => (this.up ? 'influx up' : 'influx down');
}

function check(m: Model, r: Real): void {
  const trail = r.store
    .activity({ orgID: 'org1', limit: 10_000 })
    .reverse()
    .map((e) => [e.note?.includes('caught up at start') ? `${e.action} (caught up)` : e.action, e.tokenID]);
  expect(trail).toEqual(m.trail);
}

/** The trail entry a PUT of this deactivation and deletion makes, as the console names it (null: nothing changed). */
function entryAction(live: ModelExpiry | undefined, at: number, deleteAt: number | null): string | null {
  const wasExpiry = live && !live.done ? live.at : null;
  const wasDeletion = live?.deleteAt ?? null;
  if (at !== wasExpiry) return wasExpiry === null ? 'expiry-set' : 'expiry-changed';
  if (deleteAt === wasDeletion) return null;
  return wasDeletion === null ? 'expiry-set' : deleteAt === null ? 'expiry-cleared' : 'expiry-changed';
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

const id = fc.constantFrom(...TOKENS);
const commands = [
  fc.tuple(id, fc.integer({ min: 1, max: 3 * HOUR })).map(([t, ms]) => new SetExpiry(t, ms)),
  id.map((t) => new ClearExpiry(t)),
  fc
    .tuple(id, fc.constantFrom(HOUR, 24 * HOUR, 7 * 24 * HOUR, 90_000), fc.constantFrom(null, HOUR, 24 * HOUR))
    .map(([t, ms, deleteAfter]) => new RotateWithGrace(t, ms, deleteAfter)),
  id.map((t) => new Reactivate(t)),
  id.map((t) => new ReactivateOutside(t)),
  id.map((t) => new Delete(t)),
  fc.integer({ min: 1, max: 2 * HOUR }).map((ms) => new Advance(ms)),
  fc.tuple(fc.boolean(), fc.constantFrom(0, 1000, 2 * HOUR)).map(([kill, ms]) => new Restart(kill, ms)),
  fc.boolean().map((up) => new SetUp(up)),
];

describe('expiry scheduler and trail against the model', () => {
  it('deactivates every due token exactly once, never early, and the trail says so', async () => {
    const params = modelParameters({ runs: 60, steps: 40 });
    let sequences = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: params.steps }), async (cmds) => {
        const dir = mkdtempSync(join(tmpdir(), 'governance-model-'));
        const real = new Real(dir);
        const model: Model = {
          now: real.now,
          up: true,
          exists: new Set(TOKENS),
          inactive: new Set(),
          expiries: new Map(),
          trail: [],
          created: 0,
          startedAt: real.now,
        };
        try {
          await fc.asyncModelRun(() => ({ model, real }), cmds);
          // InfluxDB back, and time past the longest backoff: nothing due is left undone.
          await new SetUp(true).run(model, real);
          await new Advance(10 * 60_000).run(model, real);
          for (const [tokenID, expiry] of model.expiries) {
            if (expiry.at <= model.now) expect(expiry.done, `${tokenID} due and never deactivated`).toBe(true);
            if (expiry.deleteAt !== undefined && expiry.deleteAt <= model.now)
              expect(model.inactive.has(tokenID), `${tokenID} due for deletion, inactive, and never deleted`).toBe(
                false,
              );
          }
          sequences++;
        } finally {
          real.store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      params.assertOptions,
    );
    expect(sequences).toBeGreaterThanOrEqual(params.runs);
  }, 300_000);
});
