// Every query about tokens, from one factory so keys stay consistent: ['tokens','list',orgID], ['tokens','detail',id].
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { InfluxClient } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { loadTokenList } from './load-token-list';
import { shareUnchangedTokens } from './share-unchanged-tokens';

export const tokenKeys = {
  all: ['tokens'] as const,
  lists: () => ['tokens', 'list'] as const,
  list: (orgID: string) => ['tokens', 'list', orgID] as const,
  details: () => ['tokens', 'detail'] as const,
  detail: (id: string) => ['tokens', 'detail', id] as const,
};

export const tokenQueries = {
  /** Every token of the org at once (the API has no paging), downloaded and compared in a Web Worker (load-token-list.ts). */
  list: (client: InfluxClient, orgID: string) =>
    queryOptions({
      queryKey: tokenKeys.list(orgID),
      queryFn: (context) => loadTokenList(context, client, orgID),
      staleTime: 5_000,
      refetchOnWindowFocus: true,
      structuralSharing: shareUnchangedTokens,
    }),

  /** One token; starts from the list's copy when there is one, so the drawer opens without waiting. */
  detail: (client: InfluxClient, id: string, queryClient: QueryClient, orgID: string) =>
    queryOptions({
      queryKey: tokenKeys.detail(id),
      queryFn: ({ signal }) => client.getAuthorization(id, signal),
      staleTime: 5_000,
      initialData: () => queryClient.getQueryData<Authorization[]>(tokenKeys.list(orgID))?.find((t) => t.id === id),
      initialDataUpdatedAt: () => queryClient.getQueryState(tokenKeys.list(orgID))?.dataUpdatedAt,
    }),
};
