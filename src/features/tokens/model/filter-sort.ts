// Filtering and sorting of the indexed list; plain loops and precomputed keys so 100,000 tokens stay quick.
import type { ListParams, SortDir, SortKey } from './list-params';
import { tokenMatchesPermissionFilter } from './permission-filter';
import { naturalCompare, ownerName, type IndexedToken } from './token-index';

export type FilterParams = Pick<ListParams, 'q' | 'status' | 'owner'> & Partial<Pick<ListParams, 'perm'>>;

type Comparator = (a: IndexedToken, b: IndexedToken) => number;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byId: Comparator = (a, b) => compareText(a.token.id, b.token.id);
const byDescription: Comparator = (a, b) => compareText(a.descriptionKey, b.descriptionKey) || byId(a, b);

const COMPARATORS: Record<SortKey, Comparator> = {
  description: byDescription,
  // "active" < "inactive", so ascending puts active tokens first.
  status: (a, b) => compareText(a.token.status, b.token.status),
  owner: (a, b) => naturalCompare(ownerName(a.token), ownerName(b.token)),
  created: (a, b) => a.created - b.created,
  updated: (a, b) => a.updated - b.updated,
};

/** A sorted copy; ties fall back to description A → Z, then ID, so the order is stable across reloads. */
export function sortTokens(list: readonly IndexedToken[], sort: SortKey, dir: SortDir): IndexedToken[] {
  const primary = COMPARATORS[sort];
  const sign = dir === 'desc' ? -1 : 1;
  const tieBreak = sort === 'description' ? byId : byDescription;
  return [...list].sort((a, b) => sign * primary(a, b) || tieBreak(a, b));
}

/** Keeps the order of `list`; the text filter is a case-insensitive substring of description, ID or owner. */
export function filterTokens(list: readonly IndexedToken[], params: FilterParams): IndexedToken[] {
  const needle = params.q.trim().toLowerCase();
  const { status, owner, perm } = params;
  if (!needle && status === 'all' && owner === null && !perm) return list as IndexedToken[];
  const result: IndexedToken[] = [];
  for (const item of list) {
    if (status !== 'all' && item.token.status !== status) continue;
    if (owner !== null && ownerName(item.token) !== owner) continue;
    if (needle && !item.searchKey.includes(needle)) continue;
    if (perm && !tokenMatchesPermissionFilter(item.token, perm)) continue;
    result.push(item);
  }
  return result;
}
