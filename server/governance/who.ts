// Who made a change, for the trail: the acting credential (the pasted token, else the server-held one) named by its
// authorization ID and description, never its secret; behind a trusted authenticating reverse proxy, the person it
// names; and from where (the page in a browser, or a request without one: curl, the CLI).
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../../core/governance';
import type { IdentifyToken } from '../app/own-token';
import type { Who } from './governance';

export interface AuthProxySetting {
  /** The request header carrying the person's name, e.g. X-WEBAUTH-USER. */
  header: string;
  /** Addresses of the proxy: the header is believed only on requests from these. */
  trusted: string[];
}

export interface WhoOptions {
  serverToken: () => string | undefined;
  identify: IdentifyToken;
  authProxy?: AuthProxySetting;
  /** How long an identification is reused (identifying a token may mean listing every token). Default 1 hour. */
  cacheMs?: number;
}

/** Reads the credential a request acts with: its own Authorization header, else the server's token. */
export function pastedToken(header: string | undefined): string | undefined {
  return /^\s*(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

export function whoResolver(options: WhoOptions): (request: FastifyRequest) => Promise<Who> {
  const cache = new Map<string, { at: number; actor: Pick<AuditActor, 'tokenID' | 'description' | 'user'> }>();
  const cacheMs = options.cacheMs ?? 60 * 60_000;
  const trusted = new Set((options.authProxy?.trusted ?? []).map(normalizeAddress));
  const header = options.authProxy?.header.toLowerCase();

  async function identity(token: string) {
    const key = createHash('sha256').update(token).digest('hex');
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < cacheMs) return hit.actor;
    let actor: Pick<AuditActor, 'tokenID' | 'description' | 'user'> = {};
    try {
      const answer = await options.identify(token);
      actor = {
        ...(answer.id && { tokenID: answer.id }),
        ...(answer.description !== undefined && { description: answer.description }),
        ...(answer.userID && { user: answer.userID }),
      };
    } catch {
      // InfluxDB did not say: the entry names the kind of credential only.
    }
    cache.set(key, { at: Date.now(), actor });
    return actor;
  }

  return async (request) => {
    const pasted = pastedToken(request.headers.authorization);
    const token = pasted ?? options.serverToken();
    const actor: AuditActor = {
      kind: pasted ? 'pasted-token' : 'server-token',
      ...(token && (await identity(token))),
    };
    if (header && trusted.has(normalizeAddress(request.raw.socket.remoteAddress ?? ''))) {
      const person = request.headers[header];
      const name = (Array.isArray(person) ? person[0] : person)?.trim();
      if (name) actor.person = name.slice(0, 200);
    }
    // Browsers send Fetch Metadata on the page's own requests; curl and the CLI do not.
    const via = request.headers['sec-fetch-site'] === 'same-origin' ? 'page' : 'api';
    return { actor, via };
  };
}

/** "::ffff:127.0.0.1" is 127.0.0.1. */
function normalizeAddress(address: string): string {
  return address.trim().replace(/^::ffff:/i, '');
}
