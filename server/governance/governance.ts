// What the console does with its store: expiry set and cleared with the checks people need, the state the page
// shows, and each change made through the console turned into trail entries (only what changed, before → after).
import type { AuditActor, AuditVia, Expiry, GovernanceState } from '../../core/governance';
import { InfluxError } from '../influx-error';
import { OUTSIDE_ACTOR, outsideWindow } from './outside-check';
import type { ExpiryScheduler } from './scheduler';
import type { ExpiryRow, GovernanceStore, KnownToken, NewEntry } from './store';

export interface Who {
  actor: AuditActor;
  via: AuditVia;
}

/** The fields of an authorization the trail follows (never its token string). */
export interface TokenFacts {
  id: string;
  orgID: string;
  description: string;
  status: string;
  permissions?: unknown[];
}

/** A PUT's body past its org: each field a time, null, or absent (kept as it is). */
export interface ExpiryChange {
  expiresAt?: unknown;
  deleteAt?: unknown;
}

export interface GovernanceOptions {
  store: GovernanceStore;
  scheduler?: ExpiryScheduler;
  now?: () => number;
  /** MAX_TOKEN_LIFETIME in ms, or null. */
  maxLifetimeMs: number | null;
  /** Without a server-held token nothing could deactivate a token on time: expiry is unavailable, and why. */
  unavailableReason?: string;
  /** AUDIT_RETENTION in ms (default 365 days). */
  retentionMs?: number;
}

const DAY_MS = 86_400_000;

export class Governance {
  readonly store: GovernanceStore;
  private readonly now: () => number;

  constructor(private readonly options: GovernanceOptions) {
    this.store = options.store;
    this.now = options.now ?? Date.now;
  }

  state(orgID: string): GovernanceState {
    const { maxLifetimeMs, unavailableReason } = this.options;
    return {
      available: unavailableReason === undefined,
      ...(unavailableReason !== undefined && { unavailableReason }),
      maxLifetimeDays: maxLifetimeMs === null ? null : maxLifetimeMs / DAY_MS,
      expiries: this.store.expiries(orgID).map((row) => this.toExpiry(row)),
    };
  }

  /**
   * Sets, changes or clears the expiry of `token` (which the caller found in InfluxDB): its deactivation
   * (`change.expiresAt`: a time, null to clear it, absent to keep it) and the deletion after it (`change.deleteAt`,
   * likewise). Bad input throws an InfluxError and changes nothing. Returns the expiry, or null when none is left.
   */
  setExpiry(token: TokenFacts, change: ExpiryChange, who: Who): Expiry | null {
    if (this.options.unavailableReason !== undefined)
      throw new InfluxError('conflict', `Expiry is unavailable: ${this.options.unavailableReason}`);
    if (!('expiresAt' in change) && !('deleteAt' in change))
      throw new InfluxError('invalid', 'Give expiresAt, deleteAt or both (a date and time, or null)');
    const now = this.now();
    const previous = this.store.expiry(token.id);
    const live = previous && !previous.gone ? previous : undefined;
    const pending = live && live.deactivatedAt === null ? live.expiresAt : null;
    const was = { expiry: pending, deletion: live?.deleteAt ?? null };

    // The deactivation: kept, cleared or set (a time to come, within the lifetime policy).
    let expiry = was.expiry;
    const max = this.options.maxLifetimeMs;
    if (change.expiresAt === null && max !== null && was.expiry !== null)
      throw new InfluxError(
        'unprocessable entity',
        `Every token must expire within ${max / DAY_MS} days here (MAX_TOKEN_LIFETIME): choose a date instead of never`,
      );
    if (change.expiresAt === null) expiry = null;
    else if (change.expiresAt !== undefined) expiry = this.parseTime('expiresAt', change.expiresAt, now, true);
    // The deletion: kept, cancelled or set, after the deactivation (or now, for a token already inactive).
    let deletion = change.expiresAt === null && change.deleteAt === undefined ? null : was.deletion;
    if (change.deleteAt === null) deletion = null;
    else if (change.deleteAt !== undefined) deletion = this.parseTime('deleteAt', change.deleteAt, now, false);
    if (deletion !== null && expiry !== null && deletion <= expiry)
      throw new InfluxError(
        'unprocessable entity',
        `deleteAt ${iso(deletion)} must be later than the time the token stops working (${iso(expiry)})`,
      );
    if (deletion !== null && expiry === null && token.status === 'active')
      throw new InfluxError(
        'unprocessable entity',
        'This token is active: a deletion needs a deactivation before it (give expiresAt too), or switch it off first',
      );

    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    if (expiry !== was.expiry) {
      before.expiry = was.expiry === null ? 'never' : iso(was.expiry);
      after.expiry = expiry === null ? 'never' : iso(expiry);
    }
    if (deletion !== was.deletion) {
      before.deletion = was.deletion === null ? 'never' : iso(was.deletion);
      after.deletion = deletion === null ? 'never' : iso(deletion);
    }
    const changed = Object.keys(after).length > 0;
    const [first] = Object.keys(after);
    const action =
      first === undefined
        ? 'expiry-changed'
        : before[first] === 'never'
          ? 'expiry-set'
          : after[first] === 'never'
            ? 'expiry-cleared'
            : 'expiry-changed';
    const entry: NewEntry = {
      at: now,
      orgID: token.orgID,
      tokenID: token.id,
      description: token.description,
      action,
      before,
      after,
      ...who,
    };
    this.store.record([], known(token), undefined, now);
    if (expiry === null && deletion === null && (change.expiresAt === null || !live)) {
      if (previous) this.store.clearExpiry(token.id, changed ? entry : null);
      return null;
    }
    if (!changed && live) return this.toExpiry(live);
    if (live && expiry === was.expiry) this.store.setDeletion(token.id, deletion, entry);
    else this.store.setExpiry(token.id, token.orgID, { expiresAt: expiry, deleteAt: deletion }, entry);
    this.options.scheduler?.wake();
    return this.toExpiry(this.store.expiry(token.id)!);
  }

