// "Another host" on loopback: a bare TCP server that only counts who reached it. A request that escapes
// the proxy's single upstream would show up here, whatever protocol it spoke.
import { createServer, type Socket } from 'node:net';

export interface OtherHost {
  port: number;
  /** host:port, as a request target or Host header would name it. */
  authority: string;
  connections: number;
  bytes: number;
  close(): Promise<void>;
}

export async function startOtherHost(): Promise<OtherHost> {
  const sockets = new Set<Socket>();
  const state = { connections: 0, bytes: 0 };
  const server = createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('data', (chunk) => (state.bytes += chunk.length));
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    authority: `127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    get bytes() {
      return state.bytes;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
