// The app server's governance API (paths and shapes in core/governance.ts), and what its proxy tells the trail about
// each token change it forwards. The gates (server/proxy/gates.ts) have already checked host, origin, method,
// content type and size.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ACTION_HEADER,
  ACTIVITY_PATH,
  AUDIT_ACTIONS,
  EXPIRY_PATH_PREFIX,
  GOVERNANCE_PATH,
  type ActivityPage,
  type AuditAction,
} from '../../core/governance';
import { InfluxError } from '../influx-error';
import type { Governance, TokenFacts, Who } from './governance';
import type { KnownToken } from './store';
import type { RecentChanges } from './recent-changes';
import { tokenFacts, upstreamRefusal, type UpstreamCall } from './upstream';
import { pastedToken } from './who';

export interface GovernanceRoutesOptions {
  governance: Governance;
  call: UpstreamCall;
  serverToken: () => string | undefined;
  who: (request: FastifyRequest) => Promise<Who>;
  /** The page (or anyone) just listed tokens: a moment to look for changes made outside this console. */
  listed?: () => void;
  /** Entries were added to the trail (the bucket copy sends them on). */
  recorded?: () => void;
  /** Changes the console begins, for the outside check (which must not take them for outside ones). */
  recent?: RecentChanges;
}

const BODY_LIMIT = 16 * 1024;
const MAX_PAGE = 1000;

export function registerGovernanceRoutes(app: FastifyInstance, options: GovernanceRoutesOptions): void {
  const { governance } = options;
  const credential = (request: FastifyRequest) => pastedToken(request.headers.authorization) ?? options.serverToken();

  /**
   * Reading what the console keeps about an org needs what reading its tokens needs. With a server-held token the
   * proxy lends it to every page it serves (the console's model: loopback, same origin), so it lends this too; with
   * pasted tokens only, the request's own token must be one InfluxDB accepts for that org.
   */
  async function mayRead(request: FastifyRequest, orgID: string): Promise<void> {
    if (options.serverToken()) return;
    const token = pastedToken(request.headers.authorization);
    if (!token) throw new InfluxError('unauthorized', 'Paste a token first: this console holds none of its own.');
    let answer;
    try {
      answer = await options.call('GET', `/api/v2/orgs/${encodeURIComponent(orgID)}`, token);
    } catch (error) {
      throw new InfluxError('unavailable', `InfluxDB did not answer: ${(error as Error).message}`);
    }
    if (answer.status === 404) throw new InfluxError('not found', `Organization ${orgID} was not found for this token`);
    if (answer.status !== 200) throw upstreamRefusal(answer, `the check of org ${orgID}`);
  }

  app.get(GOVERNANCE_PATH, async (request, reply) => {
    const orgID = requiredOrgID(request);
    await mayRead(request, orgID);
    return reply.header('cache-control', 'no-store').send(governance.state(orgID));
  });

  app.put(`${EXPIRY_PATH_PREFIX}:tokenID`, async (request, reply) => {
    const { tokenID } = request.params as { tokenID: string };
    const body = await readJson(request);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new InfluxError(
        'invalid',
        'The body must be a JSON object: {"orgID": "…", "expiresAt": "…" or null, "deleteAt": "…" or null}',
      );
    const { orgID, expiresAt, deleteAt } = body as Record<string, unknown>;
    if (typeof orgID !== 'string' || orgID === '') throw new InfluxError('invalid', 'orgID is required');
    if (expiresAt === undefined && deleteAt === undefined)
      throw new InfluxError('invalid', 'Give expiresAt, deleteAt or both (a date and time, or null)');
    const token = await lookUp(options.call, tokenID, credential(request));
    if (!token || token.orgID !== orgID)
      throw new InfluxError('not found', `Token ${tokenID} was not found in this org: it may have been deleted`);
    const change = {
      ...(expiresAt !== undefined && { expiresAt }),
      ...(deleteAt !== undefined && { deleteAt }),
    };
    const expiry = governance.setExpiry(token, change, await options.who(request));
    options.recorded?.();
    if (!expiry) return reply.code(204).send();
    return reply.send(expiry);
  });

  app.get(ACTIVITY_PATH, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const orgID = requiredOrgID(request);
    await mayRead(request, orgID);
    const action = query.action;
    if (action !== undefined && !AUDIT_ACTIONS.includes(action as AuditAction))
      throw new InfluxError('invalid', `action "${action}" is not one of: ${AUDIT_ACTIONS.join(', ')}`);
    let since: number | undefined;
    if (query.since !== undefined) {
      since = Date.parse(query.since);
      if (Number.isNaN(since))
        throw new InfluxError('invalid', `since "${query.since}" is not a date and time (ISO 8601)`);
    }
    const before = optionalInteger(query.before, 'before', 1, Number.MAX_SAFE_INTEGER);
    const limit = optionalInteger(query.limit, 'limit', 1, MAX_PAGE) ?? 100;
    const entries = governance.store.activity({
      orgID,
      tokenID: query.tokenID || undefined,
      action: action as AuditAction | undefined,
      since,
      before,
      limit: limit + 1,
    });
    const page: ActivityPage = { entries: entries.slice(0, limit) };
    if (entries.length > limit) page.next = page.entries.at(-1)!.seq;
    return reply.header('cache-control', 'no-store').send(page);
  });
}

