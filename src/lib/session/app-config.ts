// The app server's own settings endpoint: which upstream, which org, and whether the person must paste a token.
import { queryOptions } from '@tanstack/react-query';
import { InfluxApiError } from '../../../core/influx-client';

export interface AppConfig {
  mode: 'standin' | 'influx';
  upstream: string;
  org: string | null;
  needsToken: boolean;
}

async function fetchAppConfig(signal: AbortSignal): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetch('/api/app/config', { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new InfluxApiError(0, 'unavailable', 'Could not reach the app server. Is `npm start` still running?');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InfluxApiError(
      response.status,
      'invalid',
      `The app server answered HTTP ${response.status} without JSON.`,
    );
  }
  if (!response.ok) {
    const message = (body as { message?: string }).message ?? `HTTP ${response.status}`;
    throw new InfluxApiError(response.status, (body as { code?: string }).code ?? 'internal error', message);
  }
  return body as AppConfig;
}

export const appConfigQuery = queryOptions({
  queryKey: ['app', 'config'],
  queryFn: ({ signal }) => fetchAppConfig(signal),
  staleTime: Infinity,
  refetchOnWindowFocus: false,
});
