// The one server people open (Fastify): the app (built files or Vite in dev), its config and own-token endpoints,
// and the thin proxy to InfluxDB: the default connection at /api/*, further ones at /c/<name>/... (connections.ts). Every request passes the same gates in the same order (server/proxy/gates.ts,
// one onRequest hook) before any route sees it.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RouteHandlerMethod,
} from 'fastify';
import { InfluxError, sendInfluxError } from '../influx-error';
import { lingerOnClose } from '../lingering-close';
import { registerForwarding } from '../proxy/forward';
import { APP_CONFIG_PATH, check, createGates, type GateOptions } from '../proxy/gates';
import { isLoopbackHost } from '../proxy/loopback';
import { knownHostsFor } from '../proxy/request-origin';
import { PRODUCTION_CSP } from '../proxy/security-headers';
import { identifyByListing, type IdentifyToken } from './own-token';
import {
  checkConnectionNames,
  CONNECTION_SCHEMA,
  connectionEntry,
  displayUrl,
  offerConnections,
  registerOwnToken,
  type MoreConnection,
} from './connections';
import { fileServerToken, fixedServerToken } from './server-token';
import { startGovernance } from '../governance/start';
import type { AuthProxySetting } from '../governance/who';
import type { GovernanceState } from '../../core/governance';
import { notFound, registerStaticFiles, type PageHandler } from './static-files';

/** What serves the app's pages when there is no static folder (Vite's dev server). */
export interface AppLayer {
  /** Answers one page request on the raw response (it may finish it later: Vite's middlewares). */
  handle: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;
  close?(): Promise<void>;
}

export interface AppServerConfig {
  mode: 'standin' | 'influx';
  /** InfluxDB base URL; every forwarded request goes to this origin (and optional path prefix). */
  upstreamUrl: string;
  /** Added as `Authorization: Token ...` to requests that carry none. Never sent to the browser or logged. */
  serverToken?: string;
  /** The stand-in's operator-token file: re-read when the page asks which token it runs on, so a token made by
   *  recovery (`npm run standin:recovery -- create-operator`) is used without a restart. `serverToken` is its content. */
  serverTokenFile?: string;
  /** Says which authorization a token is (the stand-in looks it up); default: list upstream and match token strings. */
  identifyToken?: IdentifyToken;
  /** Org name the app scopes its list to, or null. */
  org: string | null;
  /** The default connection's name, on the page and in /c/<name>/ URLs. Default "default". */
  connectionName?: string;
  /** Marks the default connection as production (INFLUX_PRODUCTION). */
  production?: boolean;
  /** Further InfluxDB connections (INFLUX_CONFIGS), each at /c/<name>/...; governance covers the default only. */
  moreConnections?: MoreConnection[];
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** The built app; give this or `appLayer`. */
  staticDir?: string;
  /** Builds the page-serving layer once the HTTP server exists (Vite needs it for hot reload). */
  appLayer?: (server: Server) => Promise<AppLayer>;
  /** How long to wait for InfluxDB's response headers (and between body chunks). Default 30000. */
  timeoutMs?: number;
  /** Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Extra Host header values to answer to. */
  allowedHosts?: string[];
  /** Required to listen on a non-loopback address while holding a server token. */
  allowRemote?: boolean;
  contentSecurityPolicy?: string;
  /** How long close() lets in-flight requests finish. Default 3000. */
  shutdownGraceMs?: number;
  /** Which clients get compressed API answers: 'remote' (default: not loopback ones) or 'all' (benchmarks, tests). */
  compressFor?: 'remote' | 'all';
  /** One line per event worth knowing (upstream failures); never tokens. Default: none. */
  log?: (line: string) => void;
  /** Expiry and the audit trail (the console's own store). Default: a store in memory, gone at close. */
  governance?: GovernanceConfig;
}

export interface GovernanceConfig {
  /** The SQLite file (CONSOLE_DB, default $DATA_DIR/console.sqlite). */
  dbPath: string;
  /** MAX_TOKEN_LIFETIME in ms, or null. */
  maxLifetimeMs: number | null;
  /** AUDIT_RETENTION in ms. */
  retentionMs: number;
  /** AUTH_PROXY_HEADER and AUTH_PROXY_TRUSTED. */
  authProxy?: AuthProxySetting;
  /** AUDIT_CHECK_INTERVAL: how often to look for changes made outside this console. Default 5 minutes. */
  checkIntervalMs?: number;
  /** AUDIT_BUCKET: a bucket (in each entry's org) that every trail entry is also written into. */
  auditBucket?: string;
  /** False leaves changes through the proxy unrecorded: only for benchmarks measuring what recording costs. */
  recordChanges?: boolean;
}

