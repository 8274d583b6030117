// One shared clock for relative times ("3 minutes ago"); ticks only while something shows them.
import { useSyncExternalStore } from 'react';

const TICK_MS = 30_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const stayStill = () => () => {};

/** The shared clock; with `active` false it does not tick (and reads 0), so a caller that needs it only sometimes
 * does not re-render every 30 s for nothing. */
export function useNow(active = true): number {
  return useSyncExternalStore(active ? subscribe : stayStill, () => (active ? now : 0));
}
