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
