// Activates or deactivates a token with one PATCH {status}: optimistic, in order per token, rolled back on failure.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InfluxApiError } from '../../../../core/influx-client';
import type { Authorization, AuthorizationStatus } from '../../../../core/influx-types';
import { useSession } from '../../session/session-context';
import { isLatestChange, markLatestChange } from './latest-change';
import { serializePerKey } from './serialize-per-key';
import { findCachedToken, invalidateWhenLastSettles, patchCachedToken } from './token-cache';

export interface StatusVariables {
  id: string;
  status: AuthorizationStatus;
}

export const tokenStatusMutationKey = ['tokens', 'status'] as const;

export function useUpdateTokenStatus() {
  const queryClient = useQueryClient();
  const { client } = useSession();
  return useMutation<Authorization, InfluxApiError, StatusVariables, { previous?: AuthorizationStatus; change: number }>({
    mutationKey: tokenStatusMutationKey,
    mutationFn: ({ id, status }) => serializePerKey(queryClient, `status:${id}`, () => client.updateAuthorization(id, { status })),
    onMutate: async ({ id, status }) => {
      await queryClient.cancelQueries({ queryKey: ['tokens'] });
      const previous = findCachedToken(queryClient, id)?.status;
      const change = markLatestChange(queryClient, `status:${id}`);
      patchCachedToken(queryClient, id, (t) => ({ ...t, status }));
      return { previous, change };
    },
    onSuccess: (saved, { id, status }) => {
      patchCachedToken(queryClient, id, (t) => (t.status === status ? { ...t, updatedAt: saved.updatedAt } : t));
    },
    onError: (_error, { id }, context) => {
      // Only the newest change is rolled back; the refetch after the last one settles the rest.
      if (!context || context.previous === undefined || !isLatestChange(queryClient, `status:${id}`, context.change)) return;
      const previous = context.previous;
      patchCachedToken(queryClient, id, (t) => ({ ...t, status: previous }));
    },
    // Not returned: the mutation would stay pending until the refetch (retries included) ends, holding back the
    // person's message and kept text for as long as an unreachable or hanging InfluxDB makes that refetch take.
    onSettled: () => void invalidateWhenLastSettles(queryClient),
  });
}
