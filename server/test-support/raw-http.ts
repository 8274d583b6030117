// Sends bytes exactly as written, for requests no HTTP client would produce (absolute-form targets, raw "..", smuggling).
import { connect } from 'node:net';

/** Writes `request` to 127.0.0.1:port and resolves with everything the server sent until it closed or went quiet. */
export function rawRequest(port: number, request: string, quietMs = 500): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (error) => (received ? finish() : reject(error)));
    socket.write(request);
    timer = setTimeout(finish, quietMs * 4);
  });
}

/** The status code of the first response in a raw answer, or 0 if none came. */
export function statusOf(raw: string): number {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
  return match ? Number(match[1]) : 0;
}