export interface RunningAppServer {
  /** e.g. "http://127.0.0.1:5173" */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The app server built but not listening: `fastify.inject` drives it without a socket. */
export interface BuiltAppServer {
  fastify: FastifyInstance;
  /** Sets the Host values it answers to for the port it listens on (until then: port 80, as inject sends). */
  answerOn(port: number): void;
  /** Closes the page layer (Vite), which is not a Fastify plugin. */
  closeLayer(): Promise<void>;
}

export async function startAppServer(config: AppServerConfig): Promise<RunningAppServer> {
  const host = config.host ?? '127.0.0.1';
  const { fastify: app, answerOn, closeLayer } = await buildAppServer(config);
  try {
    await app.listen({ port: config.port ?? 0, host });
  } catch (error) {
    await app.close().catch(() => {});
    await closeLayer();
    throw friendlyListenError(error as NodeJS.ErrnoException, config.port ?? 0, host);
  }
  const port = (app.server.address() as AddressInfo).port;
  answerOn(port);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const server = app.server;
        // A keep-alive connection whose answer is just being finished turns idle a moment later; close it then,
        // rather than holding the shutdown until the grace period ends.
        const sweep = setInterval(() => server.closeIdleConnections(), 25);
        const force = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs ?? 3000);
        await app.close();
        clearInterval(sweep);
        clearTimeout(force);
        await closeLayer();
      })();
      return closing;
    },
  };
}

export async function buildAppServer(config: AppServerConfig): Promise<BuiltAppServer> {
  const host = config.host ?? '127.0.0.1';
  const more = config.moreConnections ?? [];
  const holdsToken = Boolean(config.serverToken) || more.some((c) => c.serverToken);
  if (holdsToken && !isLoopbackHost(host) && !config.allowRemote) {
    throw new Error(
      `Refusing to listen on ${host} while holding a server token: anyone who can reach it could manage your tokens. ` +
        'Listen on 127.0.0.1, or set ALLOW_REMOTE=1 if everyone on that network may.',
    );
  }
  if (!config.staticDir === !config.appLayer)
    throw new Error('startAppServer: give exactly one of staticDir or appLayer');

  const defaultName = config.connectionName ?? 'default';
  checkConnectionNames([defaultName, ...more.map((c) => c.name)]);
  const log = config.log ?? (() => {});
  const upstreamDisplay = displayUrl(config.upstreamUrl);
  const timeoutMs = config.timeoutMs ?? 30_000;
  const bodyLimitBytes = config.bodyLimitBytes ?? 1024 * 1024;
  const serverToken =
    config.serverTokenFile && config.serverToken
      ? fileServerToken(config.serverTokenFile, config.serverToken)
      : fixedServerToken(config.serverToken);
  const identifyToken = config.identifyToken ?? identifyByListing(upstreamDisplay, timeoutMs);

  let knownHosts: ReadonlySet<string> = knownHostsFor(host, 80, config.allowedHosts ?? []);
  const gateOptions: GateOptions = {
    knownHosts: () => knownHosts,
    contentSecurityPolicy: config.contentSecurityPolicy ?? PRODUCTION_CSP,
    bodyLimitBytes,
    connections: [defaultName, ...more.map((c) => c.name)],
  };
  const app = Fastify({
    logger: false,
    // Node's own defaults (Fastify's keep-alive is 72 s, and it switches the request timeout off).
    keepAliveTimeout: 5_000,
    requestTimeout: 300_000,
    // In-flight requests finish on close; close() below bounds how long.
    return503OnClosing: false,
    // What Node's own server answers to a request it cannot parse (Fastify's default adds a JSON body of its own).
    clientErrorHandler: answerUnparsable,
    // A path Fastify's router cannot decode still gets the gates' own answer (400, after the Host check).
    frameworkErrors: (error, request, reply) => {
      const refusal = check(request, reply, gateOptions);
      sendInfluxError(
        reply,
        refusal?.error ?? new InfluxError('invalid', `Bad request: ${error.message}`),
        refusal?.headers,
      );
    },
  });
  // A refused request (413, 431...) is answered while the client may still be sending: drain before closing.
  lingerOnClose(app.server);
  // Bodies are never parsed here: the forwarder streams them upstream as they are.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  app.decorateRequest('gated', null);
  app.addHook('onRequest', createGates(gateOptions));
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof InfluxError) return sendInfluxError(reply, error);
    log(`server: ${request.method} ${request.url.split('?')[0]} failed: ${(error as Error).message}`);
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    sendInfluxError(reply, new InfluxError('internal error', 'The server failed to handle this request; see its log.'));
  });

  const governance = startGovernance(app, {
    config: config.governance,
    instance: config.mode === 'standin' ? 'standin' : upstreamDisplay,
    upstreamUrl: upstreamDisplay,
    timeoutMs,
    serverToken: () => serverToken.current(),
    identifyToken,
    log,
  });

  const forwarderFor = await registerForwarding(app, {
    timeoutMs,
    bodyLimitBytes,
    log,
    compressFor: config.compressFor,
  });
  const connections = offerConnections({
    default: {
      name: defaultName,
      display: upstreamDisplay,
      org: config.org,
      production: config.production ?? false,
      serverToken,
      recoverable: config.serverTokenFile !== undefined,
      identifyToken,
    },
    changes: governance.changes,
    more,
    timeoutMs,
    forwarderFor,
  });
  // The gates let through only names in this list; a request without /c/<name>/ is the default's.
  const connectionOf = (name: string | undefined) => connections.get(name ?? defaultName)!;
  const forward: RouteHandlerMethod = function (request, reply) {
    return connectionOf(request.gated!.connection).forward.call(this, request, reply);
  };

  app.get(APP_CONFIG_PATH, { schema: { response: { 200: APP_CONFIG_SCHEMA } } }, (_request, reply) => {
    const appConfig = {
      mode: config.mode,
      upstream: upstreamDisplay,
      org: config.org,
      needsToken: !config.serverToken,
      connection: defaultName,
      connections: [...connections.values()].map(connectionEntry),
    };
    void reply.header('cache-control', 'no-store').send(appConfig);
  });

  registerOwnToken(app, connectionOf, log);

  for (const url of ['/api/*', '/health', '/ping']) app.all(url, forward);

  // The app's pages, in their own scope: the static files' headers hook touches nothing else.
  let layer: AppLayer | undefined;
  await app.register(async (pages) => {
    let servePage: PageHandler;
    if (config.staticDir) {
      servePage = await registerStaticFiles(pages, config.staticDir);
    } else {
      layer = await config.appLayer!(app.server);
      const handle = layer.handle;
      servePage = async (request, reply, path) => {
        reply.hijack();
        await handle(request.raw, reply.raw, path);
      };
    }
    // Every gated request the routes above do not name: the gates already said whether it is a page or forwarded.
    const dispatch = (request: FastifyRequest, reply: FastifyReply) => {
      const gated = request.gated!;
      if (gated.kind === 'governance-elsewhere') return reply.send(governanceElsewhere(gateOptions.connections[0]!));
      return gated.kind === 'page' ? servePage(request, reply, gated.path) : forward.call(app, request, reply);
    };
    pages.all('/*', dispatch);
    pages.setNotFoundHandler((request, reply) =>
      request.gated?.kind === 'page' ? notFound(reply) : dispatch(request, reply),
    );
  });

  return {
    fastify: app,
    answerOn(port) {
      knownHosts = knownHostsFor(host, port, config.allowedHosts ?? []);
    },
    async closeLayer() {
      await layer?.close?.();
    },
  };
}

