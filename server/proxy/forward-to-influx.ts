// Streams one allowed request to the configured InfluxDB and its answer back, adding the server token when the
// browser sent none. The upstream is a Pool bound to one origin, so no request can reach another host.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { constants as zlib, createBrotliCompress, createGzip } from 'node:zlib';
import { Pool } from 'undici';
import { isCompressibleType, isLoopbackClient, preferredEncoding } from './content-encoding';
import { sendInfluxError } from './influx-error';
import { describeUpstreamFailure } from './upstream-failure';

export interface ForwarderOptions {
  /** Normalized base URL: origin plus optional path prefix, no trailing slash. */
  upstreamUrl: string;
  /** The token added to requests that carry none, read per request (it can change on recovery). */
  serverToken?: () => string | undefined;
  timeoutMs: number;
  bodyLimitBytes: number;
  log: (line: string) => void;
  /**
   * Which clients get compressed answers (when they accept it and InfluxDB sent them plain): 'remote' (default)
   * spares loopback clients, for whom compressing only costs time; 'all' is for measuring and testing it.
   */
  compressFor?: 'remote' | 'all';
}

export interface Forwarder {
  forward(req: IncomingMessage, res: ServerResponse, path: string, search: string): Promise<void>;
  close(): Promise<void>;
}

// RFC 9110 hop-by-hop headers, plus what describes the browser rather than the request (cookies, origin, fetch metadata).
const DROP_REQUEST = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade',
  'host', 'expect', 'content-length', 'cookie', 'origin', 'referer', 'forwarded', 'x-real-ip',
]);
const DROP_RESPONSE = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade',
  'set-cookie', 'content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy',
]);

export function createForwarder(options: ForwarderOptions): Forwarder {
  const base = new URL(options.upstreamUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const pool = new Pool(base.origin, {
    headersTimeout: options.timeoutMs + 1_000,
    bodyTimeout: options.timeoutMs,
    connectTimeout: Math.min(options.timeoutMs, 10_000),
  });

  async function forward(req: IncomingMessage, res: ServerResponse, path: string, search: string): Promise<void> {
    // Read now: Node detaches req.socket once a request body has been read.
    const clientAddress = req.socket?.remoteAddress;
    const body = await readBody(req, res, options.bodyLimitBytes);
    if (body === REFUSED) return;

    // An EventEmitter, not an AbortController: undici accepts both, and AbortSignal costs a DOMException per abort.
    const abort = new EventEmitter();
    let clientGone = false;
    res.on('close', () => {
      if (res.writableFinished) return;
      clientGone = true;
      abort.emit('abort');
    });
    // Our own timer, not undici's headersTimeout: undici's timers tick coarsely (about every 500 ms).
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.emit('abort');
    }, options.timeoutMs);

    let upstream: Awaited<ReturnType<Pool['request']>>;
    try {
      upstream = await pool.request({
        path: `${prefix}${path}${search}`,
        method: req.method as 'GET',
        headers: upstreamRequestHeaders(req, options.serverToken?.(), body),
        body: body.stream ?? body.buffer,
        signal: abort,
      });
    } catch (error) {
      if (clientGone) return; // the browser went away; nobody to answer
      const failure = describeUpstreamFailure(timedOut ? { code: 'UND_ERR_HEADERS_TIMEOUT' } : error, base.origin + prefix, options.timeoutMs);
      options.log(`proxy: ${req.method} ${path} failed: ${failure.message}`);
      sendInfluxError(res, failure.status, 'unavailable', failure.message);
      return;
    } finally {
      clearTimeout(timer);
    }

    const headers = clientResponseHeaders(upstream.headers);
    const compressor = compressorFor(req, clientAddress, upstream.statusCode, headers, options.compressFor ?? 'remote');
    res.writeHead(upstream.statusCode, headers);
    // pipe() rather than stream.pipeline(): pipeline builds an AbortController per call, a measurable cost per request.
    const answer: Readable = compressor ? upstream.body.pipe(compressor) : upstream.body;
    if (compressor) upstream.body.on('error', (error) => compressor.destroy(error));
    await new Promise<void>((resolve) => {
      answer.on('error', (error) => {
        // Headers are gone already: cutting the connection is the only honest signal of a truncated body.
        if (!clientGone) options.log(`proxy: ${req.method} ${path} response cut off: ${error.message}`);
        res.destroy();
        resolve();
      });
      res.on('close', () => {
        if (!res.writableFinished) {
          answer.destroy();
          upstream.body.destroy();
        }
        resolve();
      });
      answer.pipe(res);
    });
  }

  return {
    forward,
    async close() {
      await pool.destroy();
    },
  };
}

