// Loads the server's config and holds the pasted token; signs out when InfluxDB refuses that token.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createInfluxClient, InfluxApiError } from '../../../core/influx-client';
import { appConfigQuery } from '../../lib/session/app-config';
import type { Session } from '../../lib/session/session-context';
import { readStoredToken, storeToken } from './token-storage';

export function useSessionState() {
  const queryClient = useQueryClient();
  const configQuery = useQuery(appConfigQuery);
  const [token, setToken] = useState(readStoredToken);
  const [signedOutMessage, setSignedOutMessage] = useState<string>();

  const needsToken = configQuery.data?.needsToken ?? false;
  const pastedToken = needsToken ? token : null;
  const client = useMemo(() => createInfluxClient({ baseUrl: '', token: pastedToken ?? undefined }), [pastedToken]);

  /** Server data fetched with one token must not be shown under another. */
  const switchToken = useCallback(
    (value: string | null, message?: string) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'app' });
      storeToken(value);
      setSignedOutMessage(message);
      setToken(value);
    },
    [queryClient],
  );
  const signIn = useCallback((value: string) => switchToken(value), [switchToken]);
  const signOut = useCallback((message?: string) => switchToken(null, message), [switchToken]);

  useEffect(() => {
    if (!pastedToken) return;
    const stops = [queryClient.getQueryCache(), queryClient.getMutationCache()].map((cache) =>
      cache.subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const { error } = event.action;
        // InfluxDB also answers 401 for one missing permission ("write:users/<id> is unauthorized"): the token
        // itself is fine then, and the screen that asked says so; only an unknown or inactive token signs out.
        if (error instanceof InfluxApiError && error.status === 401 && !/ is unauthorized$/.test(error.message)) {
          signOut(`InfluxDB refused the token: ${error.message}. Paste a valid token to continue.`);
        }
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [queryClient, pastedToken, signOut]);

  const config = configQuery.data;
  const session = useMemo<Session | null>(
    () =>
      config && (!needsToken || pastedToken)
        ? {
            config,
            client,
            defaultClient: client,
            connection: config.connections[0]!,
            usesPastedToken: pastedToken !== null,
            signOut,
          }
        : null,
    [config, needsToken, pastedToken, client, signOut],
  );

  return { configQuery, session, signIn, signedOutMessage };
}
