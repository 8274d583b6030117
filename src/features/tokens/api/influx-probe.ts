// Notices that InfluxDB stopped answering while the list sits idle on screen: GET /ping every few seconds while the
// page is visible, never the list itself (75 MB at 100,000 tokens). InfluxDB answers /ping from the handler that
// serves its API (204, no body; 503 while it starts), so a ping that works means the list can be read again;
// /health answers from an earlier handler, "pass" before the API can serve a token.
import { queryOptions, useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { InfluxApiError, sendInfluxRequest, type InfluxClient } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { failureReason } from '../model/failure-reason';
import { tokenKeys } from './token-queries';

/**
 * The pause after each ping's answer before the next: a dead InfluxDB is told within 5 s, a hanging one within 9 s
 * (with PING_TIMEOUT_MS), and a 204 without a body every 5 s costs InfluxDB and the network next to nothing.
 */
export const PING_EVERY_MS = 5_000;
/** Far above a healthy ping's few milliseconds to a second, well below the app server's 30 s wait for InfluxDB. */
export const PING_TIMEOUT_MS = 4_000;

export const pingKey = ['influx', 'ping'] as const;

/**
 * What the last ping found: null when InfluxDB answered, else why not (the query's dataUpdatedAt says when). A
 * failed ping is news, not a failed query: kept as data, it does not set off what a failed query does, such as the
 * own-token recheck (use-own-token.ts), which on some InfluxDBs lists every token on the server.
 */
export interface PingOutcome {
  failure: Error | null;
}

export const pingQuery = (client: InfluxClient) =>
  queryOptions({
    queryKey: pingKey,
    queryFn: async ({ signal, client: queryClient }): Promise<PingOutcome> => {
      const last = queryClient.getQueryState<PingOutcome>(pingKey);
      const failure = await ping(client, signal);
      if (!failure && last?.data?.failure) refetchListsOlderThan(queryClient, last.dataUpdatedAt);
      return { failure };
    },
    // The list has just arrived when this starts: InfluxDB answered then, so the first ping waits its turn.
    initialData: { failure: null },
    staleTime: PING_EVERY_MS,
    // TanStack restarts the interval whenever the ping settles, so there is never a second one in flight; and it
    // sends none while the page is hidden (and one at once when it is shown again, as the ping is stale by then).
    refetchInterval: PING_EVERY_MS,
    refetchIntervalInBackground: false,
    retry: false,
  });

/** Null when InfluxDB answered /ping; else why not. An abort by TanStack (the page went away) is thrown as it is. */
async function ping(client: InfluxClient, signal: AbortSignal): Promise<Error | null> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), PING_TIMEOUT_MS);
  try {
    await sendInfluxRequest(client.prepareGet('/ping'), AbortSignal.any([signal, timeout.signal]));
    return null;
  } catch (error) {
    if (signal.aborted) throw error;
    if (timeout.signal.aborted)
      return new InfluxApiError(0, 'unavailable', `InfluxDB did not answer within ${PING_TIMEOUT_MS / 1000} seconds.`);
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    clearTimeout(timer);
  }
}

/** InfluxDB answers again: each list on screen not refreshed since the last failed ping is refreshed, once. */
function refetchListsOlderThan(queryClient: QueryClient, since: number): void {
  void queryClient.refetchQueries(
    { queryKey: tokenKeys.lists(), type: 'active', predicate: (list) => list.state.dataUpdatedAt < since },
    { cancelRefetch: false },
  );
}

export interface RefreshFailure {
  message: string;
  onRetry: () => unknown;
}

/**
 * What the "Could not refresh the list" banner says, or null: the list's own failed refresh, else a failed ping
 * newer than the list on screen. Pings while the list is shown. Retry refreshes the list either way.
 */
export function useRefreshFailure(
  client: InfluxClient,
  list: Pick<UseQueryResult<Authorization[]>, 'data' | 'dataUpdatedAt' | 'error' | 'refetch'>,
): RefreshFailure | null {
  const shown = list.data !== undefined;
  const pinged = useQuery({ ...pingQuery(client), enabled: shown });
  const { failure } = pinged.data;
  const error = list.error ?? (failure && pinged.dataUpdatedAt > list.dataUpdatedAt ? failure : null);
  return shown && error ? { message: failureReason(error), onRetry: list.refetch } : null;
}
