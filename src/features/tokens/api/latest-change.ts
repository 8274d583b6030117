// Remembers which change to a token's field was made last, so a failure rolls back only the newest one
// (rolling back an older failure would overwrite what the person chose later).
import type { QueryClient } from '@tanstack/react-query';

const latestByClient = new WeakMap<QueryClient, Map<string, number>>();
let counter = 0;

export function markLatestChange(queryClient: QueryClient, key: string): number {
  let latest = latestByClient.get(queryClient);
  if (!latest) {
    latest = new Map();
    latestByClient.set(queryClient, latest);
  }
  counter += 1;
  latest.set(key, counter);
  return counter;
}

export function isLatestChange(queryClient: QueryClient, key: string, change: number): boolean {
  return latestByClient.get(queryClient)?.get(key) === change;
}
