// The one server people open: the app (built files or Vite in dev), its config endpoint, and the thin proxy
// to InfluxDB. Every request passes the same gates in the same order before anything else sees it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lingerOnClose } from '../lingering-close';
import { createForwarder } from '../proxy/forward-to-influx';
import { isApiPath, isForwardedPath } from '../proxy/forwarded-paths';
import { sendInfluxError } from '../proxy/influx-error';
import { isLoopbackHost } from '../proxy/loopback';
import { parseRequestTarget } from '../proxy/request-target';
import { crossSiteRefusal, hostRefusal, isTopLevelNavigation, knownHostsFor } from '../proxy/request-origin';
import { applySecurityHeaders, PRODUCTION_CSP } from '../proxy/security-headers';
import { createStaticApp, type AppHandler } from './static-files';
import { identifyByListing, type IdentifyToken, type OwnTokenAnswer } from './own-token';
import { fileServerToken, fixedServerToken } from './server-token';

/** What serves the app's pages when there is no static folder (Vite's dev server). */
export interface AppLayer {
  handle: AppHandler;
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
}

export interface RunningAppServer {
  /** e.g. "http://127.0.0.1:5173" */
  url: string;
  port: number;
  close(): Promise<void>;
}

const OWN_TOKEN_PATH = '/api/app/own-token';
const FORWARDED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH']);

export async function startAppServer(config: AppServerConfig): Promise<RunningAppServer> {
  const host = config.host ?? '127.0.0.1';
  if (config.serverToken && !isLoopbackHost(host) && !config.allowRemote) {
    throw new Error(
      `Refusing to listen on ${host} while holding a server token: anyone who can reach it could manage your tokens. ` +
        'Listen on 127.0.0.1, or set ALLOW_REMOTE=1 if everyone on that network may.',
    );
  }
  if (!config.staticDir === !config.appLayer) throw new Error('startAppServer: give exactly one of staticDir or appLayer');

  const log = config.log ?? (() => {});
  const upstreamDisplay = displayUrl(config.upstreamUrl);
  const csp = config.contentSecurityPolicy ?? PRODUCTION_CSP;
  const serverToken =
    config.serverTokenFile && config.serverToken ? fileServerToken(config.serverTokenFile, config.serverToken) : fixedServerToken(config.serverToken);
  const identifyToken = config.identifyToken ?? identifyByListing(upstreamDisplay, config.timeoutMs ?? 30_000);
  const forwarder = createForwarder({
    upstreamUrl: upstreamDisplay,
    serverToken: () => serverToken.current(),
    timeoutMs: config.timeoutMs ?? 30_000,
    bodyLimitBytes: config.bodyLimitBytes ?? 1024 * 1024,
    log,
    compressFor: config.compressFor,
  });
  const appConfigBody = JSON.stringify({
    mode: config.mode,
    upstream: upstreamDisplay,
    org: config.org,
    needsToken: !config.serverToken,
  });

  const server = createServer();
  // A refused request (413, 431...) is answered while the client may still be sending: drain before closing.
  lingerOnClose(server);
  let knownHosts = new Set<string>();
  let layer: AppLayer | undefined;
  let serveApp: AppHandler | undefined = config.staticDir ? createStaticApp(config.staticDir) : undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res, csp);
    const wrongHost = hostRefusal(req, knownHosts);
    if (wrongHost) return sendInfluxError(res, 403, 'forbidden', wrongHost);
    const target = parseRequestTarget(req.url);
    if (!target.ok) return sendInfluxError(res, 400, 'invalid', target.reason);
    const { path, search } = target;
    const method = req.method ?? 'GET';

    if (path === '/api/app/config' || path === OWN_TOKEN_PATH || isApiPath(path)) {
      const foreign = crossSiteRefusal(req);
      if (foreign) return sendInfluxError(res, 403, 'forbidden', foreign);
      if (path === '/api/app/config') {
        if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(method === 'HEAD' ? undefined : appConfigBody);
        return;
      }
      if (path === OWN_TOKEN_PATH) {
        if (method !== 'GET') return methodNotAllowed(res, 'GET');
        return answerOwnToken(req, res);
      }
      if (!isForwardedPath(path)) return sendInfluxError(res, 404, 'not found', 'path not found');
      if (!FORWARDED_METHODS.has(method)) return methodNotAllowed(res, [...FORWARDED_METHODS].join(', '));
      if (STATE_CHANGING.has(method) && !isJson(req.headers['content-type'])) {
        return sendInfluxError(res, 415, 'unsupported media type', `${method} requests must have Content-Type: application/json.`);
      }
      return forwarder.forward(req, res, path, search);
    }

    // The app's pages: a link from another site may open them, but nothing else may be fetched cross-site.
    if (!isTopLevelNavigation(req)) {
      const foreign = crossSiteRefusal(req);
      if (foreign) return sendInfluxError(res, 403, 'forbidden', foreign);
    }
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    return serveApp!(req, res, path);
  };

  /** GET /api/app/own-token: which token the page runs on (the pasted one it sends, else the server's), and its state. */
  async function answerOwnToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pasted = tokenFromHeader(req.headers.authorization);
    if (!pasted) serverToken.reload();
    const token = pasted ?? serverToken.current();
    const base = { source: pasted ? 'pasted' : 'server', recoverable: !pasted && config.serverTokenFile !== undefined } as const;
    let answer: OwnTokenAnswer;
    if (!token) {
      answer = { ...base, state: 'refused', message: 'no token' };
    } else {
      try {
        answer = { ...base, ...(await identifyToken(token)) };
      } catch (error) {
        log(`server: could not tell which token the page uses: ${(error as Error).message}`);
        return sendInfluxError(res, 503, 'unavailable', `Could not reach InfluxDB at ${upstreamDisplay} to check the token.`);
      }
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(answer));
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      log(`server: ${req.method} ${req.url?.split('?')[0]} failed: ${(error as Error).message}`);
      sendInfluxError(res, 500, 'internal error', 'The server failed to handle this request; see its log.');
    });
  });

  if (config.appLayer) {
    layer = await config.appLayer(server);
    serveApp = layer.handle;
  }

  await listen(server, config.port ?? 0, host).catch(async (error: unknown) => {
    await layer?.close?.();
    await forwarder.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  knownHosts = knownHostsFor(host, port, config.allowedHosts ?? []);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // A keep-alive connection whose answer is just being finished turns idle a moment later; close it then,
        // rather than holding the shutdown until the grace period ends.
        const sweep = setInterval(() => server.closeIdleConnections(), 25);
        const force = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs ?? 3000);
        await closed;
        clearInterval(sweep);
        clearTimeout(force);
        await forwarder.close();
        await layer?.close?.();
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        const friendly = new Error(
          `Port ${port} on ${host} is already in use (is another copy running?). Stop it, or set PORT to another port (0 picks a free one).`,
        );
        Object.assign(friendly, { code: 'EADDRINUSE' });
        reject(friendly);
      } else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendInfluxError(res, 405, 'method not allowed', `Method not allowed here; allowed: ${allow}.`, { Allow: allow });
}

function tokenFromHeader(header: string | undefined): string | undefined {
  const match = /^\s*(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** The upstream as shown to people: scheme, host, port and path prefix only, never credentials. */
function displayUrl(raw: string): string {
  const url = new URL(raw);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function urlHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === '0.0.0.0') return '127.0.0.1';
  if (bare === '::') return '[::1]';
  return bare.includes(':') ? `[${bare}]` : bare;
}
