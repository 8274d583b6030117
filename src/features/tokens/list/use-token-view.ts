// Turns the loaded tokens and the URL's view into the rows to show. Sorting and filtering run on deferred values, so
// a keystroke or a change to one token never waits for 100,000 tokens to be sorted: rows shown meanwhile are `pending`.
// `byId` has each token as it is now, so a rename shows at once.
import { useDeferredValue, useMemo } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { filterTokens, searchableList, sortTokens } from '../model/filter-sort';
import { hasActiveFilters, type ListParams } from '../model/list-params';
import { indexTokens, ownersOf } from '../model/token-index';

const NO_TOKENS: Authorization[] = [];

export function useTokenView(data: Authorization[] | undefined, params: ListParams) {
  const current = data ?? NO_TOKENS;
  const byId = useMemo(() => new Map(current.map((token) => [token.id, token])), [current]);
  const tokens = useDeferredValue(current);
  const view = useDeferredValue(params);
  const { sort, dir, q, status, owner, perm } = view;
  const owners = useMemo(() => ownersOf(tokens), [tokens]);
  const sorted = useMemo(() => searchableList(sortTokens(indexTokens(tokens), sort, dir)), [tokens, sort, dir]);
  const rows = useMemo(() => filterTokens(sorted, { q, status, owner, perm }), [sorted, q, status, owner, perm]);
  return {
    rows,
    byId,
    owners,
    total: tokens.length,
    filtered: hasActiveFilters(view),
    /** True while the rows shown are behind what was asked for. */
    pending: tokens !== current || view !== params,
  };
}
