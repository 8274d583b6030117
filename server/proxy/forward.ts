// Streams one allowed request to a configured InfluxDB and its answer back (@fastify/reply-from), adding that
// connection's server token when the browser sent none. Each connection is an undici Pool bound to its one origin,
// chosen by the server (never by the request), so no request can reach another host. Only gated requests (see
// gates.ts) get here.
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { constants as zlib, createBrotliCompress, createGzip } from 'node:zlib';
import replyFrom, { type FastifyReplyFromHooks } from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { Pool, type Dispatcher } from 'undici';
import { InfluxError, sendInfluxError } from '../influx-error';
import { isCompressibleType, isLoopbackClient, preferredEncoding } from './content-encoding';
import { ACTION_HEADER } from '../../core/governance';
import type { ChangeObserver } from '../governance/routes';
import { tooLarge } from './gates';
import { describeUpstreamFailure } from './upstream-failure';

/** One InfluxDB to forward to. */
export interface ForwardTarget {
  /** Normalized base URL: origin plus optional path prefix, no trailing slash. */
  upstreamUrl: string;
  /** How failure answers name it after "InfluxDB at"; default the URL. */
  label?: string;
  /** The token added to requests that carry none, read per request (it can change on recovery). */
  serverToken?: () => string | undefined;
  /** Told about each token change forwarded (the audit trail), before it goes and once InfluxDB took it. */
  changes?: ChangeObserver;
}

export interface ForwardOptions {
  timeoutMs: number;
  bodyLimitBytes: number;
  log: (line: string) => void;
  /**
   * Which clients get compressed answers (when they accept it and InfluxDB sent them plain): 'remote' (default)
   * spares loopback clients, for whom compressing only costs time; 'all' is for measuring and testing it.
   */
  compressFor?: 'remote' | 'all';
}

/** A target made ready: its own pool, and reply-from's options that point at it. */
interface Upstream {
  target: ForwardTarget;
  pool: Pool;
  label: string;
  prefix: string;
  fromOptions: FastifyReplyFromHooks;
}

// RFC 9110 hop-by-hop headers: never forwarded, either way.
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
// Hop-by-hop, plus what describes the browser rather than the request (cookies, origin, fetch metadata).
const DROP_REQUEST = new Set([
  ...HOP_BY_HOP,
  'host',
  'expect',
  'content-length',
  'cookie',
  'origin',
  'referer',
  'forwarded',
  'x-real-ip',
  ACTION_HEADER,
]);
const DROP_RESPONSE = new Set([
  ...HOP_BY_HOP,
  'set-cookie',
  'content-security-policy',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
]);

/** One forwarded exchange: how it may be cut short, and what the client and the timer did. */
interface Exchange {
  upstream: Upstream;
  /** An EventEmitter, not an AbortController: undici accepts both, and AbortSignal costs a DOMException per abort. */
  abort: EventEmitter;
  timer?: NodeJS.Timeout;
  timedOut: boolean;
  clientGone: boolean;
  /** The request body to send: the request itself (declared length), the buffered chunks, or none. */
  body?: Readable;
  length?: number;
  /** Records a token change once InfluxDB took it (2xx); the answer waits for the record to be on disk. */
  record?: (status: number, body: Buffer) => Promise<void>;
}

// reply-from hands its request options to the dispatcher it was given; the exchange rides along in the headers
// object under a symbol (Object.assign copies it), so the dispatcher can give undici this request's abort signal.
const EXCHANGE = Symbol('exchange');
type HeadersWithExchange = Record<string, string> & { [EXCHANGE]?: Exchange };

declare module 'fastify' {
  interface FastifyRequest {
    exchange: Exchange | null;
  }
}

/**
 * Registers the forwarder on `app` and returns what makes a route handler forwarding gated requests to one InfluxDB
 * (call it once per connection, at start).
 */
