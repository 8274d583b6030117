import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { modelParameters } from '../../../../core/model-parameters';
import { createFlingWatch, PAUSE_MS, READABLE_PX_PER_S, SETTLE_MS } from './fling-watch';

const { steps, assertOptions } = modelParameters({ runs: 200, steps: 60 });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Scrolls `dy` pixels over `dt` ms after the last event (the fake clock moves with it). */
function scroller(watch: ReturnType<typeof createFlingWatch>) {
  let y = 0;
  let t = 0;
  watch.scrolled(y, t);
  return (dy: number, dt: number) => {
    vi.advanceTimersByTime(dt);
    y += dy;
    t += dt;
    watch.scrolled(y, t);
  };
}

describe('the fling watch', () => {
  it('a fast fling counts from its first fast step until SETTLE_MS after its last one, then tells each listener once', () => {
    const watch = createFlingWatch();
    const scroll = scroller(watch);
    scroll(50, 16);
    expect(watch.fast()).toBe(false);
    scroll(600, 16);
    expect(watch.fast()).toBe(true);
    const settled = vi.fn();
    watch.onSettled(settled);
    scroll(-600, 16);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(watch.fast()).toBe(true);
    expect(settled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(watch.fast()).toBe(false);
    expect(settled).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(SETTLE_MS * 3);
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('reading speed (a wheel notch, a key press, a far jump after a pause) is not a fling', () => {
    const watch = createFlingWatch();
    const scroll = scroller(watch);
    for (let i = 0; i < 30; i++) scroll(100, 16); // 6,250 px/s: a fast wheel, rows still legible
    scroll(52, 40); // arrow key
    scroll(100_000, PAUSE_MS + 1); // End, after a pause
    expect(watch.fast()).toBe(false);
  });

  it('a listener that arrives when no fling is under way is told at once; an unsubscribed one is not told', () => {
    const watch = createFlingWatch();
    const early = vi.fn();
    watch.onSettled(early);
    expect(early).toHaveBeenCalledTimes(1);
    const scroll = scroller(watch);
    scroll(5_000, 16);
    const gone = vi.fn();
    watch.onSettled(gone)();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(gone).not.toHaveBeenCalled();
  });

  it('reset ends a fling at once (the list unmounted) and forgets the last position', () => {
    const watch = createFlingWatch();
    const scroll = scroller(watch);
    scroll(5_000, 16);
    const settled = vi.fn();
    watch.onSettled(settled);
    watch.reset();
    expect(watch.fast()).toBe(false);
    expect(settled).toHaveBeenCalledTimes(1);
    // No last position: the next event alone is no speed, however far it is from the old one.
    watch.scrolled(900_000, 1);
    expect(watch.fast()).toBe(false);
  });

  it('matches a plain model over any sequence of scrolls, pauses, listeners and resets', () => {
    interface Model {
      last?: { y: number; t: number };
      /** When the fling settles; undefined when none is under way. */
      settlesAt?: number;
      now: number;
      pending: Set<number>;
      told: Map<number, number>;
    }
    interface Real {
      watch: ReturnType<typeof createFlingWatch>;
      told: Map<number, number>;
      unsubscribe: Map<number, () => void>;
      y: number;
      next: number;
    }
    /** The fling under way (if any) settles: every pending listener is told once. */
    const settle = (m: Model) => {
      m.settlesAt = undefined;
      for (const id of m.pending) m.told.set(id, (m.told.get(id) ?? 0) + 1);
      m.pending.clear();
    };
    const advance = (m: Model, r: Real, ms: number) => {
      vi.advanceTimersByTime(ms);
      m.now += ms;
      if (m.settlesAt !== undefined && m.settlesAt <= m.now) settle(m);
      expect(r.watch.fast()).toBe(m.settlesAt !== undefined);
      expect(r.told).toEqual(m.told);
    };
    class Scroll implements fc.Command<Model, Real> {
      constructor(
        readonly dy: number,
        readonly dt: number,
      ) {}
      check = () => true;
      run(m: Model, r: Real) {
        advance(m, r, this.dt);
        r.y += this.dy;
        r.watch.scrolled(r.y, m.now);
        const last = m.last;
        m.last = { y: r.y, t: m.now };
        const gap = last ? m.now - last.t : Infinity;
        if (gap <= PAUSE_MS && (Math.abs(this.dy) / Math.max(gap, 8)) * 1000 > READABLE_PX_PER_S)
          m.settlesAt = m.now + SETTLE_MS;
        expect(r.watch.fast()).toBe(m.settlesAt !== undefined);
      }
      toString = () => `scroll(${this.dy}, ${this.dt})`;
    }
    class Listen implements fc.Command<Model, Real> {
      check = () => true;
      run(m: Model, r: Real) {
        const id = r.next++;
        if (m.settlesAt === undefined) m.told.set(id, 1);
        else m.pending.add(id);
        r.unsubscribe.set(
          id,
          r.watch.onSettled(() => r.told.set(id, (r.told.get(id) ?? 0) + 1)),
        );
        expect(r.told).toEqual(m.told);
      }
      toString = () => 'listen';
    }
    class Unsubscribe implements fc.Command<Model, Real> {
      constructor(readonly pick: number) {}
      check = (m: Readonly<Model>) => m.pending.size > 0;
      run(m: Model, r: Real) {
        const id = [...m.pending][this.pick % m.pending.size]!;
        m.pending.delete(id);
        r.unsubscribe.get(id)!();
      }
      toString = () => `unsubscribe(${this.pick})`;
    }
    class Reset implements fc.Command<Model, Real> {
      check = () => true;
      run(m: Model, r: Real) {
        r.watch.reset();
        m.last = undefined;
        if (m.settlesAt !== undefined) settle(m);
        expect(r.watch.fast()).toBe(false);
        expect(r.told).toEqual(m.told);
      }
      toString = () => 'reset';
    }
    class Wait implements fc.Command<Model, Real> {
      constructor(readonly ms: number) {}
      check = () => true;
      run(m: Model, r: Real) {
        advance(m, r, this.ms);
      }
      toString = () => `wait(${this.ms})`;
    }
    const commands = [
      fc
        .tuple(fc.integer({ min: -20_000, max: 20_000 }), fc.integer({ min: 0, max: 400 }))
        .map(([dy, dt]) => new Scroll(dy, dt)),
      fc.constant(new Listen()),
      fc.nat(20).map((pick) => new Unsubscribe(pick)),
      fc.constant(new Reset()),
      fc.integer({ min: 1, max: 2 * SETTLE_MS }).map((ms) => new Wait(ms)),
    ];
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: steps, size: 'max' }), (cmds) => {
        vi.clearAllTimers();
        const model: Model = { now: 0, pending: new Set(), told: new Map() };
        const real: Real = { watch: createFlingWatch(), told: new Map(), unsubscribe: new Map(), y: 0, next: 0 };
        fc.modelRun(() => ({ model, real }), cmds);
      }),
      assertOptions,
    );
  });
});
