// Activates, deactivates or deletes many tokens: at most 6 requests in flight, progress after each,
// Cancel stops sending, and every success is written into the cached list as it lands (batched, so
// 100,000 tokens do not copy the list 100,000 times).
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Authorization } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { failureReason } from '../model/failure-reason';
import { TARGET_STATUS, type BulkOutcome, type BulkPlan } from '../model/bulk-plan';
import { tokenLabel } from '../../../lib/token-label';
import { runBounded } from '../../../../core/run-bounded';
import { tokenKeys } from './token-queries';
import { applySavedTokens, invalidateWhenLastSettles, removeCachedTokens } from './token-cache';

export const BULK_CONCURRENCY = 6;
const FLUSH_MS = 100;

export interface BulkVariables {
  plan: BulkPlan;
  /** Cancels what is not yet sent (the bulk dialog's Cancel; Undo has none). */
  signal?: AbortSignal;
  /** Called after each request settles with how many have. */
  onProgress?: (settled: number) => void;
}

/** Collects successes and writes them into the cache at most every FLUSH_MS. */
function cacheWriter(queryClient: QueryClient) {
  let saved = new Map<string, Authorization>();
  let deleted = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    applySavedTokens(queryClient, saved);
    removeCachedTokens(queryClient, deleted);
    saved = new Map();
    deleted = new Set();
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
      let count = 0;
      const { settled, notStarted } = await runBounded(
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
        { signal, onSettled: () => onProgress?.((count += 1)) },
      );
      writer.flush();
      const errors = new Map(settled.filter((s) => s.error !== undefined).map((s) => [s.item.id, s.error] as const));
      return {
        action: plan.action,
        succeeded: settled.flatMap(({ item, error }) => (error === undefined ? [item.id] : [])),
        // In list order, so the report reads like the list.
        failed: plan.todo
          .filter((t) => errors.has(t.id))
          .map((t) => ({ id: t.id, label: tokenLabel(t.description), reason: failureReason(errors.get(t.id)) })),
        skipped: plan.skipped.length,
        notSent: notStarted.length,
      };
    },
    onSettled: () => void invalidateWhenLastSettles(queryClient),
  });
}