export async function registerForwarding(
  app: FastifyInstance,
  options: ForwardOptions,
): Promise<(target: ForwardTarget) => RouteHandlerMethod> {
  const compressFor = options.compressFor ?? 'remote';
  const pools: Pool[] = [];
  const dispatcher = {
    request(
      opts: Dispatcher.RequestOptions & { headers: HeadersWithExchange },
      callback: (error: Error | null, data: Dispatcher.ResponseData) => void,
    ): void {
      const exchange = opts.headers[EXCHANGE];
      delete opts.headers[EXCHANGE];
      if (!exchange) return callback(new Error('forwarded without an exchange'), undefined as never);
      opts.signal = exchange.abort; // opts is reply-from's own copy for this request
      exchange.upstream.pool.request(opts, callback);
    },
    close: () => Promise.all(pools.map((pool) => pool.close())),
    destroy: () => Promise.all(pools.map((pool) => pool.destroy())),
  };
  app.decorateRequest('exchange', null);
  await app.register(replyFrom, {
    undici: dispatcher as unknown as Pool,
    disableRequestLogging: true,
    // Upstream URLs are mostly unique (token ids): caching them only costs.
    disableCache: true,
  });
  app.addHook('onClose', async () => {
    await Promise.all(pools.map((pool) => pool.destroy()));
  });

  function rewriteRequestHeaders(request: FastifyRequest): HeadersWithExchange {
    const exchange = request.exchange!;
    const serverToken = exchange.upstream.target.serverToken?.();
    const headers: HeadersWithExchange = upstreamRequestHeaders(request, serverToken, exchange.length);
    headers[EXCHANGE] = exchange;
    return headers;
  }

  function rewriteHeaders(upstream: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
    return clientResponseHeaders(upstream);
  }

  function finish(exchange: Exchange): void {
    clearTimeout(exchange.timer);
  }

  function onError(reply: FastifyReply, { error }: { error: Error }): void {
    const request = reply.request;
    const exchange = request.exchange!;
    finish(exchange);
    if (exchange.clientGone) return; // the browser went away; nobody to answer
    const cause = (error as { cause?: unknown }).cause ?? error;
    const failure = describeUpstreamFailure(
      exchange.timedOut ? { code: 'UND_ERR_HEADERS_TIMEOUT' } : cause,
      exchange.upstream.label,
      options.timeoutMs,
    );
    options.log(`proxy: ${request.method} ${request.gated!.path} failed: ${failure.message}`);
    sendInfluxError(reply, new InfluxError('unavailable', failure.message, failure.status));
  }

  function onResponse(
    request: FastifyRequest,
    reply: FastifyReply,
    res: { statusCode: number; stream: Readable },
  ): void {
    const exchange = request.exchange!;
    finish(exchange);
    const record = exchange.record;
    if (record && res.statusCode >= 200 && res.statusCode < 300) {
      void recordThenAnswer(request, reply, res, record);
      return;
    }
    answerWith(request, reply, res.statusCode, res.stream);
  }

  /** A token change InfluxDB took: its (small) answer is read, recorded in the trail, then sent on. */
  async function recordThenAnswer(
    request: FastifyRequest,
    reply: FastifyReply,
    res: { statusCode: number; stream: Readable },
    record: NonNullable<Exchange['record']>,
  ): Promise<void> {
    const { body, error } = await readAll(res.stream, RECORDED_ANSWER_LIMIT);
    if (error) {
      // Cut off: nothing to record; the browser gets what came, cut off the same way, so it can say so.
      const cut = Readable.from(
        (async function* () {
          yield body;
          throw error;
        })(),
      );
      answerWith(request, reply, res.statusCode, cut);
      return;
    }
    try {
      await record(res.statusCode, body);
    } catch (error) {
      // InfluxDB made the change: the person must hear of it, and the server's log says the trail missed it.
      options.log(`audit: ${request.method} ${request.gated!.path} was not recorded: ${(error as Error).message}`);
    }
    answerWith(request, reply, res.statusCode, Readable.from([body]));
  }

  function answerWith(request: FastifyRequest, reply: FastifyReply, status: number, upstreamBody: Readable): void {
    const exchange = request.exchange!;
    const compressor = compressorFor(request, reply, status, compressFor);
    const answer: Readable = compressor ? upstreamBody.pipe(compressor) : upstreamBody;
    if (compressor) upstreamBody.on('error', (error) => compressor.destroy(error));
    answer.on('error', (error) => {
      // Headers are gone already: Fastify cuts the connection, the only honest signal of a truncated body.
      if (!exchange.clientGone)
        options.log(`proxy: ${request.method} ${request.gated!.path} response cut off: ${error.message}`);
    });
    void reply.send(answer);
  }

  function prepare(target: ForwardTarget): Upstream {
    const base = new URL(target.upstreamUrl);
    const prefix = base.pathname.replace(/\/+$/, '');
    const pool = new Pool(base.origin, {
      headersTimeout: options.timeoutMs + 1_000,
      bodyTimeout: options.timeoutMs,
      connectTimeout: Math.min(options.timeoutMs, 10_000),
    });
    pools.push(pool);
    // No retries: a 503 passes through as InfluxDB said it (reply-from would retry a GET up to 10 times).
    // getUpstream: the server's own origin for this target; reply-from refuses a path that would leave it.
    const fromOptions = {
      getUpstream: () => base.origin,
      rewriteRequestHeaders,
      rewriteHeaders,
      onError,
      onResponse,
      retryDelay: () => null,
    } as unknown as FastifyReplyFromHooks;
    return { target, pool, label: target.label ?? base.origin + prefix, prefix, fromOptions };
  }

  return (target) => {
    const upstream = prepare(target);
    return (request, reply) => forward(upstream, request, reply);
  };

  async function forward(upstream: Upstream, request: FastifyRequest, reply: FastifyReply) {
    const exchange: Exchange = { upstream, abort: new EventEmitter(), timedOut: false, clientGone: false };
    request.exchange = exchange;
    const req = request.raw;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const declared = req.headers['content-length'];
      if (declared !== undefined) {
        // Within the limit (the gates checked): streamed, and Node's parser holds the sender to that length.
        const length = Number(declared);
        if (length > 0) Object.assign(exchange, { body: req, length });
      } else if (req.headers['transfer-encoding']) {
        // Chunked: buffered up to the limit, so an oversized body is never forwarded even in part.
        const chunks: Buffer[] = [];
        let total = 0;
        for await (const chunk of req as AsyncIterable<Buffer>) {
          total += chunk.length;
          if (total > options.bodyLimitBytes) {
            const refusal = tooLarge(reply, options.bodyLimitBytes);
            return sendInfluxError(reply, refusal.error, refusal.headers);
          }
          chunks.push(chunk);
        }
        if (total > 0) Object.assign(exchange, { body: Readable.from([Buffer.concat(chunks)]), length: total });
      }
    }
    // The browser leaving (before or during the answer) ends the upstream request too.
    reply.raw.on('close', () => {
      if (reply.raw.writableFinished) return;
      exchange.clientGone = true;
      exchange.abort.emit('abort');
    });
    // Our own timer, not undici's headersTimeout: undici's timers tick coarsely (about every 500 ms).
    exchange.timer = setTimeout(() => {
      exchange.timedOut = true;
      exchange.abort.emit('abort');
    }, options.timeoutMs);
    exchange.record = await upstream.target.changes?.before(request, request.gated!.path);
    request.body = exchange.body;
    return reply.from(`${upstream.prefix}${request.gated!.path}`, upstream.fromOptions);
  }
}

