// Activates, deactivates or deletes many tokens: at most 6 requests in flight, progress after each,
// Cancel stops sending, and every success is written into the cached list as it lands (batched, so
// 100,000 tokens do not copy the list 100,000 times).
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Authorization } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { failureReason } from '../model/failure-reason';
import { TARGET_STATUS, type BulkFailure, type BulkOutcome, type BulkPlan } from '../model/bulk-plan';
import { tokenLabel } from '../model/token-label';
import { runBounded } from '../../../../core/run-bounded';
import { tokenKeys } from './token-queries';
import { applySavedTokens, invalidateWhenLastSettles, removeCachedTokens } from './token-cache';

export const BULK_CONCURRENCY = 6;
const FLUSH_MS = 100;

export interface BulkVariables {
  plan: BulkPlan;
  signal: AbortSignal;
  /** Called after each request settles with how many have. */
  onProgress: (settled: number) => void;
}

/** Collects successes and writes them into the cache at most every FLUSH_MS. */
function cacheWriter(queryClient: QueryClient) {
  let saved = new Map<string, Authorization>();
  let deleted = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const [s, d] = [saved, deleted];
    saved = new Map();
    deleted = new Set();
    applySavedTokens(queryClient, s);
    removeCachedTokens(queryClient, d);
  };
  const schedule = () => {
    timer ??= setTimeout(flush, FLUSH_MS);
  };
  return {
    saved: (token: Authorization) => (saved.set(token.id, token), schedule()),
    deleted: (id: string) => (deleted.add(id), schedule()),
    flush,
  };
}

export function useBulkAction() {
  const queryClient = useQueryClient();
  const { client } = useSession();
  return useMutation<BulkOutcome, Error, BulkVariables>({
    mutationKey: tokenKeys.mutation('bulk'),
    mutationFn: async ({ plan, signal, onProgress }) => {
      // A list refetch already under way predates these changes: drop it, the refetch after the work follows.
      await queryClient.cancelQueries({ queryKey: tokenKeys.all });
      const writer = cacheWriter(queryClient);
      const failed: BulkFailure[] = [];
      const succeeded: string[] = [];
      let settled = 0;
      const { notStarted } = await runBounded(
        plan.todo,
        BULK_CONCURRENCY,
        async (token) => {
          if (plan.action === 'delete') {
            await client.deleteAuthorization(token.id);
            writer.deleted(token.id);
          } else {
            writer.saved(await client.updateAuthorization(token.id, { status: TARGET_STATUS[plan.action] }));
          }
        },
        {
          signal,
          onSettled: (token, error) => {
            if (error === undefined) succeeded.push(token.id);
            else failed.push({ id: token.id, label: tokenLabel(token.description), reason: failureReason(error) });
            settled += 1;
            onProgress(settled);
          },
        },
      );
      writer.flush();
      // Failures in list order, so the report reads like the list.
      const order = new Map(plan.todo.map((t, i) => [t.id, i]));
      failed.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      return { action: plan.action, succeeded, failed, skipped: plan.skipped.length, notSent: notStarted.length };
    },
    // Not returned: the report shows as soon as the work is done, not after the list's refetch.
    onSettled: () => void invalidateWhenLastSettles(queryClient),
  });
}
