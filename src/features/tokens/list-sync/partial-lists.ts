// A first load's tokens while the rest still downloads, shown marked as partial. Kept beside the query cache, not in
// it: a list query's data is only a whole server answer, so refetches, rollbacks and the worker's diff base never see
// a partial list. One store per QueryClient, by query hash; an entry goes once its query has data or leaves the cache.
import { hashKey, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { Authorization } from '../../../../core/influx-types';

export interface PartialList {
  /** The tokens so far, in the server's order. */
  tokens: Authorization[];
  /** The load broke off (the server failed or the connection dropped): these are all there is until a retry. */
  failed: Error | null;
}

export class PartialLists {
  private readonly lists = new Map<string, PartialList>();
  private readonly listeners = new Set<() => void>();

  get(hash: string): PartialList | undefined {
    return this.lists.get(hash);
  }

  set(hash: string, list: PartialList | undefined): void {
    if (this.lists.get(hash) === list) return;
    if (list) this.lists.set(hash, list);
    else if (!this.lists.delete(hash)) return;
    this.listeners.forEach((listener) => listener());
  }

  /** Applies a cache write (an optimistic patch, a deletion) to the partial lists too, so shown rows follow it. */
  update(change: (tokens: Authorization[]) => Authorization[]): void {
    for (const [hash, list] of this.lists) {
      const tokens = change(list.tokens);
      if (tokens !== list.tokens) this.set(hash, { ...list, tokens });
    }
  }

  all(): IterableIterator<PartialList> {
    return this.lists.values();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

const byClient = new WeakMap<QueryClient, PartialLists>();

export function partialLists(queryClient: QueryClient): PartialLists {
  const lists = byClient.get(queryClient) ?? new PartialLists();
  byClient.set(queryClient, lists);
  return lists;
}

/** The partial list of the query with this key, while its first load is under way or broke off. */
export function usePartialList(queryKey: QueryKey): PartialList | undefined {
  const lists = partialLists(useQueryClient());
  const read = () => lists.get(hashKey(queryKey));
  return useSyncExternalStore(lists.subscribe, read, read);
}
