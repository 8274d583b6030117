import { describe, expect, it } from 'vitest';
import { runBounded } from './run-bounded';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('runBounded', () => {
  it('keeps at most `limit` tasks in flight and reports each outcome', async () => {
    const gates = Array.from({ length: 10 }, deferred);
    let inFlight = 0;
    let most = 0;
    const run = runBounded(
      gates.map((_, i) => i),
      3,
      async (i) => {
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          await gates[i]!.promise;
        } finally {
          inFlight--;
        }
      },
    );
    for (let i = 0; i < 10; i++) {
      await Promise.resolve();
      if (i === 4) gates[i]!.reject(new Error('no'));
      else gates[i]!.resolve();
      await new Promise((r) => setTimeout(r, 0));
    }
    const result = await run;
    expect(most).toBe(3);
    expect(result.settled).toHaveLength(10);
    expect(result.settled.filter((s) => s.error).map((s) => s.item)).toEqual([4]);
    expect(result.notStarted).toEqual([]);
  });

  it('passes each task its index in the list, so callers can report in list order', async () => {
    const seen: [string, number][] = [];
    await runBounded(['a', 'b', 'c', 'd'], 2, async (item, index) => {
      await new Promise((r) => setTimeout(r, item === 'a' ? 5 : 0));
      seen.push([item, index]);
    });
    expect(seen.sort((x, y) => x[1] - y[1])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ]);
  });

  it('starts nothing for an empty list', async () => {
    let calls = 0;
    const result = await runBounded([], 8, async () => void calls++);
    expect(calls).toBe(0);
    expect(result).toEqual({ settled: [], notStarted: [] });
  });

  it('stops starting new tasks once aborted; started ones finish', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const result = await runBounded(
      Array.from({ length: 20 }, (_, i) => i),
      2,
      async (i) => {
        started.push(i);
        if (i === 3) controller.abort();
        await new Promise((r) => setTimeout(r, 1));
      },
      { signal: controller.signal },
    );
    expect(started).toEqual([0, 1, 2, 3]);
    expect(result.settled.map((s) => s.item).sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
    expect(result.notStarted).toEqual(Array.from({ length: 16 }, (_, i) => i + 4));
  });
});