/**
 * A compressor for this answer, with the headers changed to match, or null to send it as InfluxDB did. Brotli at
 * quality 4 costs about what gzip 6 does and sends less (a token list shrinks about 10x).
 */
function compressorFor(
  req: IncomingMessage,
  clientAddress: string | undefined,
  status: number,
  headers: Record<string, string | string[]>,
  compressFor: 'remote' | 'all',
): ReturnType<typeof createGzip> | null {
  if (compressFor === 'remote' && isLoopbackClient(clientAddress)) return null;
  if (req.method === 'HEAD' || status === 204 || status === 304) return null;
  const names = Object.keys(headers);
  const find = (name: string) => names.find((key) => key.toLowerCase() === name);
  if (find('content-encoding') || !isCompressibleType(headers[find('content-type') ?? ''])) return null;
  const encoding = preferredEncoding(req.headers['accept-encoding'], ['br', 'gzip']);
  if (!encoding) return null;
  const length = find('content-length');
  if (length) delete headers[length];
  headers['content-encoding'] = encoding;
  const vary = find('vary');
  headers[vary ?? 'vary'] = vary ? `${String(headers[vary])}, Accept-Encoding` : 'Accept-Encoding';
  return encoding === 'br' ? createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip({ level: 6 });
}

const REFUSED = Symbol('refused');
type Body = { stream?: IncomingMessage; buffer?: Buffer; length?: number };

/**
 * Bodies with a Content-Length within the limit are streamed (Node's parser enforces the length);
 * chunked bodies are buffered up to the limit, so an oversized body is never forwarded even in part.
 */
async function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Body | typeof REFUSED> {
  const declared = req.headers['content-length'];
  if (declared !== undefined) {
    const length = Number(declared);
    if (length > limit) return tooLarge(res, limit);
    return length === 0 ? {} : { stream: req, length };
  }
  if (!req.headers['transfer-encoding']) return {};
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) return tooLarge(res, limit);
    chunks.push(chunk);
  }
  return total === 0 ? {} : { buffer: Buffer.concat(chunks), length: total };
}

function tooLarge(res: ServerResponse, limit: number): typeof REFUSED {
  // The rest of the body is never read: close the connection after answering.
  res.shouldKeepAlive = false;
  sendInfluxError(res, 413, 'request too large', `Request body is larger than ${limit} bytes; no token operation needs that much.`, {
    Connection: 'close',
  });
  return REFUSED;
}

function upstreamRequestHeaders(req: IncomingMessage, serverToken: string | undefined, body: Body): Record<string, string> {
  const listed = new Set(
    String(req.headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase()),
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || DROP_REQUEST.has(name) || listed.has(name) || name.startsWith('sec-') || name.startsWith('x-forwarded-')) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // Judged on what the person sent, not on what is left: a header of their own that `Connection` names (dropped above)
  // must not be swapped for the server token.
  if (!req.headers.authorization?.trim() && serverToken) headers.authorization = `Token ${serverToken}`;
  if (body.length !== undefined) headers['content-length'] = String(body.length);
  return headers;
}

function clientResponseHeaders(upstream: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const listed = new Set(
    String(upstream.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase()),
  );
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(upstream)) {
    const lower = name.toLowerCase();
    if (value === undefined || DROP_RESPONSE.has(lower) || listed.has(lower) || lower.startsWith('access-control-')) continue;
    headers[name] = value;
  }
  return headers;
}