/** An answer to a token change is one authorization (a few KiB); more is not an answer to record. */
const RECORDED_ANSWER_LIMIT = 4 * 1024 * 1024;

/** The whole answer, or what came of it and why the rest did not. */
async function readAll(stream: Readable, limit: number): Promise<{ body: Buffer; error?: Error }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new Error(`answer larger than ${limit} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    return { body: Buffer.concat(chunks), error: error as Error };
  }
  return { body: Buffer.concat(chunks) };
}

/**
 * A compressor for this answer, with the reply's headers changed to match, or null to send it as InfluxDB did.
 * Brotli at quality 4 costs about what gzip 6 does and sends less (a token list shrinks about 10x).
 */
function compressorFor(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  compressFor: 'remote' | 'all',
): ReturnType<typeof createGzip> | null {
  if (compressFor === 'remote' && isLoopbackClient(request.raw.socket?.remoteAddress)) return null;
  if (request.method === 'HEAD' || status === 204 || status === 304) return null;
  if (reply.hasHeader('content-encoding') || !isCompressibleType(reply.getHeader('content-type') as string | undefined))
    return null;
  const encoding = preferredEncoding(request.headers['accept-encoding'], ['br', 'gzip']);
  if (!encoding) return null;
  reply.removeHeader('content-length');
  reply.header('content-encoding', encoding);
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  return encoding === 'br'
    ? createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } })
    : createGzip({ level: 6 });
}

function upstreamRequestHeaders(
  request: FastifyRequest,
  serverToken: string | undefined,
  length: number | undefined,
): Record<string, string> {
  const sent = request.raw.headers;
  const listed = new Set(
    String(sent.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase()),
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(sent)) {
    if (
      value === undefined ||
      DROP_REQUEST.has(name) ||
      listed.has(name) ||
      name.startsWith('sec-') ||
      name.startsWith('x-forwarded-')
    )
      continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // Judged on what the person sent, not on what is left: a header of their own that `Connection` names (dropped above)
  // must not be swapped for the server token.
  if (!sent.authorization?.trim() && serverToken) headers.authorization = `Token ${serverToken}`;
  if (length !== undefined) headers['content-length'] = String(length);
  return headers;
}

function clientResponseHeaders(
  upstream: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const listed = new Set(
    String(upstream.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase()),
  );
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(upstream)) {
    const lower = name.toLowerCase();
    if (value === undefined || DROP_RESPONSE.has(lower) || listed.has(lower) || lower.startsWith('access-control-'))
      continue;
    headers[name] = value;
  }
  return headers;
}
