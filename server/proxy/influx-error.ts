// Answers from the app server itself, shaped like InfluxDB's own errors so the app's one client handles them alike.
import type { ServerResponse } from 'node:http';

export type InfluxErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not found'
  | 'method not allowed'
  | 'request too large'
  | 'unsupported media type'
  | 'internal error'
  | 'unavailable';

export function sendInfluxError(
  res: ServerResponse,
  status: number,
  code: InfluxErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ code, message });
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Platform-Error-Code': code,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