  /** A token made through the console (create, clone or rotate). */
  recordCreate(token: TokenFacts, action: 'create' | 'clone' | 'rotate', who: Who): void {
    const after: Record<string, string> = { description: token.description, status: token.status };
    if (token.permissions) after.permissions = String(token.permissions.length);
    const entry = { ...this.entryBase(token, who), action, after };
    this.store.record([entry], known(token), undefined, entry.at);
  }

  /**
   * A token the console is about to change, which it learned of from InfluxDB just now (a lookup), not from a check:
   * made elsewhere since the checks last looked, so it is recorded as having appeared (once a check has run: the
   * first check only learns what there is).
   */
  recordAppeared(token: KnownToken): void {
    const since = this.store.outsideSince();
    if (since === null || this.store.known(token.tokenID)) return;
    const at = this.now();
    const entry: NewEntry = {
      at,
      orgID: token.orgID,
      tokenID: token.tokenID,
      description: token.description,
      action: 'appeared',
      after: { description: token.description, status: token.status },
      actor: OUTSIDE_ACTOR,
      via: 'outside',
      note: outsideWindow(since, at),
    };
    this.store.record([entry], token, undefined, at);
  }

  /** A PATCH through the console: one entry per field that changed. `before` is what the console last knew. */
  recordUpdate(before: KnownToken | undefined, token: TokenFacts, who: Who): void {
    const base = this.entryBase(token, who);
    const entries: NewEntry[] = [];
    if (before && before.description !== token.description)
      entries.push({
        ...base,
        action: 'rename',
        before: { description: before.description },
        after: { description: token.description },
      });
    if (!before || before.status !== token.status)
      entries.push({
        ...base,
        action: token.status === 'inactive' ? 'deactivate' : 'activate',
        ...(before && { before: { status: before.status } }),
        after: { status: token.status },
      });
    this.store.record(entries, known(token), undefined, base.at);
    // Switched back on during its grace period (a client was missed): the token is kept, its deletion cancelled.
    const expiry = this.store.expiry(token.id);
    if (
      token.status === 'active' &&
      expiry &&
      !expiry.gone &&
      expiry.deactivatedAt !== null &&
      expiry.deleteAt !== null
    )
      this.store.setDeletion(token.id, null, {
        ...base,
        action: 'expiry-cleared',
        before: { deletion: iso(expiry.deleteAt) },
        after: { deletion: 'never' },
        note: 'switched back on: the deletion is cancelled',
      });
  }

