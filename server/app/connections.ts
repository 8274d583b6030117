// The InfluxDB connections the app server offers: the default one (at /api/*, /health, /ping; governance covers it)
// and any further ones (INFLUX_CONFIGS), each at /c/<name>/... with its own URL, token and forwarder. The browser
// only ever names one of these; what each holds (URL, token) never comes from a request.
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { isConnectionName } from '../../core/connection';
import { InfluxError, sendInfluxError } from '../influx-error';
import type { ChangeObserver } from '../governance/routes';
import type { ForwardTarget } from '../proxy/forward';
import { OWN_TOKEN_PATH } from '../proxy/gates';
import { identifyByListing, type IdentifyToken, type OwnTokenAnswer } from './own-token';
import { fixedServerToken, type ServerTokenSource } from './server-token';

/** A further InfluxDB offered beside the default one, reached at /c/<name>/... */
export interface MoreConnection {
  /** Its name in URLs and on the page: letters, digits, ".", "_" and "-". */
  name: string;
  /** InfluxDB base URL; its requests go to this origin (and optional path prefix) only. */
  upstreamUrl: string;
  /** Added as `Authorization: Token ...` to its requests that carry none. Never sent to the browser or logged. */
  serverToken?: string;
  org: string | null;
  /** Shown with a production marker on the page (INFLUX_PRODUCTION). */
  production?: boolean;
}

/** One connection as the running server holds it. */
export interface Connection {
  name: string;
  /** Scheme, host, port and path prefix: what people see, never credentials. */
  display: string;
  org: string | null;
  production: boolean;
  serverToken: ServerTokenSource;
  /** True when the server re-reads the stand-in's operator-token file (the default connection on the stand-in). */
  recoverable: boolean;
  identifyToken: IdentifyToken;
  forward: RouteHandlerMethod;
}

/** What GET /api/app/config says about each connection. */
export interface ConnectionEntry {
  name: string;
  upstream: string;
  production: boolean;
  org: string | null;
  needsToken: boolean;
}

/** Refuses names that cannot stand in a URL segment, and the same name twice (the default's included). */
export function checkConnectionNames(names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!isConnectionName(name))
      throw new Error(`Connection name "${name}" cannot stand in a URL: use letters, digits, ".", "_" and "-"`);
    if (seen.has(name.toLowerCase())) throw new Error(`Two connections are named "${name}"`);
    seen.add(name.toLowerCase());
  }
}

/**
 * Every connection, ready to forward, by name (the default first): one pool each (`forwarderFor`, the proxy's). Only
 * the default connection's changes are recorded: the trail and its store belong to its InfluxDB.
 */
export function offerConnections(options: {
  default: Omit<Connection, 'forward'>;
  changes: ChangeObserver | undefined;
  more: MoreConnection[];
  timeoutMs: number;
  forwarderFor: (target: ForwardTarget) => RouteHandlerMethod;
}): Map<string, Connection> {
  // With several connections a failure names which one ("InfluxDB at <url> (connection "prod") is unreachable").
  const label = (name: string, display: string) =>
    options.more.length ? `${display} (connection "${name}")` : display;
  const first = options.default;
  const connections = new Map<string, Connection>();
  connections.set(first.name, {
    ...first,
    forward: options.forwarderFor({
      upstreamUrl: first.display,
      label: label(first.name, first.display),
      serverToken: () => first.serverToken.current(),
      changes: options.changes,
    }),
  });
  for (const more of options.more) {
    const display = displayUrl(more.upstreamUrl);
    const serverToken = fixedServerToken(more.serverToken);
    connections.set(more.name, {
      name: more.name,
      display,
      org: more.org,
      production: more.production ?? false,
      serverToken,
      recoverable: false,
      identifyToken: identifyByListing(display, options.timeoutMs),
      forward: options.forwarderFor({
        upstreamUrl: display,
        label: label(more.name, display),
        serverToken: () => serverToken.current(),
      }),
    });
  }
  return connections;
}

export function connectionEntry(connection: Connection): ConnectionEntry {
  return {
    name: connection.name,
    upstream: connection.display,
    production: connection.production,
    org: connection.org,
    needsToken: connection.serverToken.current() === undefined,
  };
}

/**
 * GET /api/app/own-token (the default connection) and /c/<name>/api/app/own-token: which token the page runs on
 * there (the pasted one it sends, else that connection's server token), and its state.
 */
export function registerOwnToken(
  app: FastifyInstance,
  connectionOf: (name: string | undefined) => Connection,
  log: (line: string) => void,
): void {
  const handler: RouteHandlerMethod = async (request, reply) => {
    const connection = connectionOf(request.gated?.connection);
    const pasted = tokenFromHeader(request.headers.authorization);
    if (!pasted) connection.serverToken.reload();
    const token = pasted ?? connection.serverToken.current();
    const base = { source: pasted ? 'pasted' : 'server', recoverable: !pasted && connection.recoverable } as const;
    let answer: OwnTokenAnswer;
    if (!token) {
      answer = { ...base, state: 'refused', message: 'no token' };
    } else {
      try {
        answer = { ...base, ...(await connection.identifyToken(token)) };
      } catch (error) {
        log(`server: could not tell which token the page uses on "${connection.name}": ${(error as Error).message}`);
        return sendInfluxError(
          reply,
          new InfluxError('unavailable', `Could not reach InfluxDB at ${connection.display} to check the token.`),
        );
      }
    }
    return reply.header('cache-control', 'no-store').send(answer);
  };
  const schema = { response: { 200: OWN_TOKEN_SCHEMA } };
  app.get(OWN_TOKEN_PATH, { schema }, handler);
  app.get(`/c/:connection${OWN_TOKEN_PATH}`, { schema }, handler);
}

/** The upstream as shown to people: scheme, host, port and path prefix only, never credentials. */
export function displayUrl(raw: string): string {
  const url = new URL(raw);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function tokenFromHeader(header: string | undefined): string | undefined {
  const match = /^\s*(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export const CONNECTION_SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    upstream: { type: 'string' },
    production: { type: 'boolean' },
    org: { type: ['string', 'null'] },
    needsToken: { type: 'boolean' },
  },
  required: ['name', 'upstream', 'production', 'org', 'needsToken'],
  additionalProperties: false,
} as const;

const OWN_TOKEN_SCHEMA = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: ['active', 'inactive', 'refused', 'unknown'] },
    id: { type: 'string' },
    description: { type: 'string' },
    message: { type: 'string' },
    userID: { type: 'string' },
    source: { type: 'string', enum: ['server', 'pasted'] },
    recoverable: { type: 'boolean' },
  },
  required: ['state', 'source', 'recoverable'],
  additionalProperties: false,
} as const;
