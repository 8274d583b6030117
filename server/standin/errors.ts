// InfluxDB-shaped errors: `{code, message}` with the code repeated in `X-Platform-Error-Code`.
// Every failure the stand-in reports is an InfluxError, so the one error handler in app.ts can answer it.

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

  constructor(code: InfluxErrorCode, message: string) {
    super(message);
    this.name = 'InfluxError';
    this.code = code;
    this.status = STATUS_OF_CODE[code];
  }

  toJSON(): { code: InfluxErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const invalid = (message: string) => new InfluxError('invalid', message);
export const notFound = (message: string) => new InfluxError('not found', message);
export const unauthorized = (message: string) => new InfluxError('unauthorized', message);
export const forbidden = (message: string) => new InfluxError('forbidden', message);

/** What the real server answers for a missing, malformed or unknown token. */
export const unauthorizedAccess = () => unauthorized('unauthorized access');
export const tokenInactive = () => unauthorized('token is inactive');
export const authorizationNotFound = () => notFound('authorization not found');
