// The Activity view's filters, as the URL holds them (?token=&action=&actor=&since=), and what the server is asked.
import { AUDIT_ACTIONS, type AuditAction } from '../../../../core/governance';

export const SINCE_CHOICES = [
  { value: '1h', label: 'Last hour', ms: 60 * 60 * 1000 },
  { value: '24h', label: 'Last 24 hours', ms: 24 * 60 * 60 * 1000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 24 * 60 * 60 * 1000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 24 * 60 * 60 * 1000 },
] as const;

export type SinceChoice = (typeof SINCE_CHOICES)[number]['value'];

export interface ActivityFilters {
  /** A token's ID or words of its description (at the time of the entry). */
  token: string;
  action: AuditAction | '';
  /** Words of who acted: the person, user, or the acting token's description or ID. */
  actor: string;
  since: SinceChoice | '';
}

export const NO_FILTERS: ActivityFilters = { token: '', action: '', actor: '', since: '' };

/** Values the page cannot use (an unknown action, say) are left out rather than failing the view. */
export function filtersFromSearch(search: URLSearchParams): ActivityFilters {
  const action = search.get('action') ?? '';
  const since = search.get('since') ?? '';
  return {
    token: search.get('token') ?? '',
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : '',
    actor: search.get('actor') ?? '',
    since: SINCE_CHOICES.some((choice) => choice.value === since) ? (since as SinceChoice) : '',
  };
}

export function searchFromFilters(filters: ActivityFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ['token', 'action', 'actor', 'since'] as const) {
    const value = filters[key].trim();
    if (value) search.set(key, value);
  }
  return search;
}

const TOKEN_ID = /^[0-9a-f]{16}$/;

/** What the server filters itself: a whole token ID, the action, the time. Words are matched on the page. */
export interface ServerFilters {
  tokenID?: string;
  action?: AuditAction;
  since?: SinceChoice;
}

export function serverFilters(filters: ActivityFilters): ServerFilters {
  const token = filters.token.trim();
  return {
    ...(TOKEN_ID.test(token) && { tokenID: token }),
    ...(filters.action && { action: filters.action }),
    ...(filters.since && { since: filters.since }),
  };
}

/** The `since` query value: the moment `choice` before `now`, in ISO 8601. */
export function sinceInstant(choice: SinceChoice, now: number): string {
  const ms = SINCE_CHOICES.find((c) => c.value === choice)?.ms ?? 0;
  return new Date(now - ms).toISOString();
}

export function hasFilters(filters: ActivityFilters): boolean {
  return Boolean(filters.token.trim() || filters.action || filters.actor.trim() || filters.since);
}
