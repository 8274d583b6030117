// Every write into the token caches (optimistic patches and their undo, creation, deletion, bulk results): the
// lists and the details kept in step, and a first load's partial list too, so the rows already shown follow.
import type { QueryClient } from '@tanstack/react-query';
import type { Authorization } from '../../../../core/influx-types';
import { partialLists } from '../list-sync';
import { tokenKeys } from './token-queries';

/** Every list (cached or still arriving) through `change`, which returns the list itself when nothing changed. */
function updateLists(queryClient: QueryClient, change: (list: Authorization[]) => Authorization[]): void {
  queryClient.setQueriesData<Authorization[]>({ queryKey: tokenKeys.lists() }, (list) => (list ? change(list) : list));
  partialLists(queryClient).update(change);
}

export function patchCachedToken(
  queryClient: QueryClient,
  id: string,
  patch: (token: Authorization) => Authorization,
): void {
  updateLists(queryClient, (list) => {
    const index = list.findIndex((t) => t.id === id);
    return index === -1 ? list : list.map((t, i) => (i === index ? patch(t) : t));
  });
  queryClient.setQueryData<Authorization>(tokenKeys.detail(id), (token) => (token ? patch(token) : token));
}

export function findCachedToken(queryClient: QueryClient, id: string): Authorization | undefined {
  const detail = queryClient.getQueryData<Authorization>(tokenKeys.detail(id));
  if (detail) return detail;
  const lists = queryClient.getQueriesData<Authorization[]>({ queryKey: tokenKeys.lists() }).map(([, list]) => list);
  for (const list of [...lists, ...Array.from(partialLists(queryClient).all(), (partial) => partial.tokens)]) {
    const found = list?.find((t) => t.id === id);
    if (found) return found;
  }
  return undefined;
}

/** Puts a new token into its org's list at once (without its secret: that lives only in the show-once dialog). */
export function addCachedToken(queryClient: QueryClient, created: Authorization): void {
  const token = { ...created, token: '' };
  queryClient.setQueryData<Authorization[]>(tokenKeys.list(token.orgID), (list) => {
    if (!list) return list;
    const index = list.findIndex((t) => t.id === token.id);
    return index === -1 ? [...list, token] : list.map((t, i) => (i === index ? token : t));
  });
  queryClient.setQueryData(tokenKeys.detail(token.id), token);
}

/**
 * Takes deleted tokens out of every list. An open drawer keeps showing its token until it closes; its
 * detail is marked stale, so coming back to its URL asks the server and says "Token not found".
 */
export function removeCachedTokens(queryClient: QueryClient, ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  updateLists(queryClient, (list) => {
    const next = list.filter((t) => !ids.has(t.id));
    return next.length === list.length ? list : next;
  });
  for (const id of ids)
    void queryClient.invalidateQueries({ queryKey: tokenKeys.detail(id), exact: true, refetchType: 'none' });
}

/** Writes saved tokens' status, description and updatedAt into the lists and details. */
export function applySavedTokens(queryClient: QueryClient, saved: ReadonlyMap<string, Authorization>): void {
  if (saved.size === 0) return;
  const merge = (t: Authorization): Authorization => {
    const s = saved.get(t.id);
    return s ? { ...t, status: s.status, description: s.description, updatedAt: s.updatedAt } : t;
  };
  updateLists(queryClient, (list) => {
    const next = list.map(merge);
    return next.some((t, i) => t !== list[i]) ? next : list;
  });
  for (const id of saved.keys())
    queryClient.setQueryData<Authorization>(tokenKeys.detail(id), (t) => (t ? merge(t) : t));
}

/** Above this many tokens a list refetch moves tens of megabytes (the API has no paging). */
const LARGE_LIST = 5_000;

/**
 * Refetches the token caches once no token mutation is left in flight: a refetch while others run
 * could briefly show server state that predates them. Call from onSettled, where this one still counts.
 * A large list is only marked stale (it refetches on the next focus or visit): each save already wrote
 * the server's answer into it, and re-downloading every token after each click would stall the page.
 * Callers do not return this promise from onSettled: the mutation would stay pending until the refetch (retries
 * included) ends, holding back the person's message and kept draft for as long as a hanging InfluxDB makes it take.
 */
export function invalidateWhenLastSettles(queryClient: QueryClient): Promise<unknown> | undefined {
  if (queryClient.isMutating({ mutationKey: tokenKeys.all }) !== 1) return undefined;
  const isLarge = (data: unknown) => Array.isArray(data) && data.length > LARGE_LIST;
  return Promise.all([
    // The app server recorded the change in its trail, and a deleted token's expiry is gone.
    queryClient.invalidateQueries({ queryKey: ['governance'] }),
    queryClient.invalidateQueries({ queryKey: tokenKeys.details() }),
    queryClient.invalidateQueries({ queryKey: tokenKeys.lists(), predicate: (q) => !isLarge(q.state.data) }),
    queryClient.invalidateQueries({
      queryKey: tokenKeys.lists(),
      predicate: (q) => isLarge(q.state.data),
      refetchType: 'none',
    }),
  ]);
}
