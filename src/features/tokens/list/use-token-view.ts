// Turns the loaded tokens and the URL's view into the rows to show. Sorting and filtering run on deferred values, so
// a keystroke or a change to one token never waits for 100,000 tokens to be sorted: rows shown meanwhile are `pending`.
// `byId` has each token as it is now, so a rename shows at once.
import { useDeferredValue, useMemo } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { buildHealthContext, healthCheck } from '../../../lib/token-health';
import { useNow } from '../../../lib/use-now';
import { filterTokens, searchableList, sortTokens, type ExpiryLookup } from '../model/filter-sort';
import { hasActiveFilters, type ListParams } from '../model/list-params';
import { indexTokens, ownersOf } from '../model/token-index';

const NO_TOKENS: Authorization[] = [];
const NO_EXPIRIES: ExpiryLookup = new Map();

/**
 * `expiries`: each token's expiry (the console's own store), for the Expires sort, the expiry filter and the Health
 * checks; `userIDs`: the users InfluxDB lists, for the "owner no longer exists" check.
 */
export function useTokenView(
  data: Authorization[] | undefined,
  params: ListParams,
  expiries = NO_EXPIRIES,
  userIDs?: ReadonlySet<string>,
) {
  const current = data ?? NO_TOKENS;
  const byId = useMemo(() => new Map(current.map((token) => [token.id, token])), [current]);
  const tokens = useDeferredValue(current);
  const view = useDeferredValue(params);
  const deferredExpiries = useDeferredValue(expiries);
  const { sort, dir, q, status, owner, perm, expiry, check } = view;
  // Expiries matter to the order and the rows only when sorting or filtering by them.
  const sortExpiries = sort === 'expires' ? deferredExpiries : NO_EXPIRIES;
  const filterExpiries = expiry ? deferredExpiries : NO_EXPIRIES;
  // "Within 7 days" moves with the clock (the shared one ticks every 30 s); the other filters do not.
  const now = useNow(expiry === 'soon' || check !== undefined);
  const owners = useMemo(() => ownersOf(tokens), [tokens]);
  const sorted = useMemo(
    () => searchableList(sortTokens(indexTokens(tokens), sort, dir, sortExpiries)),
    [tokens, sort, dir, sortExpiries],
  );
  // The Health view's check: its predicate, with what it needs about the whole list (duplicate groups) found once.
  const keep = useMemo(() => {
    const chosen = healthCheck(check);
    if (!chosen) return undefined;
    const context = buildHealthContext({
      tokens,
      now,
      userIDs,
      expiries: deferredExpiries === NO_EXPIRIES ? undefined : deferredExpiries,
    });
    return (token: Authorization) => chosen.matches(token, context);
  }, [check, tokens, now, userIDs, deferredExpiries]);
  const rows = useMemo(
    () => filterTokens(sorted, { q, status, owner, perm, expiry }, filterExpiries, now, keep),
    [sorted, q, status, owner, perm, expiry, filterExpiries, now, keep],
  );
  return {
    rows,
    byId,
    owners,
    total: tokens.length,
    filtered: hasActiveFilters(view),
    /** True while the rows shown are behind what was asked for. */
    pending:
      tokens !== current ||
      view !== params ||
      ((sort === 'expires' || !!expiry || !!check) && deferredExpiries !== expiries),
  };
}
