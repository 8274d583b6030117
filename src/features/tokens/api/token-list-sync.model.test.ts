// Model-based test (fast-check fc.commands) of the token list's sync as the page lives it: the worker's scan and
// diff against its copies of earlier answers, the page rebuilding the list from its own copy (the one layer that
// reuses objects: the query has no structural sharing), a first load's tokens shown as partial while the answer
// streams in, loads the page drops (cancelled mid-stream), answers that break off mid-stream, and lists that leave
// the cache. The real list query runs (tokenQueries.list through loadTokenList and the in-process worker); the
// server's answer arrives in random pieces. For any sequence of server changes (adds, deletes, reorders, changes,
// as InfluxDB makes them: updatedAt moves with every change, permissions never change) and of loads:
// - a taken load leaves exactly the server's list, unchanged tokens keep their objects, no change keeps the array;
// - a partial list is only ever shown while no complete list is, and is the server's list so far, in order;
// - a refetch never shows a partial list; a dropped or broken refetch keeps the complete list as it was;
// - a broken first load keeps what arrived, marked failed; a complete answer clears the partial list.
// More: MODEL_RUNS=1000 npx vitest run src/features/tokens/api/token-list-sync.model.test.ts
import { CancelledError, hashKey, QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createInfluxClient } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { modelParameters } from '../../../../test/model/parameters';
import { inProcessTokenListWorker } from '../../../testing/in-process-token-list-worker';
import { makeToken, ORG_ID } from '../../../testing/token-factory';
import { tokenKeys, tokenQueries } from './token-queries';
import { connectTokenListWorker, loadTokenList, partialLists, type PartialList } from '../list-sync';

interface Model {
  /** What the server answers now. */
  server: Authorization[];
  clock: number;
}

/** How the next answer travels: cut into pieces at these fractions of its text; dropped or broken after a piece. */
interface Delivery {
  cuts: number[];
  end: { after: number; how: 'cancel' | 'break' } | null;
}

interface Real {
  queryClient: QueryClient;
  load(delivery: Delivery): Promise<'taken' | 'cancelled' | 'failed'>;
  data(): Authorization[] | undefined;
  partial(): PartialList | undefined;
  /** Every partial list shown during the last load, with whether a complete list was showing at that moment. */
  shown: { list: PartialList | undefined; overComplete: boolean }[];
  /** Whether the worker sent tokens while the last answer was still arriving. */
  arrivingSent(): boolean;
}

type Cmd = fc.AsyncCommand<Model, Real>;

const stamp = (m: Model) => `2031-01-01T00:00:${String(++m.clock).padStart(6, '0')}Z`;
const listKey = tokenKeys.list(ORG_ID);

class Add implements Cmd {
  constructor(
    readonly at: number,
    readonly description: string,
  ) {}
  check = () => true;
  async run(m: Model): Promise<void> {
    m.server.splice(
      this.at % (m.server.length + 1),
      0,
      makeToken({ description: this.description, updatedAt: stamp(m) }),
    );
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

/** The list leaves the cache (e.g. sign-out): the next load is a first load again. */
class Forget implements Cmd {
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    r.queryClient.removeQueries({ queryKey: listKey, exact: true });
    expect(r.data()).toBeUndefined();
    expect(r.partial()).toBeUndefined();
  }
  toString = () => 'Forget';
}

const isPrefixOf = (tokens: Authorization[], of: Authorization[]) =>
  tokens.length <= of.length && expect(tokens).toEqual(of.slice(0, tokens.length));

class Load implements Cmd {
  constructor(readonly delivery: Delivery) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const server = structuredClone(m.server);
    const before = r.data();
    const partialBefore = r.partial();
    const outcome = await r.load(this.delivery);

    for (const { list, overComplete } of r.shown) {
      if (!list) continue;
      // Never a partial list over a complete one; only the server's tokens so far (or what an earlier broken load kept).
      expect(overComplete).toBe(false);
      if (list.tokens !== partialBefore?.tokens) isPrefixOf(list.tokens, server);
    }
    if (before) expect(r.shown.every((s) => !s.list)).toBe(true);

    if (outcome === 'taken') {
      const after = r.data()!;
      expect(after).toEqual(server);
      expect(r.partial()).toBeUndefined();
      // The one reuse layer: an unchanged token is the very object the page held, and no change keeps the array.
      const old = new Map((before ?? []).map((t) => [t.id, t]));
      for (const token of after) {
        const was = old.get(token.id);
        if (was && JSON.stringify(was) === JSON.stringify(token)) expect(token).toBe(was);
      }
      if (before && JSON.stringify(before) === JSON.stringify(server)) expect(after).toBe(before);
      // A first load whose tokens were sent while arriving showed them before it settled.
      if (!before && r.arrivingSent()) expect(r.shown.some((s) => s.list)).toBe(true);
      return;
    }
    // Dropped or broken: a complete list stays exactly as it was.
    expect(r.data()).toBe(before);
    if (before) {
      expect(r.partial()).toBeUndefined();
      return;
    }
    const partial = r.partial();
    // A first load that broke off after tokens arrived keeps them, marked as failed.
    if (outcome === 'failed' && r.arrivingSent()) expect(partial?.failed).toBeInstanceOf(Error);
    if (outcome === 'failed' && partial) expect(partial.failed).toBeInstanceOf(Error);
    // Cancelled: what it showed is still under way (not failed); if it showed nothing, an earlier broken load's
    // partial list stays exactly as it was, still marked failed (the list is still incomplete).
    if (outcome === 'cancelled' && r.shown.some((s) => s.list)) expect(partial?.failed).toBeNull();
    if (outcome === 'cancelled' && !r.shown.some((s) => s.list)) expect(partial).toBe(partialBefore);
  }
  toString = () => `Load(${JSON.stringify(this.delivery)})`;
}