const UNPARSABLE: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

function answerUnparsable(error: NodeJS.ErrnoException, socket: Socket): void {
  const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (socket.writable && !answering)
    socket.write(`HTTP/1.1 ${UNPARSABLE[error.code ?? ''] ?? '400 Bad Request'}\r\nConnection: close\r\n\r\n`);
  socket.destroy(error);
}

function friendlyListenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  if (error.code !== 'EADDRINUSE') return error;
  const friendly = new Error(
    `Port ${port} on ${host} is already in use (is another copy running?). Stop it, or set PORT to another port (0 picks a free one).`,
  );
  return Object.assign(friendly, { code: 'EADDRINUSE' });
}

const APP_CONFIG_SCHEMA = {
  type: 'object',
  properties: {
    mode: { type: 'string', enum: ['standin', 'influx'] },
    upstream: { type: 'string' },
    org: { type: ['string', 'null'] },
    needsToken: { type: 'boolean' },
    /** The default connection's name: /api/* goes there. */
    connection: { type: 'string' },
    /** Every connection offered, the default first; each also at /c/<name>/api/v2/..., /health, /ping. */
    connections: { type: 'array', items: CONNECTION_SCHEMA },
  },
  required: ['mode', 'upstream', 'org', 'needsToken', 'connection', 'connections'],
  additionalProperties: false,
} as const;

function urlHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === '0.0.0.0') return '127.0.0.1';
  if (bare === '::') return '[::1]';
  return bare.includes(':') ? `[${bare}]` : bare;
}

/** GET /c/<name>/api/app/governance for a connection other than the default: expiry and the trail are not kept there. */
function governanceElsewhere(defaultName: string): GovernanceState {
  return {
    available: false,
    unavailableReason: `Expiry and the audit trail are kept for the default connection (“${defaultName}”) only.`,
    maxLifetimeDays: null,
    expiries: [],
  };
}