  /** A DELETE through the console, of the token as the console knew it (or just looked it up). */
  recordDelete(before: KnownToken, who: Who): void {
    const entry: NewEntry = {
      at: this.now(),
      orgID: before.orgID,
      tokenID: before.tokenID,
      description: before.description,
      action: 'delete',
      before: { status: before.status },
      ...who,
    };
    this.store.record([entry], null, before.tokenID, entry.at);
  }

  /** Drops trail entries older than the retention; run at start and daily. */
  prune(): number {
    return this.store.prune(this.now() - (this.options.retentionMs ?? 365 * DAY_MS));
  }

  private entryBase(token: TokenFacts, who: Who) {
    return { at: this.now(), orgID: token.orgID, tokenID: token.id, description: token.description, ...who };
  }

  private parseTime(field: 'expiresAt' | 'deleteAt', raw: unknown, now: number, withinPolicy: boolean): number {
    if (typeof raw !== 'string' || raw.trim() === '')
      throw new InfluxError(
        'invalid',
        `${field} must be a date and time (ISO 8601, e.g. 2027-01-31T17:00:00Z) or null`,
      );
    // Date.parse reads many forms loosely, and rolls 30 February over into March: a time people meant is written
    // with a date, a time and a zone, and each part must exist.
    const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.exec(
      raw.trim(),
    );
    if (!parts)
      throw new InfluxError(
        'invalid',
        `${field} "${raw}" is not a date and time with a time zone; write it as 2027-01-31T17:00:00Z`,
      );
    const [year, month, day, hour, minute, second] = parts.slice(1).map((part) => Number(part ?? 0));
    const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
    const at = Date.parse(raw);
    if (
      Number.isNaN(at) ||
      month! < 1 ||
      month! > 12 ||
      day! < 1 ||
      day! > daysInMonth ||
      hour! > 23 ||
      minute! > 59 ||
      second! > 59
    )
      throw new InfluxError('invalid', `${field} "${raw}" is not a real date and time`);
    if (at <= now)
      throw new InfluxError('unprocessable entity', `${field} ${iso(at)} is in the past; choose a later time`);
    const max = this.options.maxLifetimeMs;
    if (withinPolicy && max !== null && at > now + max)
      throw new InfluxError(
        'unprocessable entity',
        `${field} ${iso(at)} is beyond the longest lifetime allowed here (MAX_TOKEN_LIFETIME, ${max / DAY_MS} days): choose ${iso(now + max)} or earlier`,
      );
    return at;
  }

  private toExpiry(row: ExpiryRow): Expiry {
    const expiry: Expiry = {
      tokenID: row.tokenID,
      expiresAt: iso(row.expiresAt),
      setAt: iso(row.setAt),
      state: row.gone
        ? 'gone'
        : row.deactivatedAt !== null
          ? 'deactivated'
          : row.expiresAt <= this.now()
            ? 'overdue'
            : 'scheduled',
    };
    if (row.deactivatedAt !== null) expiry.deactivatedAt = iso(row.deactivatedAt);
    if (row.deleteAt !== null) expiry.deleteAt = iso(row.deleteAt);
    // Planned for a token already off: the store set its expiry and deactivation to the time it was planned.
    if (row.deactivatedAt === row.setAt && row.expiresAt === row.setAt) expiry.deletionOnly = true;
    if (row.deletedAt !== null) expiry.deletedAt = iso(row.deletedAt);
    // A deletion that InfluxDB has not taken yet says why too.
    if ((expiry.state === 'overdue' || (expiry.state === 'deactivated' && row.deleteAt !== null)) && row.lastError) {
      expiry.lastError = row.lastError;
      expiry.nextAttemptAt = iso(row.nextAttemptAt);
    }
    return expiry;
  }
}

function known(token: TokenFacts): KnownToken {
  return { tokenID: token.id, orgID: token.orgID, description: token.description, status: token.status };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