function makeReal(model: Model, tokensPerMessage: number): Real {
  let delivery: Delivery = { cuts: [], end: null };
  let cancelled = false;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const influx = createInfluxClient({ baseUrl: 'http://influx.test' });
  const body = () => {
    const text = JSON.stringify({ links: { self: '/api/v2/authorizations' }, authorizations: model.server }, null, 2);
    // Cut the bytes, as the network does (a cut may fall inside a character's UTF-8 sequence), never the string:
    // encoding string pieces one by one would split surrogate pairs into U+FFFD, which no network sends.
    const bytes = new TextEncoder().encode(text);
    const cuts = [...new Set(delivery.cuts.map((f) => Math.floor(f * bytes.length)))]
      .filter((c) => c > 0 && c < bytes.length)
      .sort((a, b) => a - b);
    const pieces = [0, ...cuts].map((start, i) => bytes.slice(start, [...cuts, bytes.length][i]));
    const { end } = delivery;
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        // A task between pieces, as between network reads: the worker scans and posts what arrived.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (end && sent === Math.min(end.after, pieces.length - 1)) {
          if (end.how === 'break') return controller.error(new TypeError('network error'));
          cancelled = true;
          void queryClient.cancelQueries({ queryKey: listKey });
        }
        if (sent === pieces.length) return controller.close();
        controller.enqueue(pieces[sent++]!);
      },
    });
  };
  const inProcess = inProcessTokenListWorker({
    fetch: async () =>
      new Response(body(), { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } }),
    tokensPerMessage,
  });
  const worker = connectTokenListWorker(() => inProcess.worker);
  const partials = partialLists(queryClient);
  const hash = hashKey(listKey);
  const real: Real = {
    queryClient,
    shown: [],
    data: () => queryClient.getQueryData<Authorization[]>(listKey),
    partial: () => partials.get(hash),
    arrivingSent: () => inProcess.sent.some((m) => m.type === 'tokens' && m.arriving),
    async load(next) {
      delivery = next;
      real.shown = [];
      inProcess.sent.length = 0;
      cancelled = false;
      const stop = partials.subscribe(() =>
        real.shown.push({ list: partials.get(hash), overComplete: real.data() !== undefined }),
      );
      try {
        await queryClient.fetchQuery({
          ...tokenQueries.list(influx, ORG_ID),
          queryFn: (context) => loadTokenList(context, influx, ORG_ID, worker),
          staleTime: 0,
        });
        // A cancelled fetch resolves with the data the query held (TanStack reverts to it).
        if (!cancelled) return 'taken';
        await new Promise((resolve) => setTimeout(resolve, 5));
        return 'cancelled';
      } catch (error) {
        if (error instanceof CancelledError) {
          // Let the worker see the cancel before the next load.
          await new Promise((resolve) => setTimeout(resolve, 5));
          return 'cancelled';
        }
        return 'failed';
      } finally {
        stop();
      }
    },
  };
  clients.push(queryClient);
  return real;
}

const clients: QueryClient[] = [];
afterAll(() => clients.forEach((c) => c.clear()));

const { runs, steps, assertOptions } = modelParameters({ runs: 150, steps: 40 });

describe('token list sync (worker diff, page rebuild, streaming partial list) against the model', () => {
  it('the page shows exactly the newest taken answer, partial lists only before the first, for any sequence', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom('', 'same', '"q"', '🔑', '\\"}]'),
    );
    const delivery = (end: fc.Arbitrary<Delivery['end']>) =>
      fc.record({ cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), end });
    const ending = fc.record({ after: fc.nat(8), how: fc.constantFrom('cancel' as const, 'break' as const) });
    const commands = [
      fc.tuple(fc.nat(50), text).map(([at, d]) => new Add(at, d)),
      fc.tuple(fc.nat(50), text).map(([at, d]) => new Add(at, d)),
      fc.nat(50).map((at) => new Remove(at)),
      fc.tuple(fc.nat(50), fc.nat(50)).map(([a, b]) => new Move(a, b)),
      fc
        .tuple(
          fc.nat(50),
          fc.constantFrom('description' as const, 'status' as const, 'user' as const, 'updatedAt only' as const),
          text,
        )
        .map(([at, f, t]) => new Change(at, f, t)),
      fc.nat().map((s) => new Shuffle(s)),
      delivery(fc.constant(null)).map((d) => new Load(d)),
      delivery(fc.constant(null)).map((d) => new Load(d)),
      delivery(ending).map((d) => new Load(d)),
      delivery(ending).map((d) => new Load(d)),
      fc.constant(new Forget()),
      fc.constant(new Forget()),
    ];
    let sequences = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.commands(commands, { maxCommands: steps, size: 'max' }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(6),
        async (cmds, perMessage, initial) => {
          const model: Model = { server: [], clock: 0 };
          for (let i = 0; i < initial; i++) model.server.push(makeToken({ updatedAt: stamp(model) }));
          const real = makeReal(model, perMessage);
          sequences++;
          total += [...cmds].length;
          await fc.asyncModelRun(() => ({ model, real }), cmds);
          await new Load({ cuts: [0.5], end: null }).run(model, real);
          real.queryClient.clear();
        },
      ),
      { ...assertOptions, verbose: 1 },
    );
    expect(sequences).toBeGreaterThanOrEqual(runs);
    console.log(`[model] token list sync: ${sequences} sequences, ${total} steps (up to ${steps} a sequence)`);
  }, 240_000);
});
