// Model-based test (fast-check fc.commands) of the token list's caches on the page side: the worker's diff
// against its copies of earlier answers, the page rebuilding the list from its own copy, and the query's
// structural sharing. For any sequence of server answers (adds, deletes, reorders, changes, as InfluxDB makes
// them: updatedAt moves with every change, permissions never change) and of loads the page takes or drops
// (cancelled), the page ends with exactly the newest taken answer's tokens, and unchanged tokens keep their objects.
// More: MODEL_RUNS=1000 npx vitest run src/features/tokens/api/token-list-diff.model.test.ts
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Authorization } from '../../../../core/influx-types';
import { makeToken } from '../../../testing/token-factory';
import { shareUnchangedTokens } from './share-unchanged-tokens';
import { applyTokenListAnswer, type ServerList } from './token-list-diff';
import { chunkTokens, joinAnswer, type FromWorker } from './token-list-protocol';
import { createTokenListWorker } from './token-list-worker-core';

interface Model {
  /** What the server answers now. */
  server: Authorization[];
  /** What the page shows: the newest answer it took. */
  shown: Authorization[];
  clock: number;
}

interface Real {
  load(): Promise<{ answer: ServerList; taken: boolean }>;
  /** The page's list (after structural sharing), and the answer it holds, for the next load's base. */
  page: { list: ServerList | undefined; shared: Authorization[] | undefined };
  serverText(): string;
  model: Model;
  /** The next load's answer is dropped by the page (its request was superseded). */
  dropNext: boolean;
  messages: number;
}

type Cmd = fc.AsyncCommand<Model, Real>;

const stamp = (m: Model) => `2031-01-01T00:00:${String(++m.clock).padStart(6, '0')}Z`;

class Add implements Cmd {
  constructor(
    readonly at: number,
    readonly description: string,
  ) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    const token = makeToken({ description: this.description, updatedAt: stamp(m) });
    m.server.splice(this.at % (m.server.length + 1), 0, token);
  }
  toString = () => `Add(@${this.at}, ${JSON.stringify(this.description)})`;
}

class Remove implements Cmd {
  constructor(readonly at: number) {}
  check = (m: Readonly<Model>) => m.server.length > 0;
  async run(m: Model): Promise<void> {
    m.server.splice(this.at % m.server.length, 1);
  }
  toString = () => `Remove(@${this.at})`;
}

class Move implements Cmd {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {}
  check = (m: Readonly<Model>) => m.server.length > 1;
  async run(m: Model): Promise<void> {
    const [token] = m.server.splice(this.from % m.server.length, 1);
    m.server.splice(this.to % (m.server.length + 1), 0, token!);
  }
  toString = () => `Move(${this.from} -> ${this.to})`;
}

class Change implements Cmd {
  constructor(
    readonly at: number,
    readonly field: 'description' | 'status' | 'user' | 'updatedAt only',
    readonly text: string,
  ) {}
  check = (m: Readonly<Model>) => m.server.length > 0;
  async run(m: Model): Promise<void> {
    const i = this.at % m.server.length;
    const old = m.server[i]!;
    // Renaming a user changes its tokens' `user` without touching their updatedAt; every other change moves it.
    const changed = this.field === 'user' ? { ...old, user: `${old.user}-renamed` } : { ...old, updatedAt: stamp(m) };
    if (this.field === 'description') changed.description = this.text;
    if (this.field === 'status') changed.status = old.status === 'active' ? 'inactive' : 'active';
    m.server[i] = changed;
  }
  toString = () => `Change(@${this.at}, ${this.field}, ${JSON.stringify(this.text)})`;
}

class Shuffle implements Cmd {
  constructor(readonly seed: number) {}
  check = (m: Readonly<Model>) => m.server.length > 1;
  async run(m: Model): Promise<void> {
    let s = this.seed;
    for (let i = m.server.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      const j = s % (i + 1);
      [m.server[i], m.server[j]] = [m.server[j]!, m.server[i]!];
    }
  }
  toString = () => `Shuffle(${this.seed})`;
}

class Load implements Cmd {
  constructor(readonly drop: boolean) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    r.dropNext = this.drop;
    const before = r.page.shared;
    const { answer, taken } = await r.load();
    // Whatever the page held, the answer itself is the server's list, exactly.
    expect(answer.tokens).toEqual(m.server);
    if (!taken) {
      expect(r.page.shared).toBe(before);
      return;
    }
    m.shown = structuredClone(m.server);
    expect(r.page.shared).toEqual(m.shown);
    // Structural sharing: a token the page showed, unchanged, is still the same object.
    const old = new Map((before ?? []).map((t) => [t.id, t]));
    for (const token of r.page.shared!) {
      const was = old.get(token.id);
      if (was && JSON.stringify(was) === JSON.stringify(token)) expect(token).toBe(was);
    }
  }
  toString = () => (this.drop ? 'LoadDropped' : 'Load');
}

