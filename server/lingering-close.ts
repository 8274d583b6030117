// Lingering close, as nginx does it: when a server closes a connection while the client may still be sending
// (a refused request whose body was never read: 413, 400, 431, 417...), closing at once would leave unread bytes
// in the kernel, which then resets the connection and destroys the answer before the client reads it. Instead the
// answer is sent, the write side is shut (the client sees the end of the answer), and whatever the client still
// sends is read and thrown away, for a bounded time and up to a bounded amount, before the socket is closed.
// Both servers use it on the node:http server under their Fastify app: the app server and the stand-in.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface LingerOptions {
  /** Longest a closing connection is kept to drain the client's bytes (nginx's lingering_time). Default 30 s. */
  maxMs?: number;
  /** Close once the client has sent nothing for this long (nginx's lingering_timeout). Default 5 s. */
  idleMs?: number;
  /** Close (with a reset) once more than this much was thrown away. Default 64 MiB. */
  maxBytes?: number;
}

export const LINGER_DEFAULTS: Required<LingerOptions> = { maxMs: 30_000, idleMs: 5_000, maxBytes: 64 * 1024 * 1024 };

/** What a server with lingering close can report (for tests and shutdown). */
export interface Lingering {
  /** Connections draining right now. */
  readonly count: number;
}

type Destroy = (error?: Error) => Socket;

/**
 * Makes every connection `server` closes while the client may still be sending linger before it closes.
 * Call it once, before the server listens. `server.close()` and `closeAllConnections()` end draining connections at once.
 */
export function lingerOnClose(server: Server, options: LingerOptions = {}): Lingering {
  const { maxMs, idleMs, maxBytes } = { ...LINGER_DEFAULTS, ...options };
  /** Each draining connection, with what ends its draining. */
  const draining = new Map<Socket, () => void>();
  let closing = false;

  // Shutting down ends draining connections at once and lets no new one start draining.
  const stopDraining = () => {
    closing = true;
    for (const finish of [...draining.values()]) finish();
  };
  const close = server.close.bind(server);
  server.close = (callback?: (error?: Error) => void) => {
    stopDraining();
    return close(callback);
  };
  const closeAllConnections = server.closeAllConnections.bind(server);
  server.closeAllConnections = () => {
    stopDraining();
    closeAllConnections();
  };

  server.on('connection', (socket: Socket) => {
    const destroy = socket.destroy.bind(socket) as Destroy;
    socket.destroy = (error?: Error) => {
      if (closing || draining.has(socket) || !mayStillSend(socket, error)) return destroy(error);
      linger(socket, destroy);
      return socket;
    };
  });

  function linger(socket: Socket, destroy: Destroy): void {
    let discarded = 0;
    const finish = () => {
      clearTimeout(overall);
      clearTimeout(idle);
      draining.delete(socket);
      destroy();
    };
    draining.set(socket, finish);
    const overall = setTimeout(finish, maxMs);
    const idle = setTimeout(finish, idleMs);
    const discard = (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > maxBytes) finish();
      else idle.refresh();
    };
    // The HTTP parser must see nothing more. Adding a 'data' listener makes Node's server stop feeding its parser
    // straight from the socket; removing Node's own listeners stops the rest.
    socket.on('data', discard);
    for (const listener of socket.listeners('data'))
      if (listener !== discard) socket.off('data', listener as (chunk: Buffer) => void);
    socket.removeAllListeners('end');
    socket.removeAllListeners('timeout');
    socket.setTimeout(0);
    socket.on('end', finish);
    socket.on('error', finish);
    socket.on('close', finish);
    socket.resume();
    // Half-close: whatever was written (the answer) goes out first, then the end of the stream.
    if (!socket.writableEnded) socket.end();
  }

  return {
    get count() {
      return draining.size;
    },
  };
}

/**
 * The client may still be sending an HTTP request unless it has finished, or the connection already failed, or it is
 * no longer HTTP (an upgraded WebSocket, whose own protocol closes it, has no parser).
 */
function mayStillSend(socket: Socket, error: Error | undefined): boolean {
  if (!(socket as Socket & { parser?: unknown }).parser) return false;
  if (socket.destroyed || !socket.readable || socket.readableEnded) return false;
  if (!error) return true;
  const { code, syscall } = error as NodeJS.ErrnoException;
  return syscall === undefined && code !== 'ECONNRESET' && code !== 'EPIPE';
}
