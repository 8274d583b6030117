// Sends bytes exactly as given over a raw TCP connection, for requests no HTTP client would write
// (duplicate or folded headers, conflicting framing, absolute-form targets, invalid encodings).
import { connect } from 'node:net';

export interface RawAnswer {
  /** Everything the server sent, as latin1 text (byte for byte). */
  text: string;
  /** Status codes of every response on the connection, in order (more than one means the server saw more requests). */
  statuses: number[];
  /** The first status, or 0 when the server sent nothing. */
  status: number;
  /** True when the server neither answered nor closed within the time limit. */
  timedOut: boolean;
}

export interface RawOptions {
  /** Give up (timedOut) after this long. Default 5000. */
  timeoutMs?: number;
  /** Stop listening once the server has been quiet this long after answering (for kept-alive connections). Default 400. */
  quietMs?: number;
  /** After writing: 'destroy' vanishes mid-request; 'half-close' stops sending but waits for the answer. */
  afterWrite?: 'destroy' | 'half-close';
}

export function sendRaw(port: number, bytes: string | Buffer, options: RawOptions = {}): Promise<RawAnswer> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const quietMs = options.quietMs ?? 400;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let timedOut = false;
    let quiet: NodeJS.Timeout | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(overall);
      clearTimeout(quiet);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const statuses = [...text.matchAll(/(?:^|\r\n)HTTP\/1\.[01] (\d{3}) /g)].map((m) => Number(m[1]));
      resolve({ text, statuses, status: statuses[0] ?? 0, timedOut });
    };
    const overall = setTimeout(() => {
      timedOut = chunks.length === 0;
      finish();
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      clearTimeout(quiet);
      quiet = setTimeout(finish, quietMs);
    });
    socket.on('end', finish);
    socket.on('close', finish);
    // A server may answer and close before reading a huge body: the write then fails, the answer still counts.
    socket.on('error', () => finish());
    socket.write(bytes, () => {
      if (options.afterWrite === 'destroy') setTimeout(finish, 50);
      if (options.afterWrite === 'half-close') socket.end();
    });
  });
}

/** Builds a request: start line, headers in the given order (duplicates allowed), blank line, body. */
export function rawHttp(
  startLine: string,
  headers: readonly (readonly [string, string])[],
  body: Buffer = Buffer.alloc(0),
): Buffer {
  const head = [startLine, ...headers.map(([name, value]) => `${name}: ${value}`)].join('\r\n') + '\r\n\r\n';
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}
