// Is the window being flung faster than anyone can read? A row that first appears during such a fling is drawn as a
// sketch (its description only) and filled in once the fling settles: drawing whole rows a dozen at a time, frame
// after frame, costs more than a frame on a slow machine, and nobody reads them as they pass. Rows already whole stay
// whole (a focused control is never taken away), and a jump after a pause (End, a link to a row) is not a fling.
import { useEffect, useState } from 'react';

/** About 150 rows a second, two and a half per frame: text moving faster than this is a blur. */
export const READABLE_PX_PER_S = 8_000;
/** How long after the last fast scroll the fling counts as settled and sketches fill in. */
export const SETTLE_MS = 150;
/** Two scroll events closer together than this are read as this far apart (they land in one frame). */
const MIN_GAP_MS = 8;
/** A scroll this long after the one before starts afresh: a jump after a pause (End, a link to a row) has no speed. */
export const PAUSE_MS = 250;

interface FlingWatch {
  /** The window's scroll position `y` at time `t` (ms). */
  scrolled(y: number, t: number): void;
  fast(): boolean;
  /** Called once when the current fling settles (at once when none is under way); returns an unsubscribe. */
  onSettled(listener: () => void): () => void;
  /** Forgets the last position and any fling (the list is gone). */
  reset(): void;
}

export function createFlingWatch(): FlingWatch {
  let fast = false;
  let last: { y: number; t: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  function settle() {
    timer = undefined;
    fast = false;
    const waiting = [...listeners];
    listeners.clear();
    for (const listener of waiting) listener();
  }

  return {
    scrolled(y, t) {
      const gap = last ? t - last.t : Infinity;
      const speed = gap <= PAUSE_MS ? (Math.abs(y - last!.y) / Math.max(gap, MIN_GAP_MS)) * 1000 : 0;
      last = { y, t };
      if (speed <= READABLE_PX_PER_S) return;
      fast = true;
      clearTimeout(timer);
      timer = setTimeout(settle, SETTLE_MS);
    },
    fast: () => fast,
    onSettled(listener) {
      if (!fast) {
        listener();
        return () => {};
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      clearTimeout(timer);
      timer = undefined;
      last = undefined;
      if (fast) settle();
    },
  };
}

/** The one watch of the window's scroll, fed while a list is mounted (useWatchWindowFling). */
const windowFling = createFlingWatch();
let watchers = 0;

function onWindowScroll() {
  windowFling.scrolled(window.scrollY, performance.now());
}

/** Feeds the window's scroll to the watch while the calling component is mounted. */
export function useWatchWindowFling() {
  useEffect(() => {
    if (watchers++ === 0) window.addEventListener('scroll', onWindowScroll, { passive: true });
    return () => {
      if (--watchers > 0) return;
      window.removeEventListener('scroll', onWindowScroll);
      windowFling.reset();
    };
  }, []);
}

/**
 * True when the calling row mounted during a fast fling, until that fling settles; false from then on (and from
 * the start for a row mounted at any other time).
 */
export function useSketchDuringFling(): boolean {
  const [sketch, setSketch] = useState(windowFling.fast);
  useEffect(() => {
    if (!sketch) return;
    return windowFling.onSettled(() => setSketch(false));
  }, [sketch]);
  return sketch;
}
