// Why a token change failed, for a message: InfluxDB's own words, plus who said it and the HTTP status when the
// words alone do not tell (a bare "service unavailable" could be the browser, the app server or InfluxDB).
import { InfluxApiError } from '../../../../core/influx-client';

export function failureReason(error: unknown): string {
  if (!(error instanceof InfluxApiError)) return error instanceof Error ? error.message : String(error);
  // No answer at all, or the app server's own account of InfluxDB being out of reach: it names InfluxDB already.
  if (error.isNetworkError || error.message.includes('InfluxDB')) return error.message;
  if (error.status >= 500) return `InfluxDB answered HTTP ${error.status}: ${error.message}`;
  return `${error.message} (HTTP ${error.status})`;
}

/**
 * True when the change may have happened even though it failed: no complete answer came (cut off, or the browser
 * lost the connection), or the app server stopped waiting for InfluxDB (504) while InfluxDB may still carry it out.
 */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof InfluxApiError && (error.isNetworkError || error.status === 504);
}
