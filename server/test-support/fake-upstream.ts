// A tiny InfluxDB look-alike on a loopback port for proxy tests: records what reached it and misbehaves on request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Responder = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface FakeUpstream {
  url: string;
  /** Everything that reached the upstream, in order. */
  received: ReceivedRequest[];
  /** Replaces how the upstream answers. */
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

/** Answers 200 with a JSON echo of method and path unless told otherwise. */
export async function startFakeUpstream(responder: Responder = echo): Promise<FakeUpstream> {
  const received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let current = responder;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      current(req, res, body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respondWith(next) {
      current = next;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const echo: Responder = (req, res, body) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ method: req.method, url: req.url, body }));
};

/** Never answers (the socket stays open until the test closes the upstream). */
export const hang: Responder = () => {};

/** Sends headers and half a body, then drops the connection. */
export const resetMidResponse: Responder = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '1000' });
  res.write('{"authorizations":[');
  setTimeout(() => res.socket?.destroy(), 20);
};

/** A URL on which nothing listens: connections are refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
