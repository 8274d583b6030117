// Code that the first paint does not need (a menu's or tooltip's machinery, a dialog) loaded on demand: `preload()`
// starts the download once (on pointing at or focusing the control, or when the page is idle), `useOnDemand` gives
// the module once it is there. A failed download is tried again at the next preload.
import { useEffect, useReducer, useState } from 'react';

export interface OnDemand<T> {
  preload(): Promise<T>;
  /** The module, once loaded. */
  loaded(): T | undefined;
}

export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    preload() {
      pending ??= load().then(
        (module) => (value = module),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    loaded: () => value,
  };
}

/** The module while `wanted` (loading it if needed and re-rendering when it arrives); undefined until then. */
export function useOnDemand<T>(module: OnDemand<T>, wanted: boolean): T | undefined {
  const { value } = useLoaded(module, wanted);
  return wanted ? value : undefined;
}

/**
 * The module, for code a screen cannot show its content without (the token list): loaded at once, and when the
 * download fails `failed` says so until `retry` tries again (a plain useOnDemand would wait for the next preload).
 */
export function useRequiredOnDemand<T>(module: OnDemand<T>): {
  value: T | undefined;
  failed: boolean;
  retry: () => void;
} {
  return useLoaded(module, true);
}

function useLoaded<T>(module: OnDemand<T>, wanted: boolean) {
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  const [attempt, setAttempt] = useState(0);
  const [failedAttempt, setFailedAttempt] = useState<number | null>(null);
  const value = module.loaded();
  useEffect(() => {
    if (!wanted || value !== undefined) return;
    let live = true;
    module.preload().then(
      () => live && arrived(),
      () => live && setFailedAttempt(attempt),
    );
    return () => {
      live = false;
    };
  }, [module, wanted, value, attempt]);
  return {
    value,
    failed: value === undefined && failedAttempt === attempt,
    retry: () => setAttempt((n) => n + 1),
  };
}

/**
 * Runs `preload` once the page has nothing else to do (after the first paint), so the first use does not wait.
 * One preload per idle period, in the order asked: starting a download (its <link> tags, then the module's
 * evaluation) costs the main thread a few milliseconds each, and all at once they made one long task.
 */
export function preloadWhenIdle(preload: () => unknown): void {
  if (typeof window === 'undefined') return;
  idleQueue.push(preload);
  if (idleQueue.length === 1) nextIdle(runOneIdle);
}

const idleQueue: (() => unknown)[] = [];

function nextIdle(run: () => void) {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3_000 });
  else setTimeout(run, 1_000);
}

function runOneIdle() {
  // The page can be gone by the time a wait ends (a test's jsdom window closes after its last test): nothing is
  // left to preload into, and the global `window` no longer exists.
  if (typeof window === 'undefined') {
    idleQueue.length = 0;
    return;
  }
  const preload = idleQueue.shift();
  if (idleQueue.length > 0) nextIdle(runOneIdle);
  if (preload)
    void Promise.resolve()
      .then(preload)
      .catch(() => {});
}
