// What in a link's list query the page cannot show (a typo, an unknown resource type): said, not silently
// matching nothing; and every active filter in words, for the "nothing matches" hint.
import { OSS_RESOURCE_TYPES } from '../../../../core/influx-types';
import { HEALTH_CHECK_KEYS, healthCheck } from '../../../lib/token-health';
import { EXPIRY_FILTERS, EXPIRY_FILTER_LABELS, type ExpiryFilter } from './expiry';
import { SORT_KEYS, type ListParams, type SortKey } from './list-params';
import { formatPermissionFilter, parsePermissionFilter } from './permission-filter';

export interface UrlFilterProblem {
  /** The query parameter, removed by "Remove from the link". */
  key: keyof ListParams;
  message: string;
}

export function urlFilterProblems(
  search: URLSearchParams,
  knownTypes: readonly string[] = OSS_RESOURCE_TYPES,
): UrlFilterProblem[] {
  const problems: UrlFilterProblem[] = [];
  const status = search.get('status');
  if (status && status !== 'active' && status !== 'inactive' && status !== 'all')
    problems.push({ key: 'status', message: `status “${status}” is not one of active, inactive` });
  const sort = search.get('sort');
  if (sort && !SORT_KEYS.includes(sort as SortKey))
    problems.push({ key: 'sort', message: `sort “${sort}” is not one of ${SORT_KEYS.join(', ')}` });
  const dir = search.get('dir');
  if (dir && dir !== 'asc' && dir !== 'desc') problems.push({ key: 'dir', message: `dir “${dir}” is not asc or desc` });
  const expiry = search.get('expiry');
  if (expiry && !EXPIRY_FILTERS.includes(expiry as ExpiryFilter))
    problems.push({ key: 'expiry', message: `expiry “${expiry}” is not one of ${EXPIRY_FILTERS.join(', ')}` });
  const check = search.get('check');
  if (check && !healthCheck(check))
    problems.push({ key: 'check', message: `check “${check}” is not one of ${HEALTH_CHECK_KEYS.join(', ')}` });
  const perm = search.get('perm');
  const parsed = parsePermissionFilter(perm);
  if (perm && !parsed) {
    problems.push({ key: 'perm', message: `permission “${perm}” is not of the form read|write|any:<type>[/<ID>]` });
  } else if (parsed?.type && !knownTypes.includes(parsed.type)) {
    problems.push({
      key: 'perm',
      message: `permission “${perm}” names no resource type this InfluxDB has (“${parsed.type}”)`,
    });
  }
  return problems;
}

/** "search “ci”", "status Active", "owner user2", "permission write:buckets/<name>": every active filter. */
export function describeFilters(
  params: ListParams,
  bucketName: (id: string) => string | undefined = () => undefined,
): string[] {
  const words: string[] = [];
  if (params.q.trim()) words.push(`search “${params.q.trim()}”`);
  if (params.status !== 'all') words.push(`status ${params.status === 'active' ? 'Active' : 'Inactive'}`);
  if (params.owner !== null) words.push(`owner ${params.owner}`);
  if (params.perm) {
    const name = params.perm.id ? bucketName(params.perm.id) : undefined;
    words.push(`permission ${formatPermissionFilter(params.perm)}${name ? ` (bucket ${name})` : ''}`);
  }
  if (params.expiry) words.push(`expiry “${EXPIRY_FILTER_LABELS[params.expiry]}”`);
  if (params.check) words.push(`health check “${healthCheck(params.check)!.title}”`);
  return words;
}
