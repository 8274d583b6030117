// A client that sends its whole request body no matter what: it keeps writing after the server has answered
// (as curl, browsers and most HTTP libraries do with an upload), and only then looks at what came back.
// With an honest server it still reads the complete answer; a server that closes with the body unread makes the
// kernel reset the connection, and the client sees ECONNRESET/EPIPE instead.
import { connect } from 'node:net';

export interface StubbornAnswer {
  /** The socket error the client got (ECONNRESET, EPIPE...), or undefined. */
  error?: string;
  /** How many body bytes were handed to the socket before it failed (all of them when it did not). */
  written: number;
  /** Everything the server sent, as latin1. */
  text: string;
  /** Status of the first final answer, or 0. */
  status: number;
  /** True when the answer's head and its whole body arrived (Content-Length bytes, or up to a clean end of stream). */
  complete: boolean;
  /** The answer's body. */
  body: string;
}

export interface StubbornOptions {
  /** Read the answer only once everything was written (no reading at all while writing). */
  readAfterWriting?: boolean;
  chunkBytes?: number;
  /** Give up after this long. Default 20 s. */
  timeoutMs?: number;
}

export function sendStubbornly(
  port: number,
  head: string,
  bodyBytes: number,
  options: StubbornOptions = {},
): Promise<StubbornAnswer> {
  const chunk = Buffer.alloc(options.chunkBytes ?? 64 * 1024, 0x61);
  return new Promise((resolve) => {
    // allowHalfOpen: the server's end of the answer does not stop this client from sending the rest.
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const chunks: Buffer[] = [];
    let written = 0;
    let error: string | undefined;
    let done = false;
    let ended = false;
    let sent = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ error, written, text, ...parseAnswer(text, ended && !error) });
    };
    const timer = setTimeout(() => {
      error ??= 'timed out';
      finish();
    }, options.timeoutMs ?? 20_000);
    if (options.readAfterWriting) socket.pause();
    socket.on('data', (data: Buffer) => chunks.push(data));
    socket.on('end', () => {
      ended = true;
      if (sent) finish();
    });
    socket.on('close', finish);
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
      finish();
    });
    const writeBody = () => {
      while (written < bodyBytes && !socket.destroyed) {
        const piece = written + chunk.length <= bodyBytes ? chunk : chunk.subarray(0, bodyBytes - written);
        written += piece.length;
        if (!socket.write(piece)) return void socket.once('drain', writeBody);
      }
      if (socket.destroyed) return;
      // Everything is handed over: stop sending, read the answer to its end.
      sent = true;
      socket.end();
      socket.resume();
      if (ended) finish();
    };
    socket.write(head, 'latin1');
    writeBody();
  });
}

function parseAnswer(text: string, endedCleanly: boolean): Pick<StubbornAnswer, 'status' | 'complete' | 'body'> {
  // Skip interim answers (100 Continue).
  let rest = text;
  for (;;) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd < 0) return { status: 0, complete: false, body: '' };
    const head = rest.slice(0, headEnd);
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
    rest = rest.slice(headEnd + 4);
    if (status >= 100 && status < 200) continue;
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    // No length: the body runs to the end of the stream (Connection: close), which must have come cleanly.
    if (!length) return { status, complete: endedCleanly, body: rest };
    const body = Buffer.from(rest, 'latin1').subarray(0, Number(length[1])).toString('utf8');
    return { status, complete: Buffer.byteLength(rest, 'latin1') >= Number(length[1]), body };
  }
}