function makeReal(model: Model, tokensPerMessage: number): Real {
  let requestId = 0;
  const real: Real = {
    page: { list: undefined, shared: undefined },
    serverText: () => JSON.stringify({ links: { self: '/api/v2/authorizations' }, authorizations: model.server }, null, 2),
    model,
    dropNext: false,
    messages: 0,
    async load() {
      const id = ++requestId;
      const messages: FromWorker[] = [];
      let done: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      const worker = workerFor(real, tokensPerMessage, (message) => {
        messages.push(structuredClone(message));
        if (message.type !== 'tokens') done();
      });
      worker({ type: 'load', requestId: id, stream: 'org', base: real.page.list?.version ?? 0, request: { url: 'http://influx.test/api/v2/authorizations', method: 'GET', headers: {}, where: 'InfluxDB' } });
      await finished;
      real.messages += messages.length;
      const last = messages.at(-1)!;
      if (last.type !== 'done') throw new Error(`the worker failed: ${JSON.stringify(last)}`);
      const chunks = messages.flatMap((message) => (message.type === 'tokens' ? [chunkTokens(message)] : []));
      const answer = applyTokenListAnswer(real.page.list, joinAnswer(last.head, chunks));
      if (real.dropNext) return { answer, taken: false };
      real.page.list = answer;
      real.page.shared = shareUnchangedTokens(real.page.shared, answer.tokens) as Authorization[];
      return { answer, taken: true };
    },
  };
  return real;
}

/** One worker for the whole sequence, as the page has; its fetch answers the server's current text. */
const workers = new WeakMap<Real, (message: Parameters<ReturnType<typeof createTokenListWorker>>[0]) => void>();
let post: (message: FromWorker) => void = () => {};
function workerFor(real: Real, tokensPerMessage: number, onMessage: (message: FromWorker) => void) {
  post = onMessage;
  let worker = workers.get(real);
  if (!worker) {
    const fakeFetch = async () => new Response(real.serverText(), { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    worker = createTokenListWorker((message) => post(message), fakeFetch, tokensPerMessage);
    workers.set(real, worker);
  }
  return worker;
}

const runs = Number(process.env.MODEL_RUNS ?? 200);
const steps = Number(process.env.MODEL_STEPS ?? 40);
const seed = process.env.MODEL_SEED === undefined ? undefined : Number(process.env.MODEL_SEED);
const path = process.env.MODEL_PATH;

describe('token list worker diff, page rebuild and structural sharing against the model', () => {
  it('the page ends with exactly the newest taken answer for any sequence of answers and loads', async () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('', 'same', '"q"', '🔑'));
    const commands = [
      fc.tuple(fc.nat(50), text).map(([at, d]) => new Add(at, d)),
      fc.tuple(fc.nat(50), text).map(([at, d]) => new Add(at, d)),
      fc.nat(50).map((at) => new Remove(at)),
      fc.tuple(fc.nat(50), fc.nat(50)).map(([a, b]) => new Move(a, b)),
      fc.tuple(fc.nat(50), fc.constantFrom('description' as const, 'status' as const, 'user' as const, 'updatedAt only' as const), text).map(([at, f, t]) => new Change(at, f, t)),
      fc.nat().map((s) => new Shuffle(s)),
      fc.constant(new Load(false)),
      fc.constant(new Load(false)),
      fc.constant(new Load(true)),
    ];
    let sequences = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: steps, size: 'max' }), fc.integer({ min: 1, max: 4 }), fc.nat(6), async (cmds, perMessage, initial) => {
        const model: Model = { server: [], shown: [], clock: 0 };
        for (let i = 0; i < initial; i++) model.server.push(makeToken({ updatedAt: stamp(model) }));
        const real = makeReal(model, perMessage);
        sequences++;
        total += [...cmds].length;
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        await new Load(false).run(model, real);
      }),
      { numRuns: runs, verbose: 1, ...(seed !== undefined && { seed }), ...(path !== undefined && { path, endOnFailure: true }) },
    );
    expect(sequences).toBeGreaterThanOrEqual(runs);
    console.log(`[model] token list worker diff: ${sequences} sequences, ${total} steps (up to ${steps} a sequence)`);
  }, 120_000);
});
