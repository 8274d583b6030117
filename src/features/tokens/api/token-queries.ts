// Every token query and mutation key, from one factory, and the queries built on them.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { InfluxApiError, type InfluxClient } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { loadTokenList } from '../list-sync';

/**
 * Keys run from general to specific, and TanStack matches a filter's key as a prefix, so what a call clears
 * follows from where its key stops:
 * - `all` (['tokens']) is every token query (lists and details) and, as a mutation key, every token write.
 *   An optimistic patch cancels `all` first, so no fetch that predates it lands over it; the caches are
 *   refetched once `isMutating({ mutationKey: all })` drops to the last write (invalidateWhenLastSettles).
 * - `lists()` is every org's list, `list(orgID)` one; `details()` every opened token, `detail(id)` one.
 *   Patches and removals go through `lists()`, so every list holding the token follows.
 * - `mutation(kind)` names each write (['tokens', kind]); under `all`, never under `lists()` or `details()`.
 * - Sign-out removes every query whose key does not start with 'app' (use-session-state.ts), and the
 *   own-token check resets all but 'app' and 'own-token': tokens, org and lookups all go either way.
 */
export const tokenKeys = {
  all: ['tokens'] as const,
  lists: () => ['tokens', 'list'] as const,
  list: (orgID: string) => ['tokens', 'list', orgID] as const,
  details: () => ['tokens', 'detail'] as const,
  detail: (id: string) => ['tokens', 'detail', id] as const,
  mutation: (kind: 'create' | 'delete' | 'rename' | 'status' | 'bulk') => ['tokens', kind] as const,
};

export const tokenQueries = {
  /**
   * Every token of the org at once (the API has no paging), downloaded and compared in a Web Worker (list-sync/).
   * No structural sharing: the worker's diff already hands back unchanged tokens (and an unchanged list) as the
   * very objects the page holds, and a deep compare of 100,000 tokens would cost seconds.
   */
  list: (client: InfluxClient, orgID: string) =>
    queryOptions({
      queryKey: tokenKeys.list(orgID),
      queryFn: (context) => loadTokenList(context, client, orgID),
      staleTime: 5_000,
      refetchOnWindowFocus: true,
      structuralSharing: false,
    }),

  /** One token of the org; starts from the list's copy when there is one, so the drawer opens without waiting. */
  detail: (client: InfluxClient, id: string, queryClient: QueryClient, orgID: string) =>
    queryOptions({
      queryKey: tokenKeys.detail(id),
      queryFn: async ({ signal }) => {
        const token = await client.getAuthorization(id, signal);
        // A token of another org, opened under this org's URL, is not this org's to show (nor to change from here).
        if (token.orgID !== orgID) throw new InfluxApiError(404, 'not found', 'authorization not found');
        return token;
      },
      staleTime: 5_000,
      initialData: () => queryClient.getQueryData<Authorization[]>(tokenKeys.list(orgID))?.find((t) => t.id === id),
      initialDataUpdatedAt: () => queryClient.getQueryState(tokenKeys.list(orgID))?.dataUpdatedAt,
    }),
};