/** A token change the proxy forwards: what the trail needs from before, and what it records after. */
export interface ChangeObserver {
  /** Undefined when the request changes no token; else a function to call with InfluxDB's success answer. */
  before(request: FastifyRequest, path: string): Promise<((status: number, body: Buffer) => Promise<void>) | undefined>;
}

const COLLECTION = /^\/api\/v2\/authorizations\/?$/;
const ONE = /^\/api\/v2\/authorizations\/([^/]+)\/?$/;

export function changeObserver(options: GovernanceRoutesOptions): ChangeObserver {
  const { governance } = options;
  return {
    async before(request, path) {
      const method = request.method;
      if (method === 'GET' && COLLECTION.test(path)) {
        options.listed?.();
        return undefined;
      }
      if (method === 'POST' && COLLECTION.test(path)) {
        const label = request.headers[ACTION_HEADER];
        const action = label === 'clone' || label === 'rotate' ? label : 'create';
        const who = await options.who(request);
        options.recent?.create();
        return async (status, body) => {
          const token = status === 201 ? tokenFacts(parse(body)) : undefined;
          if (token) governance.recordCreate(token, action, who);
          options.recorded?.();
        };
      }
      const id = ONE.exec(path)?.[1];
      if (!id || (method !== 'PATCH' && method !== 'DELETE')) return undefined;
      const tokenID = decodeURIComponent(id);
      const who = await options.who(request);
      options.recent?.token(tokenID);
      // What the console last knew, or (the first time) what InfluxDB says now: the "before" of the entry.
      let known: KnownToken | undefined = governance.store.known(tokenID);
      // Not known to the console: made elsewhere since the checks last looked. It appeared, then this change.
      let appeared: KnownToken | undefined;
      if (!known) {
        const credential = pastedToken(request.headers.authorization) ?? options.serverToken();
        const found = await lookUp(options.call, tokenID, credential).catch(() => undefined);
        if (found)
          known = appeared = { tokenID, orgID: found.orgID, description: found.description, status: found.status };
      }
      if (method === 'DELETE')
        return async (status) => {
          if (status === 204 && appeared) governance.recordAppeared(appeared);
          if (status === 204 && known) governance.recordDelete(known, who);
          options.recorded?.();
        };
      return async (status, body) => {
        const token = status === 200 ? tokenFacts(parse(body)) : undefined;
        if (token && appeared) governance.recordAppeared(appeared);
        if (token) governance.recordUpdate(known, token, who);
        options.recorded?.();
      };
    },
  };
}

async function lookUp(call: UpstreamCall, tokenID: string, token: string | undefined): Promise<TokenFacts | undefined> {
  let answer;
  try {
    answer = await call('GET', `/api/v2/authorizations/${encodeURIComponent(tokenID)}`, token);
  } catch (error) {
    throw new InfluxError('unavailable', `InfluxDB did not answer: ${(error as Error).message}`);
  }
  if (answer.status === 404) return undefined;
  if (answer.status !== 200) throw upstreamRefusal(answer, `the lookup of token ${tokenID}`);
  return tokenFacts(answer.body);
}

function requiredOrgID(request: FastifyRequest): string {
  const orgID = (request.query as Record<string, string | undefined>).orgID;
  if (!orgID) throw new InfluxError('invalid', 'orgID is required');
  return orgID;
}

function optionalInteger(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new InfluxError('invalid', `${name} must be a whole number from ${min} to ${max}`);
  return value;
}

async function readJson(request: FastifyRequest): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new InfluxError('request too large', `The body is larger than ${BODY_LIMIT} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new InfluxError('invalid', 'The body is not JSON: send {"orgID": "…", "expiresAt": "…" or null}');
  }
}

function parse(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
