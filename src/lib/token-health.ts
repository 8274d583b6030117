// What to clean up: the Health view's counts and the tokens list's `?check=<key>` filter, from the same predicates.
// Pure. Whatever needs the whole list (duplicate groups) is found once in buildHealthContext, so a count over
// 100,000 tokens is one pass with Map look-ups, never a scan per token.
import { noExpiry, type Expiry } from '../../core/governance';
import type { Authorization, Permission } from '../../core/influx-types';
import { isAllAccess, isOperator } from '../../core/permissions';

const DAY_MS = 24 * 60 * 60 * 1000;
export const EXPIRING_SOON_DAYS = 7;
export const STALE_ACTIVE_DAYS = 90;
export const OLD_INACTIVE_DAYS = 30;

export const HEALTH_CHECK_KEYS = [
  'all-access',
  'operator',
  'owner-gone',
  'no-expiry',
  'expiring-soon',
  'expiry-overdue',
  'stale-active',
  'old-inactive',
  'duplicates',
  'unnamed',
] as const;
export type HealthCheckKey = (typeof HEALTH_CHECK_KEYS)[number];

export interface HealthContext {
  /** The moment "older than 90 days" and "within 7 days" are measured from. */
  now: number;
  /** The IDs GET /api/v2/users answered; undefined while unknown (loading, or refused). */
  userIDs?: ReadonlySet<string>;
  /** Each token's expiry when the console keeps them here (governance available); undefined when unknown. */
  expiries?: ReadonlyMap<string, Expiry>;
  /** The tokens that share their owner and permissions with another. */
  duplicateIDs: ReadonlySet<string>;
}

export interface HealthCheck {
  key: HealthCheckKey;
  title: string;
  /** One line: what the count means and what to do about it. */
  meaning: string;
  /** What the check needs beyond the token list; without it, its count is unknown (null). */
  needs?: 'users' | 'expiries';
  matches: (token: Authorization, context: HealthContext) => boolean;
}

/** The permissions as a set, whatever their order: "read:buckets/<orgID>/<bucketID> write:buckets/<orgID>/". */
function permissionsKey(permissions: Permission[]): string {
  const parts = permissions.map(
    ({ action, resource }) => `${action}:${resource.type}/${resource.orgID ?? ''}/${resource.id ?? ''}`,
  );
  parts.sort();
  return parts.filter((part, i) => part !== parts[i - 1]).join(' ');
}

