// The app server's own settings endpoint: which upstream, which org, and whether the person must paste a token.
import { queryOptions } from '@tanstack/react-query';
import { InfluxApiError } from '../../../core/influx-client';

/** One InfluxDB the console offers (INFLUX_CONFIGS); its token stays on the server. */
export interface ConnectionInfo {
  name: string;
  upstream: string;
  production: boolean;
  org: string | null;
  needsToken: boolean;
}

export interface AppConfig {
  mode: 'standin' | 'influx';
  upstream: string;
  org: string | null;
  needsToken: boolean;
  /** The default connection's name: its API is /api/…, the others' /c/<name>/api/…. */
  connection: string;
  /** Every connection offered, the default first. */
  connections: ConnectionInfo[];
}

async function fetchAppConfig(signal: AbortSignal): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetch('/api/app/config', { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new InfluxApiError(0, 'unavailable', 'Could not reach the app server. Is `npm start` still running?');
  }
  const body = (await response.json().catch((error: unknown) => {
    if (signal.aborted) throw error;
    throw new InfluxApiError(
      response.status,
      'invalid',
      `The app server answered HTTP ${response.status} without JSON.`,
    );
  })) as AppConfig & { code?: string; message?: string };
  if (!response.ok) {
    throw new InfluxApiError(response.status, body.code ?? 'internal error', body.message ?? `HTTP ${response.status}`);
  }
  return body;
}

export const appConfigQuery = queryOptions({
  queryKey: ['app', 'config'],
  queryFn: ({ signal }) => fetchAppConfig(signal),
  staleTime: Infinity,
  refetchOnWindowFocus: false,
});
