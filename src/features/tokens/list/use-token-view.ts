// Turns the loaded tokens and the URL's view into the rows to show. Indexing happens once per data load;
// sorting and filtering run on deferred values so typing in the filter never waits for them, and a keystroke that
// narrows the text searches only the last matches (narrowing-filter.ts). A long scan (widening the text over
// 100,000 tokens) runs in slices between the browser's tasks: the rows shown stay the last answer until it is in,
// so the next keystroke is never stuck behind a filter pass.
import { useDeferredValue, useEffect, useMemo, useReducer, useState } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { sortTokens } from '../model/filter-sort';
import { hasActiveFilters, type ListParams } from '../model/list-params';
import { createNarrowingFilter, type FilterParams } from '../model/narrowing-filter';
import { indexTokens, ownersOf, type IndexedToken } from '../model/token-index';

const NO_TOKENS: Authorization[] = [];
const NO_ROWS: IndexedToken[] = [];
/** Tokens filtered at once during render (a few milliseconds); a longer scan goes in slices of this size. */
export const FILTER_SLICE = 10_000;

/** Runs `next` in a new task, without the 4 ms clamp nested timeouts get; returns a cancel. */
function nextTask(next: () => void): () => void {
  if (typeof MessageChannel === 'undefined') {
    const timer = setTimeout(next, 0);
    return () => clearTimeout(timer);
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    next();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

export function useTokenView(data: Authorization[] | undefined, params: ListParams) {
  const tokens = data ?? NO_TOKENS;
  const [filter] = useState(createNarrowingFilter);
  const indexed = useMemo(() => indexTokens(tokens), [tokens]);
  const owners = useMemo(() => ownersOf(tokens), [tokens]);
  const latest = useMemo(() => new Map(tokens.map((t) => [t.id, t])), [tokens]);

  const deferredIndexed = useDeferredValue(indexed);
  const deferredParams = useDeferredValue(params);
  const { sort, dir, q, status, owner, perm } = deferredParams;
  const sorted = useMemo(() => sortTokens(deferredIndexed, sort, dir), [deferredIndexed, sort, dir]);
  const asked = useMemo<FilterParams>(() => ({ q, status, owner, perm }), [q, status, owner, perm]);
  // A short scan (narrowing, or a small list) answers during render; undefined: it goes in slices below.
  const quick = useMemo(() => filter.begin(sorted, asked).step(FILTER_SLICE), [filter, sorted, asked]);
  const [, sliceDone] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (quick) return;
    const run = filter.begin(sorted, asked);
    let cancel = nextTask(function slice() {
      if (run.step(FILTER_SLICE)) sliceDone();
      else cancel = nextTask(slice);
    });
    return () => cancel();
  }, [filter, sorted, asked, quick]);
  const answer = quick ?? filter.answerFor(sorted, asked);
  const rows = answer ?? filter.lastAnswer() ?? NO_ROWS;

  return {
    rows,
    owners,
    latest,
    total: tokens.length,
    filtered: hasActiveFilters(deferredParams),
    /** True while the rows shown are behind what was asked for. */
    pending: deferredIndexed !== indexed || deferredParams !== params || answer === undefined,
  };
}
