// Turns a failed API call into a sentence a person can act on.
import { InfluxApiError } from '../core/influx-client';
import type { Connection } from './connection';

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the other side',
};

export function explainApiError(error: InfluxApiError, connection: Connection): string {
  if (error.isNetworkError) {
    const code = Object.keys(NETWORK_REASONS).find((key) => error.message.includes(key));
    const prefix = `Could not reach ${connection.host}: `;
    const reason = code
      ? NETWORK_REASONS[code]
      : error.message.startsWith(prefix)
        ? error.message.slice(prefix.length)
        : error.message;
    return `could not reach ${connection.host}: ${reason}\nCheck that InfluxDB (or the stand-in, \`npm run standin\`) runs there; the host came from ${connection.hostSource}.`;
  }
  if (error.status === 401) {
    return `${error.message} (HTTP 401): the token from ${connection.tokenSource ?? 'nowhere'} was refused by ${connection.host}; check that it is right, active, and allowed to do this`;
  }
  if (error.status === 403) return `${error.message} (HTTP 403): the token may not do this`;
  return `${error.message} (HTTP ${error.status})`;
}

/** One line for a per-token report: the server's message and status, without the advice. */
export function shortApiError(error: InfluxApiError, connection: Connection): string {
  return error.isNetworkError
    ? (explainApiError(error, connection).split('\n')[0] ?? error.message)
    : `${error.message} (HTTP ${error.status})`;
}
