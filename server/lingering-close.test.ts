// Lingering close bounds: a draining connection ends when the client goes quiet, when it has sent too much, and at
// once when the server shuts down; a connection that is not refused mid-body is not held open at all.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lingerOnClose, type Lingering, type LingerOptions } from './lingering-close';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server that refuses every request at once, body unread, and closes the connection. */
async function refusingServer(options: LingerOptions): Promise<{ port: number; lingering: Lingering }> {
  server = createServer((_req, res) => {
    res.writeHead(413, { Connection: 'close', 'Content-Length': '2' });
    res.end('no');
  });
  const lingering = lingerOnClose(server, options);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, lingering };
}

interface Client {
  socket: Socket;
  received: () => string;
  /** Resolves with how the connection ended: 'end' (the server's FIN), or the error code. */
  ended: Promise<string>;
}

function openClient(port: number, declaredBytes: number): Client {
  const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  const ended = new Promise<string>((resolve) => {
    socket.on('end', () => resolve('end'));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
  socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${declaredBytes}\r\n\r\n`);
  return { socket, received: () => text, ended };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

const closedBy = (socket: Socket) =>
  new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe('lingering close', () => {
  it('answers, half-closes, and drops the connection once the client has been quiet for idleMs', async () => {
    const { port, lingering } = await refusingServer({ idleMs: 1000, maxMs: 60_000 });
    const client = openClient(port, 1_000_000);
    client.socket.write(Buffer.alloc(64 * 1024));
    expect(await client.ended).toBe('end');
    expect(client.received()).toMatch(/^HTTP\/1\.1 413 [^]*\r\n\r\nno$/);
    // Half-closed, not closed: the server still takes what the client sends.
    expect(lingering.count).toBe(1);
    // The client stays open and silent: the server must not wait for it forever.
    await until(() => lingering.count === 0);
    client.socket.destroy();
  });

  it('keeps reading what the client still sends, up to maxBytes, then cuts the connection', async () => {
    const { port, lingering } = await refusingServer({ idleMs: 10_000, maxMs: 60_000, maxBytes: 256 * 1024 });
    const client = openClient(port, 100_000_000);
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024);
    const failed = new Promise<string>((resolve) => {
      client.socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      const pump = () => {
        while (!client.socket.destroyed && sent < 100_000_000) {
          sent += chunk.length;
          if (!client.socket.write(chunk)) return void client.socket.once('drain', pump);
        }
        resolve('sent everything');
      };
      pump();
    });
    expect(await failed).toMatch(/^(ECONNRESET|EPIPE)$/);
    // Far less than the 100 MB declared went through before the cut.
    expect(sent).toBeLessThan(50_000_000);
    expect(lingering.count).toBe(0);
  });

  it('ends draining connections at once when the server closes', async () => {
    const { port, lingering } = await refusingServer({ idleMs: 60_000, maxMs: 60_000 });
    const client = openClient(port, 1_000_000);
    client.socket.write(Buffer.alloc(64 * 1024));
    expect(await client.ended).toBe('end');
    expect(lingering.count).toBe(1);
    // close() calls back only once every connection is gone: the draining one must not hold it for a minute.
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(lingering.count).toBe(0);
    client.socket.destroy();
  });

  it('does not hold a connection the client has already finished', async () => {
    const { port, lingering } = await refusingServer({ idleMs: 60_000, maxMs: 60_000 });
    const client = openClient(port, 2);
    client.socket.end('ok');
    expect(await client.ended).toBe('end');
    await closedBy(client.socket);
    expect(lingering.count).toBe(0);
  });
});
