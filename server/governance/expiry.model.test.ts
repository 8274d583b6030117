// The expiry scheduler and the trail together, against a plain model, for any sequence of: expiry set, changed or
// cleared; a rotation with a grace period (the old token's expiry set); a token deleted; time passing; a restart; a
// SIGKILL (the process gone without closing anything); InfluxDB going away and coming back. After every step: no
// token was deactivated early or without a due expiry, none twice for one expiry, and the trail is the model's.
// At the end, with InfluxDB back and time enough for the backoff, every due token has been deactivated.
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
}
interface Model {
  now: number;
  up: boolean;
  exists: Set<string>;
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
    r.governance.setExpiry(r.facts(this.id), new Date(at).toISOString(), WHO);
    const live = m.expiries.get(this.id);
    m.trail.push([live && !live.done ? 'expiry-changed' : 'expiry-set', this.id]);
    m.expiries.set(this.id, { at: new Date(new Date(at).toISOString()).getTime(), done: false });
    check(m, r);
  }
  toString = () => `set ${this.id} +${this.inMs}`;
}

class ClearExpiry implements Cmd {
  constructor(readonly id: string) {}
  check = (m: Readonly<Model>) => m.exists.has(this.id);
  async run(m: Model, r: Real) {
    r.governance.setExpiry(r.facts(this.id), null, WHO);
    const live = m.expiries.get(this.id);
    if (live && !live.done) m.trail.push(['expiry-cleared', this.id]);
    m.expiries.delete(this.id);
    check(m, r);
  }
  toString = () => `clear ${this.id}`;
}

/** Rotate with a grace period: a new token, and the old one's deactivation scheduled. */
class RotateWithGrace implements Cmd {
  constructor(
    readonly id: string,
    readonly graceMs: number,
  ) {}
  check = (m: Readonly<Model>) => m.exists.has(this.id);
  async run(m: Model, r: Real) {
    const fresh = `new-${++m.created}`;
    r.tokens.set(fresh, 'active');
    r.governance.recordCreate(r.facts(fresh), 'rotate', WHO);
    m.exists.add(fresh);
    m.trail.push(['rotate', fresh]);
    await new SetExpiry(this.id, this.graceMs).run(m, r);
  }
  toString = () => `rotate ${this.id} grace ${this.graceMs}`;
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
    await r.scheduler.runDue();
    // Each deactivation InfluxDB took now must carry out a due expiry not yet carried out, in the order they ran.
    for (const d of r.deactivations.slice(before)) {
      const expiry = m.expiries.get(d.id);
      expect(expiry, `${d.id} deactivated without an expiry`).toBeDefined();
      expect(expiry!.done, `${d.id} deactivated twice for one expiry`).toBe(false);
      expect(d.at, `${d.id} deactivated before its time`).toBeGreaterThanOrEqual(expiry!.at);
      expiry!.done = true;
      m.trail.push([expiry!.at < m.startedAt && !expiry!.failed ? 'expiry-fired (caught up)' : 'expiry-fired', d.id]);
    }
    // One still due was not taken: only allowed after a failure (it waits for its backoff); the end checks it.
    for (const [id, expiry] of m.expiries)
      if (!expiry.done && expiry.at <= m.now) {
        expect(r.store.expiry(id)?.lastError, `${id} due, not deactivated, and no failure recorded`).toBeTruthy();
        expiry.failed = true;
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
    .map((e) => [e.note?.startsWith('caught up at start') ? `${e.action} (caught up)` : e.action, e.tokenID]);
  expect(trail).toEqual(m.trail);
}

const id = fc.constantFrom(...TOKENS);
const commands = [
  fc.tuple(id, fc.integer({ min: 1, max: 3 * HOUR })).map(([t, ms]) => new SetExpiry(t, ms)),
  id.map((t) => new ClearExpiry(t)),
  fc.tuple(id, fc.constantFrom(HOUR, 24 * HOUR, 7 * 24 * HOUR, 90_000)).map(([t, ms]) => new RotateWithGrace(t, ms)),
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
          for (const [tokenID, expiry] of model.expiries)
            if (expiry.at <= model.now) expect(expiry.done, `${tokenID} due and never deactivated`).toBe(true);
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
