// The filter with a memory of its last answer: when the next text only narrows the last one (the new text contains
// the old, every other filter and the list the same), only the last matches are searched. Typing "telegraf" into
// 100,000 tokens then scans them all once, and each further letter scans only what still matches.
import { filterTokens, type FilterParams } from './filter-sort';
import { formatPermissionFilter } from './permission-filter';
import type { IndexedToken } from './token-index';

/** A filter that gives exactly filterTokens' answer, reusing its last answer when the new text narrows it. */
export function createNarrowingFilter(): (list: readonly IndexedToken[], params: FilterParams) => IndexedToken[] {
  let last: { list: readonly IndexedToken[]; needle: string; others: string; result: IndexedToken[] } | null = null;
  return (list, params) => {
    const needle = params.q.trim().toLowerCase();
    const others = `${params.status}\u0000${params.owner ?? ''}\u0000${params.perm ? formatPermissionFilter(params.perm) : ''}`;
    // A substring of a match's key is found in it too, so the matches for `needle` are among the last ones;
    // filterTokens keeps order, so filtering the last result keeps the list's order as well.
    const narrows = last !== null && last.list === list && last.others === others && needle.includes(last.needle);
    const result = narrows
      ? filterTokens(last!.result, { q: needle, status: 'all', owner: null })
      : filterTokens(list, params);
    last = { list, needle, others, result };
    return result;
  };
}
