// The gates every request passes, in this order, before any route sees it: security headers on every answer, the
// Host allow-list (DNS rebinding), a sane request target, then per kind of path: same-origin only for the API,
// the exact forwarded paths and methods, JSON-only writes and the body limit; pages for GET/HEAD only, and only
// top-level navigations from other sites. One onRequest hook, so the routes behind it can trust what they get.
// `/c/<name>/api/...` (and /health, /ping) is the same API on another connection: <name> must be one of the server's
// own list, and the rest of the path passes the same gates; nothing in the request chooses where it goes but that name.
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { ACTIVITY_PATH, EXPIRY_PATH_PREFIX, GOVERNANCE_PATH } from '../../core/governance';
import { InfluxError, sendInfluxError } from '../influx-error';
import { isApiPath, isForwardedPath, isReadOnlyPath } from './forwarded-paths';
import { crossSiteRefusal, hostRefusal, isTopLevelNavigation } from './request-origin';
import { parseRequestTarget } from './request-target';
import { applySecurityHeaders } from './security-headers';

export const APP_CONFIG_PATH = '/api/app/config';
export const OWN_TOKEN_PATH = '/api/app/own-token';

export type RequestKind = 'app-config' | 'own-token' | 'governance' | 'governance-elsewhere' | 'forward' | 'page';

/** What the gates found: set on every request that passed them. */
export interface GatedTarget {
  kind: RequestKind;
  /** Raw path, still percent-encoded as sent (validated by parseRequestTarget). */
  path: string;
  /** "" or "?..." as sent. */
  search: string;
  /** The connection named by a /c/<name>/ prefix (then `path` is what follows it); unset for the default's paths. */
  connection?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    gated: GatedTarget | null;
  }
}

export interface GateOptions {
  /** Host header values this server answers to (known once it listens). */
  knownHosts: () => ReadonlySet<string>;
  contentSecurityPolicy: string;
  bodyLimitBytes: number;
  /** The connections' names, the default's first (governance covers it only). */
  connections: readonly string[];
}

const FORWARDED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
const FORWARDED_ALLOW = [...FORWARDED_METHODS].join(', ');
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH']);

export function createGates(options: GateOptions): onRequestHookHandler {
  return function gates(request, reply, done) {
    const refusal = check(request, reply, options);
    if (refusal) {
      sendInfluxError(reply, refusal.error, refusal.headers);
      return;
    }
    done();
  };
}

