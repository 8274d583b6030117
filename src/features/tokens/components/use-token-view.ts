// Turns the loaded tokens and the URL's view into the rows to show. Indexing happens once per data load;
// sorting and filtering run on deferred values so typing in the filter never waits for them, and a keystroke that
// narrows the text searches only the last matches (narrowing-filter.ts).
import { useDeferredValue, useMemo, useState } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { sortTokens } from '../model/filter-sort';
import { hasActiveFilters, type ListParams } from '../model/list-params';
import { createNarrowingFilter } from '../model/narrowing-filter';
import { indexTokens, ownersOf } from '../model/token-index';

const NO_TOKENS: Authorization[] = [];

export function useTokenView(data: Authorization[] | undefined, params: ListParams) {
  const tokens = data ?? NO_TOKENS;
  const [filterTokens] = useState(createNarrowingFilter);
  const indexed = useMemo(() => indexTokens(tokens), [tokens]);
  const owners = useMemo(() => ownersOf(tokens), [tokens]);
  const latest = useMemo(() => new Map(tokens.map((t) => [t.id, t])), [tokens]);

  const deferredIndexed = useDeferredValue(indexed);
  const deferredParams = useDeferredValue(params);
  const { sort, dir, q, status, owner, perm } = deferredParams;
  const sorted = useMemo(() => sortTokens(deferredIndexed, sort, dir), [deferredIndexed, sort, dir]);
  const rows = useMemo(() => filterTokens(sorted, { q, status, owner, perm }), [filterTokens, sorted, q, status, owner, perm]);

  return {
    rows,
    owners,
    latest,
    total: tokens.length,
    filtered: hasActiveFilters(deferredParams),
    /** True while the rows shown are behind what was asked for. */
    pending: deferredIndexed !== indexed || deferredParams !== params,
  };
}
