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
  /** For unknown: the user the token belongs to, when InfluxDB says (GET /api/v2/me). */
  userID?: string;
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

/**
 * Asks InfluxDB about one resource, the org, with the page's credential: an empty token list is not proof of an
 * empty org (InfluxDB lists nothing for an inactive token), but this answers 401 "token is inactive" for it.
 * `listedAt`: when the empty list arrived, so each empty answer is checked afresh.
 */
export function credentialCheckQuery(client: InfluxClient, orgID: string, listedAt: number) {
  return queryOptions({
    queryKey: ['credential-check', orgID, listedAt] as const,
    queryFn: ({ signal }) =>
      sendInfluxRequest<unknown>(client.prepareGet(`/api/v2/orgs/${encodeURIComponent(orgID)}`), signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** True when the page cannot work because of its own token (not because InfluxDB is away). */
export function ownTokenLost(own: OwnToken | undefined): boolean {
  return own?.state === 'inactive' || own?.state === 'refused';
}

/** The recovery command, as the README documents it. */
export const RECOVERY_COMMAND = 'npm run standin:recovery -- create-operator';
