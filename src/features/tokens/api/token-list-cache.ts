// Adding and removing tokens in the cached lists (creation, deletion, bulk work), with details kept in step.
import type { QueryClient } from '@tanstack/react-query';
import type { Authorization } from '../../../../core/influx-types';
import { tokenKeys } from './token-queries';

/** Puts a new token into its org's list at once (without its secret: that lives only in the show-once dialog). */
export function addCachedToken(queryClient: QueryClient, created: Authorization): void {
  const token = { ...created, token: '' };
  queryClient.setQueryData<Authorization[]>(tokenKeys.list(token.orgID), (list) => {
    if (!list) return list;
    const index = list.findIndex((t) => t.id === token.id);
    if (index === -1) return [...list, token];
    const next = list.slice();
    next[index] = token;
    return next;
  });
  queryClient.setQueryData(tokenKeys.detail(token.id), token);
}

/**
 * Takes deleted tokens out of every list. An open drawer keeps showing its token until it closes; its
 * detail is marked stale, so coming back to its URL asks the server and says "Token not found".
 */
export function removeCachedTokens(queryClient: QueryClient, ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  queryClient.setQueriesData<Authorization[]>({ queryKey: tokenKeys.lists() }, (list) => {
    if (!list) return list;
    const next = list.filter((t) => !ids.has(t.id));
    return next.length === list.length ? list : next;
  });
  for (const id of ids) void queryClient.invalidateQueries({ queryKey: tokenKeys.detail(id), exact: true, refetchType: 'none' });
}

/** Writes saved tokens' status, description and updatedAt into the lists and details, in one pass per list. */
export function applySavedTokens(queryClient: QueryClient, saved: ReadonlyMap<string, Authorization>): void {
  if (saved.size === 0) return;
  const merge = (t: Authorization): Authorization => {
    const s = saved.get(t.id);
    return s ? { ...t, status: s.status, description: s.description, updatedAt: s.updatedAt } : t;
  };
  queryClient.setQueriesData<Authorization[]>({ queryKey: tokenKeys.lists() }, (list) => {
    if (!list) return list;
    let changed = false;
    const next = list.map((t) => {
      const merged = merge(t);
      if (merged !== t) changed = true;
      return merged;
    });
    return changed ? next : list;
  });
  for (const id of saved.keys()) queryClient.setQueryData<Authorization>(tokenKeys.detail(id), (t) => (t ? merge(t) : t));
}
