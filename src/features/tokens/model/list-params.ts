// The list's view (filter, status, owner, permission, expiry, health check, sort) as it lives in the URL query, so views can be
// bookmarked.
import { healthCheck, type HealthCheckKey } from '../../../lib/token-health';
import { EXPIRY_FILTERS, type ExpiryFilter } from './expiry';
import { formatPermissionFilter, parsePermissionFilter, type PermissionFilter } from './permission-filter';

export type StatusFilter = 'all' | 'active' | 'inactive';
export const SORT_KEYS = ['description', 'status', 'owner', 'created', 'updated', 'expires'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface ListParams {
  q: string;
  status: StatusFilter;
  /** A user name, or null for every owner. */
  owner: string | null;
  sort: SortKey;
  dir: SortDir;
  /** Who can do what (`perm=write:buckets/<id>`); absent for any permission. */
  perm?: PermissionFilter;
  /** When the token expires (`expiry=soon`); absent for any. */
  expiry?: ExpiryFilter;
  /** One of the Health view's checks (`check=duplicates`): the tokens it counts. */
  check?: HealthCheckKey;
}

export const DEFAULT_LIST_PARAMS: ListParams = { q: '', status: 'all', owner: null, sort: 'description', dir: 'asc' };

export function parseListParams(search: URLSearchParams): ListParams {
  const status = search.get('status');
  const sort = search.get('sort');
  const perm = parsePermissionFilter(search.get('perm'));
  const expiry = search.get('expiry') as ExpiryFilter | null;
  const check = healthCheck(search.get('check'))?.key;
  return {
    q: search.get('q') ?? '',
    status: status === 'active' || status === 'inactive' ? status : 'all',
    owner: search.get('owner') || null,
    sort: SORT_KEYS.includes(sort as SortKey) ? (sort as SortKey) : DEFAULT_LIST_PARAMS.sort,
    dir: search.get('dir') === 'desc' ? 'desc' : 'asc',
    ...(perm && { perm }),
    ...(expiry && EXPIRY_FILTERS.includes(expiry) && { expiry }),
    ...(check && { check }),
  };
}

/**
 * Writes a change into the query, keeping unrelated parameters. Empty filters are removed;
 * a sort the person chose is always written out, so the URL says exactly what they picked.
 */
export function applyListParams(search: URLSearchParams, change: Partial<ListParams>): URLSearchParams {
  const next = new URLSearchParams(search);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  if ('q' in change) set('q', change.q ?? '');
  if ('status' in change) set('status', change.status === 'all' ? null : (change.status ?? null));
  if ('owner' in change) set('owner', change.owner ?? null);
  if ('sort' in change) set('sort', change.sort ?? null);
  if ('dir' in change) set('dir', change.dir ?? null);
  if ('perm' in change) set('perm', change.perm ? formatPermissionFilter(change.perm) : null);
  if ('expiry' in change) set('expiry', change.expiry ?? null);
  if ('check' in change) set('check', change.check ?? null);
  return next;
}

export function hasActiveFilters(params: ListParams): boolean {
  return (
    params.q.trim() !== '' ||
    params.status !== 'all' ||
    params.owner !== null ||
    params.perm !== undefined ||
    params.expiry !== undefined ||
    params.check !== undefined
  );
}

/** The sort menu: one choice per key and direction, in the words the official page uses. */
export const SORT_OPTIONS: { value: `${SortKey}:${SortDir}`; label: string }[] = [
  { value: 'description:asc', label: 'Description (A → Z)' },
  { value: 'description:desc', label: 'Description (Z → A)' },
  { value: 'status:asc', label: 'Status (active first)' },
  { value: 'status:desc', label: 'Status (inactive first)' },
  { value: 'owner:asc', label: 'Owner (A → Z)' },
  { value: 'owner:desc', label: 'Owner (Z → A)' },
  { value: 'created:asc', label: 'Created (oldest first)' },
  { value: 'created:desc', label: 'Created (newest first)' },
  { value: 'updated:asc', label: 'Last modified (oldest first)' },
  { value: 'updated:desc', label: 'Last modified (newest first)' },
  { value: 'expires:asc', label: 'Expires (soonest first, never last)' },
  { value: 'expires:desc', label: 'Expires (never first, then latest)' },
];
