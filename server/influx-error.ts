// InfluxDB-shaped errors, for both servers (the stand-in and the app server): `{code, message}` with the code
// repeated in `X-Platform-Error-Code`, so the app's one client reads every refusal alike, whoever made it.
import type { FastifyReply } from 'fastify';

export type InfluxErrorCode =
  | 'invalid'
  | 'empty value'
  | 'unauthorized'
  | 'forbidden'
  | 'not found'
  | 'method not allowed'
  | 'request too large'
  | 'unsupported media type'
  | 'conflict'
  | 'unprocessable entity'
  | 'too many requests'
  | 'internal error'
  | 'not implemented'
  | 'unavailable';

/** HTTP status for each InfluxDB error code (kit/transport/http in InfluxDB 2.x). */
export const STATUS_OF_CODE: Record<InfluxErrorCode, number> = {
  invalid: 400,
  'empty value': 400,
  unauthorized: 401,
  forbidden: 403,
  'not found': 404,
  'method not allowed': 405,
  'request too large': 413,
  'unsupported media type': 415,
  conflict: 422,
  'unprocessable entity': 422,
  'too many requests': 429,
  'internal error': 500,
  'not implemented': 501,
  unavailable: 503,
};

export class InfluxError extends Error {
  readonly code: InfluxErrorCode;
  readonly status: number;

  /** `status` defaults to InfluxDB's for the code; the proxy says 502/504 for an unreachable InfluxDB. */
  constructor(code: InfluxErrorCode, message: string, status: number = STATUS_OF_CODE[code]) {
    super(message);
    this.name = 'InfluxError';
    this.code = code;
    this.status = status;
  }

  toJSON(): { code: InfluxErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Answers `error` (an HEAD answer has the headers only); extra headers such as Allow go along. */
export function sendInfluxError(
  reply: FastifyReply,
  error: InfluxError,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply
    .code(error.status)
    .headers(headers)
    .header('content-type', 'application/json; charset=utf-8')
    .header('X-Platform-Error-Code', error.code)
    .send(JSON.stringify(error));
}
