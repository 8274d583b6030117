// Writes one token's change into both the list and the detail caches (optimistic updates and their undo).
import type { QueryClient } from '@tanstack/react-query';
import type { Authorization } from '../../../../core/influx-types';
import { tokenKeys } from './token-queries';

export function patchCachedToken(queryClient: QueryClient, id: string, patch: (token: Authorization) => Authorization): void {
  queryClient.setQueriesData<Authorization[]>({ queryKey: tokenKeys.lists() }, (list) => {
    if (!list) return list;
    const index = list.findIndex((t) => t.id === id);
    if (index === -1) return list;
    const next = list.slice();
    next[index] = patch(list[index]!);
    return next;
  });
  queryClient.setQueryData<Authorization>(tokenKeys.detail(id), (token) => (token ? patch(token) : token));
}

export function findCachedToken(queryClient: QueryClient, id: string): Authorization | undefined {
  const detail = queryClient.getQueryData<Authorization>(tokenKeys.detail(id));
  if (detail) return detail;
  for (const [, list] of queryClient.getQueriesData<Authorization[]>({ queryKey: tokenKeys.lists() })) {
    const found = list?.find((t) => t.id === id);
    if (found) return found;
  }
  return undefined;
}

/** Above this many tokens a list refetch moves tens of megabytes (the API has no paging). */
export const LARGE_LIST = 5_000;

/**
 * Refetches the token caches once no token mutation is left in flight: a refetch while others run
 * could briefly show server state that predates them. Call from onSettled, where this one still counts.
 * A large list is only marked stale (it refetches on the next focus or visit): each save already wrote
 * the server's answer into it, and re-downloading every token after each click would stall the page.
 */
export function invalidateWhenLastSettles(queryClient: QueryClient): Promise<unknown> | undefined {
  if (queryClient.isMutating({ mutationKey: tokenKeys.all }) !== 1) return undefined;
  const isLarge = (data: unknown) => Array.isArray(data) && data.length > LARGE_LIST;
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: tokenKeys.details() }),
    queryClient.invalidateQueries({ queryKey: tokenKeys.lists(), predicate: (q) => !isLarge(q.state.data) }),
    queryClient.invalidateQueries({ queryKey: tokenKeys.lists(), predicate: (q) => isLarge(q.state.data), refetchType: 'none' }),
  ]);
}