/** Descriptions InfluxDB writes itself: `influx setup` and Cloud name the first token "<user>'s Token". */
const GENERATED_DESCRIPTION = /^.+['’]s Token$/i;

const olderThan = (iso: string, days: number, now: number) => now - Date.parse(iso) > days * DAY_MS;

export const HEALTH_CHECKS: readonly HealthCheck[] = [
  {
    key: 'all-access',
    title: 'All-access tokens',
    meaning: 'Read and write everything in the org: whoever holds one can change or delete all of it.',
    matches: (token) => isAllAccess(token.permissions),
  },
  {
    key: 'operator',
    title: 'Operator tokens',
    meaning: 'Read and write every org and the instance itself: keep one, stored safely, for administration.',
    matches: (token) => isOperator(token.permissions),
  },
  {
    key: 'owner-gone',
    title: 'Owner no longer exists',
    meaning: 'Their user has been deleted, so they no longer work: delete them.',
    needs: 'users',
    // Unnamed too: a server that still names the owner found it, and the users list may only be partly readable.
    matches: (token, { userIDs }) => userIDs !== undefined && !userIDs.has(token.userID) && !token.user,
  },
  {
    key: 'no-expiry',
    title: 'Never expire',
    meaning: 'No expiry date is set, so they keep working until someone deactivates them.',
    needs: 'expiries',
    matches: (token, { expiries }) => {
      const expiry = expiries?.get(token.id);
      return expiries !== undefined && noExpiry(expiry);
    },
  },
  {
    key: 'expiring-soon',
    title: `Expire within ${EXPIRING_SOON_DAYS} days`,
    meaning: `This console deactivates them within ${EXPIRING_SOON_DAYS} days: replace the ones still in use, or extend them.`,
    needs: 'expiries',
    matches: (token, { expiries, now }) => {
      const expiry = expiries?.get(token.id);
      return expiry?.state === 'scheduled' && Date.parse(expiry.expiresAt) - now <= EXPIRING_SOON_DAYS * DAY_MS;
    },
  },
  {
    key: 'expiry-overdue',
    title: 'Expiry overdue',
    meaning: 'Past their expiry, but InfluxDB has not taken the deactivation yet: they still work while it retries.',
    needs: 'expiries',
    matches: (token, { expiries }) => expiries?.get(token.id)?.state === 'overdue',
  },
  {
    key: 'stale-active',
    title: `Active, unchanged for ${STALE_ACTIVE_DAYS}+ days`,
    meaning: `Active and not changed for more than ${STALE_ACTIVE_DAYS} days: check they are still needed.`,
    matches: (token, { now }) => token.status === 'active' && olderThan(token.updatedAt, STALE_ACTIVE_DAYS, now),
  },
  {
    key: 'old-inactive',
    title: `Inactive for ${OLD_INACTIVE_DAYS}+ days`,
    meaning: `Switched off and not changed for more than ${OLD_INACTIVE_DAYS} days: candidates to delete.`,
    matches: (token, { now }) => token.status === 'inactive' && olderThan(token.updatedAt, OLD_INACTIVE_DAYS, now),
  },
  {
    key: 'duplicates',
    title: 'Duplicates',
    meaning: 'Same owner and same permissions as another token: one of each group is usually enough.',
    matches: (token, { duplicateIDs }) => duplicateIDs.has(token.id),
  },
  {
    key: 'unnamed',
    title: 'No real description',
    meaning: 'Empty, or one InfluxDB generated (like “admin’s Token”): say what each is for, so nobody has to guess.',
    matches: (token) => {
      const description = token.description.trim();
      return description === '' || GENERATED_DESCRIPTION.test(description);
    },
  },
];

const BY_KEY = new Map(HEALTH_CHECKS.map((check) => [check.key, check]));

/** The check a `?check=` value names, or undefined for anything else. */
export function healthCheck(key: string | null | undefined): HealthCheck | undefined {
  return key ? BY_KEY.get(key as HealthCheckKey) : undefined;
}

export interface HealthInputs {
  tokens: readonly Authorization[];
  now: number;
  userIDs?: ReadonlySet<string>;
  expiries?: ReadonlyMap<string, Expiry>;
}

/** The context the predicates need, built in one pass over the list. */
export function buildHealthContext({ tokens, now, userIDs, expiries }: HealthInputs): HealthContext {
  // Owner and permissions → the first token seen with them, or true once a second one has been seen too.
  const firstOfGroup = new Map<string, string | true>();
  const duplicateIDs = new Set<string>();
  for (const token of tokens) {
    const key = `${token.userID} ${permissionsKey(token.permissions)}`;
    const first = firstOfGroup.get(key);
    if (first === undefined) firstOfGroup.set(key, token.id);
    else {
      if (first !== true) duplicateIDs.add(first);
      duplicateIDs.add(token.id);
      firstOfGroup.set(key, true);
    }
  }
  return { now, userIDs, expiries, duplicateIDs };
}

/** Each check's count; null when what it needs (users, expiries) is unknown. */
export function healthCounts(
  tokens: readonly Authorization[],
  context: HealthContext,
): Record<HealthCheckKey, number | null> {
  const known = HEALTH_CHECKS.filter(
    (check) =>
      (check.needs !== 'users' || context.userIDs !== undefined) &&
      (check.needs !== 'expiries' || context.expiries !== undefined),
  );
  const counts = new Array<number>(known.length).fill(0);
  for (const token of tokens) {
    known.forEach((check, i) => {
      if (check.matches(token, context)) counts[i] = (counts[i] ?? 0) + 1;
    });
  }
  const result = Object.fromEntries(HEALTH_CHECK_KEYS.map((key) => [key, null])) as Record<
    HealthCheckKey,
    number | null
  >;
  known.forEach((check, i) => (result[check.key] = counts[i]!));
  return result;
}
