// Which token the page itself runs on (the app server's, or the one pasted in this tab), from the app server's
// /api/app/own-token: so the list can mark it, and deactivating or deleting it asks first.
import { queryOptions } from '@tanstack/react-query';
import { sendInfluxRequest, type InfluxClient } from '../../../core/influx-client';

export interface OwnToken {
  /** active/inactive: found (id known). refused: InfluxDB no longer accepts it. unknown: works, but which one is unknowable. */
  state: 'active' | 'inactive' | 'refused' | 'unknown';
  id?: string;
  description?: string;
  message?: string;
  source: 'server' | 'pasted';
  /** The server re-reads the stand-in's operator-token file: recovery works without a restart. */
  recoverable: boolean;
}

export const OWN_TOKEN_KEY = ['own-token'] as const;

export function ownTokenQuery(client: InfluxClient) {
  return queryOptions({
    queryKey: OWN_TOKEN_KEY,
    queryFn: ({ signal }) => sendInfluxRequest<OwnToken>(client.prepareGet('/api/app/own-token'), signal),
    staleTime: 30_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** True when the page cannot work because of its own token (not because InfluxDB is away). */
export function ownTokenLost(own: OwnToken | undefined): boolean {
  return own?.state === 'inactive' || own?.state === 'refused';
}

/** The recovery command, as the README documents it. */
export const RECOVERY_COMMAND = 'npm run standin:recovery -- create-operator';
