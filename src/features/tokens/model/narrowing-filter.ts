// The filter with a memory of its last answer: when the next text only narrows the last one (the new text
// contains the old, every other filter and the list the same), only the last matches are searched. Typing
// "telegraf" into 100,000 tokens then scans them all once, and each further letter scans only what still matches.
import { filterTokens } from './filter-sort';
import type { ListParams } from './list-params';
import { formatPermissionFilter } from './permission-filter';
import type { IndexedToken } from './token-index';

export type FilterParams = Pick<ListParams, 'q' | 'status' | 'owner'> & Partial<Pick<ListParams, 'perm'>>;

interface LastAnswer {
  list: readonly IndexedToken[];
  needle: string;
  status: FilterParams['status'];
  owner: FilterParams['owner'];
  perm: string;
  result: IndexedToken[];
}

/** One filtering in slices: each `step` scans at most `budget` tokens; the last one returns the answer. */
export interface FilterRun {
  step(budget: number): IndexedToken[] | undefined;
}

export interface NarrowingFilter {
  (list: readonly IndexedToken[], params: FilterParams): IndexedToken[];
  /**
   * The same answer in slices, so a long scan never holds the page (a keystroke waits for no list). The answer
   * is remembered (for narrowing) only once the run completes: an abandoned run changes nothing.
   */
  begin(list: readonly IndexedToken[], params: FilterParams): FilterRun;
  /** The last completed answer if it was for exactly this list and these filters. */
  answerFor(list: readonly IndexedToken[], params: FilterParams): IndexedToken[] | undefined;
  /** The last completed answer, whatever it was for (shown while a new one is being computed). */
  lastAnswer(): IndexedToken[] | undefined;
}

/** A filter that gives exactly filterTokens' answer, reusing its last answer when the new text narrows it. */
export function createNarrowingFilter(): NarrowingFilter {
  let last: LastAnswer | null = null;

  const begin = (list: readonly IndexedToken[], params: FilterParams): FilterRun => {
    const needle = params.q.trim().toLowerCase();
    const perm = params.perm ? formatPermissionFilter(params.perm) : '';
    const narrows =
      last !== null &&
      last.list === list &&
      last.status === params.status &&
      last.owner === params.owner &&
      last.perm === perm &&
      needle.includes(last.needle);
    // A substring of a match's key is found in it too, so the matches for `needle` are among the last ones;
    // filterTokens keeps order, so filtering the last result keeps the list's order as well.
    const source = narrows ? last!.result : list;
    const criteria: FilterParams = narrows ? { q: needle, status: 'all', owner: null } : params;
    const finish = (result: IndexedToken[]) => {
      last = { list, needle, status: params.status, owner: params.owner, perm, result };
      return result;
    };
    const parts: IndexedToken[][] = [];
    let at = 0;
    return {
      step(budget) {
        // Small enough, or nothing to filter by (filterTokens then answers the list itself, at no cost): at once.
        const trivial = !needle && params.status === 'all' && params.owner === null && !perm;
        if (at === 0 && (source.length <= budget || trivial)) return finish(filterTokens(source, criteria));
        const end = Math.min(source.length, at + Math.max(1, budget));
        parts.push(filterTokens(source.slice(at, end), criteria));
        at = end;
        if (at < source.length) return undefined;
        return finish(parts.length === 1 ? parts[0]! : parts.flat());
      },
    };
  };

  const filter = ((list: readonly IndexedToken[], params: FilterParams) =>
    begin(list, params).step(Infinity)!) as NarrowingFilter;
  filter.begin = begin;
  filter.answerFor = (list, params) => {
    if (last === null || last.list !== list || last.status !== params.status || last.owner !== params.owner)
      return undefined;
    const perm = params.perm ? formatPermissionFilter(params.perm) : '';
    return last.perm === perm && last.needle === params.q.trim().toLowerCase() ? last.result : undefined;
  };
  filter.lastAnswer = () => last?.result;
  return filter;
}
