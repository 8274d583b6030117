// Runs requests for the same key one after another (e.g. status changes of one token), so the
// server applies them in the order the person made them and the last one wins.
import type { QueryClient } from '@tanstack/react-query';

const chainsByClient = new WeakMap<QueryClient, Map<string, Promise<unknown>>>();

export function serializePerKey<T>(queryClient: QueryClient, key: string, run: () => Promise<T>): Promise<T> {
  let chains = chainsByClient.get(queryClient);
  if (!chains) {
    chains = new Map();
    chainsByClient.set(queryClient, chains);
  }
  const previous = chains.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  chains.set(key, next);
  const forget = () => {
    if (chains.get(key) === next) chains.delete(key);
  };
  next.then(forget, forget);
  return next;
}
