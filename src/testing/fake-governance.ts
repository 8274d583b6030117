// The app server's governance store as FakeInflux keeps it (core/governance.ts): expiries and the trail, in memory,
// with the server's validation (a bad date 400, a past one or one beyond the policy 422, an unknown token 404).
import type {
  AuditAction,
  AuditEntry,
  Expiry,
  ExpiryState,
  GovernanceState,
  SetExpiryBody,
} from '../../core/governance';
import type { Authorization } from '../../core/influx-types';
import { ORG_ID } from './token-factory';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface GovernanceAnswer {
  status: number;
  body?: unknown;
}

const problem = (status: number, code: string, message: string): GovernanceAnswer => ({
  status,
  body: { code, message },
});

export class FakeGovernance {
  /** What GET /api/app/governance says about availability and the policy. */
  available = true;
  unavailableReason?: string;
  maxLifetimeDays: number | null = null;
  expiries = new Map<string, Expiry>();
  activity: AuditEntry[] = [];
  private seq = 0;

  constructor(private readonly tokens: () => Authorization[]) {}

  /** A token's expiry as the server would keep it (state scheduled unless given). */
  seedExpiry(tokenID: string, expiresAt: string, state: ExpiryState = 'scheduled', extra: Partial<Expiry> = {}) {
    this.expiries.set(tokenID, { tokenID, expiresAt, setAt: new Date().toISOString(), state, ...extra });
  }

  /** An entry in the trail; the rest of it filled in as a change from the page by the server-held token. */
  seedActivity(entry: Partial<AuditEntry> & Pick<AuditEntry, 'tokenID' | 'action'>): AuditEntry {
    this.seq += 1;
    const full: AuditEntry = {
      seq: this.seq,
      at: new Date().toISOString(),
      orgID: ORG_ID,
      description: this.tokens().find((t) => t.id === entry.tokenID)?.description ?? '',
      actor: { kind: 'server-token', tokenID: '0000000000000001', description: "admin's Token" },
      via: 'page',
      ...entry,
    };
    this.activity.push(full);
    return full;
  }

  /** What the proxy records for a change it passed on. */
  record(action: AuditAction, token: Authorization, before?: Record<string, string>, after?: Record<string, string>) {
    this.seedActivity({ tokenID: token.id, orgID: token.orgID, description: token.description, action, before, after });
  }

  state(orgID: string | null): GovernanceAnswer {
    if (!orgID) return problem(400, 'invalid', 'orgID is required');
    const ids = new Set(
      this.tokens()
        .filter((t) => t.orgID === orgID)
        .map((t) => t.id),
    );
    const body: GovernanceState = {
      available: this.available,
      ...(this.unavailableReason && { unavailableReason: this.unavailableReason }),
      maxLifetimeDays: this.maxLifetimeDays,
      expiries: [...this.expiries.values()].filter((e) => ids.has(e.tokenID)),
    };
    return { status: 200, body };
  }

  /** As the app server answers it (core/governance.ts): a field left out is kept; deleteAt null cancels it. */
  setExpiry(tokenID: string, body: Partial<SetExpiryBody>): GovernanceAnswer {
    if (!this.available) return problem(409, 'conflict', this.unavailableReason ?? 'expiry is unavailable');
    if (!body.orgID) return problem(400, 'invalid', 'orgID is required');
    const token = this.tokens().find((t) => t.id === tokenID && t.orgID === body.orgID);
    if (!token) return problem(404, 'not found', `token ${tokenID} does not exist in this organization`);
    if (body.expiresAt === undefined && body.deleteAt === undefined)
      return problem(400, 'invalid', 'Give expiresAt, deleteAt or both');
    const previous = this.expiries.get(tokenID);
    const pending = previous?.state === 'scheduled' || previous?.state === 'overdue' ? previous : undefined;
    const now = Date.now();
    if (body.expiresAt === null) {
      if (this.maxLifetimeDays !== null && pending)
        return problem(422, 'unprocessable entity', `every token must expire within ${this.maxLifetimeDays} days`);
      if (body.deleteAt === undefined || body.deleteAt === null) {
        this.expiries.delete(tokenID);
        if (pending) this.record('expiry-cleared', token, { expiry: pending.expiresAt }, { expiry: 'never' });
        return { status: 204 };
      }
    }
    let expiresAt = pending?.expiresAt;
    if (typeof body.expiresAt === 'string') {
      const time = Date.parse(body.expiresAt);
      if (Number.isNaN(time)) return problem(400, 'invalid', `expiresAt "${body.expiresAt}" is not an ISO 8601 date`);
      if (time <= now) return problem(422, 'unprocessable entity', `expiresAt ${body.expiresAt} is in the past`);
      if (this.maxLifetimeDays !== null && time > now + this.maxLifetimeDays * DAY_MS)
        return problem(
          422,
          'unprocessable entity',
          `expiresAt is beyond MAX_TOKEN_LIFETIME (${this.maxLifetimeDays} days from now)`,
        );
      expiresAt = new Date(time).toISOString();
    } else if (body.expiresAt === null) expiresAt = undefined;
    const deleteAt = body.deleteAt === undefined ? previous?.deleteAt : (body.deleteAt ?? undefined);
    if (deleteAt && !expiresAt && token.status !== 'inactive')
      return problem(422, 'unprocessable entity', 'This token is active: a deletion needs a deactivation before it');
    const expiry: Expiry = expiresAt
      ? { tokenID, expiresAt, setAt: new Date(now).toISOString(), state: 'scheduled' }
      : {
          tokenID,
          expiresAt: previous?.expiresAt ?? new Date(now).toISOString(),
          setAt: previous?.setAt ?? new Date(now).toISOString(),
          state: 'deactivated',
          deactivatedAt: previous?.deactivatedAt ?? new Date(now).toISOString(),
          ...((!previous || previous.deletionOnly) && { deletionOnly: true }),
        };
    if (deleteAt) expiry.deleteAt = deleteAt;
    this.expiries.set(tokenID, expiry);
    if (expiresAt !== pending?.expiresAt)
      this.record(
        pending ? 'expiry-changed' : 'expiry-set',
        token,
        { expiry: pending?.expiresAt ?? 'never' },
        {
          expiry: expiresAt ?? 'never',
        },
      );
    else if (deleteAt !== previous?.deleteAt)
      this.record(
        deleteAt ? 'expiry-set' : 'expiry-cleared',
        token,
        { deletion: previous?.deleteAt ?? 'never' },
        {
          deletion: deleteAt ?? 'never',
        },
      );
    return { status: 200, body: expiry };
  }

  activityPage(query: URLSearchParams): GovernanceAnswer {
    const orgID = query.get('orgID');
    if (!orgID) return problem(400, 'invalid', 'orgID is required');
    const tokenID = query.get('tokenID');
    const entries = this.activity
      .filter((e) => e.orgID === orgID && (!tokenID || e.tokenID === tokenID))
      .sort((a, b) => b.seq - a.seq);
    return { status: 200, body: { entries } };
  }
}
