// A fault-injecting hop between the app server and the stand-in. A test switches its mode at run time to watch
// the page meet an outage, a hang, a 503 or a cut-off answer, and counts what reached it (no double submits).
// Faulted requests never reach the stand-in, so its state shows whether anything was changed.
import { Agent, createServer, request as forwardRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode =
  /** Forward to the stand-in untouched. */
  | 'pass'
  /** Refuse connections (the port is closed); with `methods`, drop matching requests' connections unanswered. */
  | 'down'
  /** Hold requests unanswered until the caller gives up (longer than the app server's timeout). */
  | 'slow'
  /** Answer 503 with an InfluxDB error body. */
  | 'error5xx'
  /** Send 200 headers and part of a body, then destroy the socket. */
  | 'reset';

export interface FaultOptions {
  /** Only requests with these methods meet the fault; the rest pass (e.g. ['PATCH']: the page loads, saves fail). */
  methods?: string[];
  /** The message of the 503 body in `error5xx` mode. */
  message?: string;
  /** In `reset` mode, let the stand-in carry the request out first, then cut its answer off (the change happened). */
  afterForwarding?: boolean;
}

export interface ReceivedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** What this hop did with it. */
  mode: FaultMode;
}

export interface FaultUpstream {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  readonly mode: FaultMode;
  /** Switches the mode for requests that arrive from now on. */
  setMode(mode: FaultMode, options?: FaultOptions): Promise<void>;
  /** Every request that reached this hop, in order (none while `down` refuses connections). */
  received: ReceivedRequest[];
  /** How many requests with this method reached this hop whose path starts with `pathPrefix`. */
  count(method: string, pathPrefix: string): number;
  close(): Promise<void>;
}

export const DEFAULT_503_MESSAGE = 'service unavailable: the storage engine is restarting';

export async function startFaultUpstream(targetUrl: string): Promise<FaultUpstream> {
  const target = new URL(targetUrl);
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const received: ReceivedRequest[] = [];
  let mode: FaultMode = 'pass';
  let options: FaultOptions = {};
  let listening = false;
  let port = 0;

  const server = createServer((req, res) => {
    const faulted = mode !== 'pass' && (!options.methods || options.methods.includes(req.method ?? ''));
    const applied: FaultMode = faulted ? mode : 'pass';
    received.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, mode: applied });
    switch (applied) {
      case 'pass':
        return forward(req, res);
      case 'down':
        return void req.socket.destroy();
      case 'slow':
        // Never answered: the app server's timeout fires and it closes the connection.
        return void req.resume();
      case 'error5xx':
        return afterBody(req, () => answer503(res, options.message ?? DEFAULT_503_MESSAGE));
      case 'reset':
        if (options.afterForwarding) return forward(req, res, true);
        return afterBody(req, () => cutOff(res));
    }
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function forward(req: IncomingMessage, res: ServerResponse, thenCutOff = false): void {
    const upstream = forwardRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (answer) => {
        if (thenCutOff) return void answer.resume().on('end', () => cutOff(res));
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  function listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      // The same port again after `down`, so the app server's configured upstream URL stays valid.
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        listening = true;
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  function stopListening(): Promise<void> {
    if (!listening) return Promise.resolve();
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    return closed;
  }

  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    async setMode(next, nextOptions = {}) {
      mode = next;
      options = nextOptions;
      // A refused connection is only possible with the port closed; per-method faults need it open.
      if (next === 'down' && !nextOptions.methods) await stopListening();
      else if (!listening) await listen();
    },
    received,
    count: (method, pathPrefix) => received.filter((r) => r.method === method && r.path.startsWith(pathPrefix)).length,
    async close() {
      await stopListening();
      agent.destroy();
    },
  };
}

function afterBody(req: IncomingMessage, then: () => void): void {
  req.on('end', then);
  req.resume();
}

function answer503(res: ServerResponse, message: string): void {
  const body = JSON.stringify({ code: 'unavailable', message });
  res.writeHead(503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Platform-Error-Code': 'unavailable',
  });
  res.end(body);
}

function cutOff(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '4096' });
  // Once the partial body is on the wire, drop the connection: the answer ends short of its Content-Length.
  res.write('{"id":"', () => setTimeout(() => res.socket?.destroy(), 10));
}
