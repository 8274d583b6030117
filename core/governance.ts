// What the app server keeps that InfluxDB has no place for (expiry dates and the audit trail), as the page and the
// CLI read it from the app server's own API. The server's store is keyed by InfluxDB instance and org; the browser
// only ever names the org (by ID), never the instance.

export const GOVERNANCE_PATH = '/api/app/governance';
export const EXPIRY_PATH_PREFIX = '/api/app/expiry/';
export const ACTIVITY_PATH = '/api/app/activity';

/**
 * GET /api/app/governance?orgID=…: what the console can do here, and every expiry it keeps for the org.
 * `available` is false when the server holds no token (nothing could deactivate a token on time).
 */
export interface GovernanceState {
  available: boolean;
  /** Why expiry is unavailable, in words for people. */
  unavailableReason?: string;
  /** MAX_TOKEN_LIFETIME in days: new tokens get it by default, and no expiry may be set later than that from now. */
  maxLifetimeDays: number | null;
  expiries: Expiry[];
}

/**
 * scheduled: in the future. overdue: due, but InfluxDB has not taken the deactivation yet (retried with backoff).
 * deactivated: this console switched it off at its expiry. gone: the token no longer exists.
 */
export type ExpiryState = 'scheduled' | 'overdue' | 'deactivated' | 'gone';

export interface Expiry {
  tokenID: string;
  /** ISO 8601, UTC. */
  expiresAt: string;
  setAt: string;
  state: ExpiryState;
  /** When the console deactivated it (state deactivated). */
  deactivatedAt?: string;
  /**
   * When the console deletes it, after it stopped working (rotate's grace period, then deletion). Carried out only
   * if the token is still inactive then: re-activating it (a client was missed) cancels the deletion.
   */
  deleteAt?: string;
  /** When the console deleted it (state gone). */
  deletedAt?: string;
  /**
   * No expiry, only a deletion: the token was already switched off when its deletion was planned (rotate now, delete
   * later). Such a token does not "expire"; expiresAt and deactivatedAt are the time the deletion was planned.
   */
  deletionOnly?: boolean;
  /** The last failure while deactivating it (state overdue), and when it is tried next. */
  lastError?: string;
  nextAttemptAt?: string;
}

/** No expiry to speak of: none set, the token gone, or only a deletion planned for a token already off. */
export function noExpiry(expiry: Expiry | undefined): boolean {
  return expiry === undefined || expiry.state === 'gone' || expiry.deletionOnly === true;
}

/**
 * PUT /api/app/expiry/<tokenID> with this body sets, changes or (expiresAt null) clears a token's expiry.
 * Answers 200 with the Expiry (or 204 when cleared); a bad date, a date in the past, one beyond
 * MAX_TOKEN_LIFETIME or a token that does not exist answers 400/404/422 `{ code, message }` and changes nothing.
 */
export interface SetExpiryBody {
  orgID: string;
  /** The deactivation: a time, null to clear the expiry (and any deletion), or left out to keep it as it is. */
  expiresAt?: string | null;
  /**
   * A deletion after the deactivation: a time later than expiresAt (or than now, for a token already inactive),
   * null to cancel it, or left out to keep it as it is. A token that is already inactive may get a deletion alone
   * (rotate's "now", then delete later).
   */
  deleteAt?: string | null;
}

export type AuditAction =
  | 'create'
  | 'clone'
  | 'rotate'
  | 'rename'
  | 'activate'
  | 'deactivate'
  | 'delete'
  | 'expiry-set'
  | 'expiry-changed'
  | 'expiry-cleared'
  | 'expiry-fired'
  | 'appeared'
  | 'disappeared';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'create',
  'clone',
  'rotate',
  'rename',
  'activate',
  'deactivate',
  'delete',
  'expiry-set',
  'expiry-changed',
  'expiry-cleared',
  'expiry-fired',
  'appeared',
  'disappeared',
];

/**
 * page: the browser app. api: a request without a browser (curl, the CLI). scheduled: the console's own timer.
 * outside: made elsewhere (the influx CLI, InfluxDB's UI, another console) and found by the console's check; the
 * entry's note gives the window in which it happened. Outside changes are appeared, disappeared, rename, activate
 * and deactivate.
 */
export type AuditVia = 'page' | 'api' | 'scheduled' | 'outside';

/** Who acted: the credential (never its secret) and, behind a trusted auth proxy, the person. */
export interface AuditActor {
  /** unknown: a change made outside this console (who made it is not known here). */
  kind: 'server-token' | 'pasted-token' | 'console' | 'unknown';
  /** The acting token's authorization ID and description, and its user, when known. */
  tokenID?: string;
  description?: string;
  user?: string;
  /** The name the trusted authenticating reverse proxy sent (AUTH_PROXY_HEADER). */
  person?: string;
}

export interface AuditEntry {
  /** Increasing; also the paging cursor. */
  seq: number;
  /** ISO 8601, UTC. */
  at: string;
  orgID: string;
  tokenID: string;
  /** The token's description at that time. */
  description: string;
  action: AuditAction;
  /** Only what changed, e.g. { status: 'active' } → { status: 'inactive' }; expiry and deletion as ISO or 'never'. */
  before?: Record<string, string>;
  after?: Record<string, string>;
  actor: AuditActor;
  via: AuditVia;
  /** Anything else worth knowing, e.g. "caught up at start: due while the console was not running". */
  note?: string;
}

/**
 * GET /api/app/activity?orgID=…[&tokenID=…][&action=…][&since=ISO][&before=seq][&limit=N]: newest first.
 * `next` is the `before` value of the following page, absent on the last one.
 */
export interface ActivityPage {
  entries: AuditEntry[];
  next?: number;
}

/** The header the page sets on a create to say what kind it was (clone, rotate); only a label for the trail. */
export const ACTION_HEADER = 'x-token-manager-action';