/** Runs the gates on a request; sets `request.gated` and returns null when it may go on. */
export function check(
  request: FastifyRequest,
  reply: FastifyReply,
  options: GateOptions,
): { error: InfluxError; headers?: Record<string, string> } | null {
  const req = request.raw;
  // On the raw response, so they are on every answer, including those written around Fastify (Vite's pages).
  applySecurityHeaders(reply.raw, options.contentSecurityPolicy);
  const wrongHost = hostRefusal(req, options.knownHosts());
  if (wrongHost) return { error: new InfluxError('forbidden', wrongHost) };
  const target = parseRequestTarget(req.url);
  if (!target.ok) return { error: new InfluxError('invalid', target.reason) };
  const { search } = target;
  const method = req.method ?? 'GET';
  // A connection's API: its name, then the path as the default connection's API has it.
  const scoped = /^\/c\/([^/]*)(\/.*)$/.exec(target.path);
  const connection = scoped && isApiPath(scoped[2]!) ? scoped[1]! : undefined;
  const path = connection === undefined ? target.path : scoped![2]!;

  if (path === APP_CONFIG_PATH || path === OWN_TOKEN_PATH || isApiPath(path)) {
    const foreign = crossSiteRefusal(req);
    if (foreign) return { error: new InfluxError('forbidden', foreign) };
    if (connection !== undefined) {
      // Another connection's pages ask what expiry can do there, as on the default one: answered, not refused.
      if (path === GOVERNANCE_PATH && method === 'GET' && options.connections.indexOf(connection) > 0) {
        request.gated = { kind: 'governance-elsewhere', path, search, connection };
        return null;
      }
      const refusal = connectionRefusal(connection, path, options.connections);
      if (refusal) return { error: refusal };
      if (path === OWN_TOKEN_PATH) {
        if (method !== 'GET') return methodNotAllowed('GET');
        request.gated = { kind: 'own-token', path, search, connection };
        return null;
      }
    } else if (path === APP_CONFIG_PATH) {
      if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD');
      request.gated = { kind: 'app-config', path, search };
      return null;
    }
    if (path === OWN_TOKEN_PATH) {
      if (method !== 'GET') return methodNotAllowed('GET');
      request.gated = { kind: 'own-token', path, search };
      return null;
    }
    if (path === GOVERNANCE_PATH || path === ACTIVITY_PATH) {
      if (method !== 'GET') return methodNotAllowed('GET');
      request.gated = { kind: 'governance', path, search };
      return null;
    }
    if (path.startsWith(EXPIRY_PATH_PREFIX) && /^[^/]+$/.test(path.slice(EXPIRY_PATH_PREFIX.length))) {
      if (method !== 'PUT') return methodNotAllowed('PUT');
      if (!isJson(req.headers['content-type']))
        return {
          error: new InfluxError('unsupported media type', 'PUT requests must have Content-Type: application/json.'),
        };
      request.gated = { kind: 'governance', path, search };
      return null;
    }
    if (!isForwardedPath(path)) return { error: new InfluxError('not found', 'path not found') };
    if (!FORWARDED_METHODS.has(method)) return methodNotAllowed(FORWARDED_ALLOW);
    if (isReadOnlyPath(path) && method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD');
    if (STATE_CHANGING.has(method) && !isJson(req.headers['content-type'])) {
      return {
        error: new InfluxError(
          'unsupported media type',
          `${method} requests must have Content-Type: application/json.`,
        ),
      };
    }
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > options.bodyLimitBytes)
      return tooLarge(reply, options.bodyLimitBytes);
    request.gated = { kind: 'forward', path, search, ...(connection !== undefined && { connection }) };
    return null;
  }

  // The app's pages: a link from another site may open them, but nothing else may be fetched cross-site.
  if (!isTopLevelNavigation(req)) {
    const foreign = crossSiteRefusal(req);
    if (foreign) return { error: new InfluxError('forbidden', foreign) };
  }
  if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD');
  request.gated = { kind: 'page', path, search };
  return null;
}

/** Why a /c/<name>/ API request cannot go on: a name not in the server's list, or what only /api/app/ serves. */
function connectionRefusal(name: string, path: string, connections: readonly string[]): InfluxError | null {
  if (!connections.includes(name)) {
    const shown = name.length > 64 ? `${name.slice(0, 64)}…` : name;
    return new InfluxError(
      'not found',
      `No connection named "${shown}" on this console; it offers: ${connections.join(', ')}.`,
    );
  }
  if (path === GOVERNANCE_PATH || path === ACTIVITY_PATH || path.startsWith(EXPIRY_PATH_PREFIX))
    return new InfluxError(
      'not found',
      `Expiry and activity are available for the default connection ("${connections[0]}") only, at ${path}.`,
    );
  if (path !== OWN_TOKEN_PATH && (path === '/api/app' || path.startsWith('/api/app/')))
    return new InfluxError('not found', `${path} is not served per connection; ask ${path} itself.`);
  return null;
}

/** A body over the limit (declared, or found while reading a chunked one): refused, and the connection closed. */
export function tooLarge(reply: FastifyReply, limit: number): { error: InfluxError; headers: Record<string, string> } {
  // The rest of the body is never read: close the connection after answering (lingering close drains it).
  reply.raw.shouldKeepAlive = false;
  return {
    error: new InfluxError(
      'request too large',
      `Request body is larger than ${limit} bytes; no token operation needs that much.`,
    ),
    headers: { Connection: 'close' },
  };
}

function methodNotAllowed(allow: string): { error: InfluxError; headers: Record<string, string> } {
  return {
    error: new InfluxError('method not allowed', `Method not allowed here; allowed: ${allow}.`),
    headers: { Allow: allow },
  };
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}
