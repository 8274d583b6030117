// Renames a token optimistically: the new description shows at once and is undone only if the save fails.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InfluxApiError } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { useSession } from '../../session/session-context';
import { isLatestChange, markLatestChange } from './latest-change';
import { serializePerKey } from './serialize-per-key';
import { findCachedToken, invalidateWhenLastSettles, patchCachedToken } from './token-cache';

export interface RenameVariables {
  id: string;
  description: string;
}

export function useRenameToken() {
  const queryClient = useQueryClient();
  const { client } = useSession();
  return useMutation<Authorization, InfluxApiError, RenameVariables, { previous?: string; change: number }>({
    mutationKey: ['tokens', 'rename'],
    mutationFn: ({ id, description }) =>
      serializePerKey(queryClient, `rename:${id}`, () => client.updateAuthorization(id, { description })),
    onMutate: async ({ id, description }) => {
      await queryClient.cancelQueries({ queryKey: ['tokens'] });
      const previous = findCachedToken(queryClient, id)?.description;
      const change = markLatestChange(queryClient, `rename:${id}`);
      patchCachedToken(queryClient, id, (t) => ({ ...t, description }));
      return { previous, change };
    },
    onSuccess: (saved, { id, description }) => {
      patchCachedToken(queryClient, id, (t) => (t.description === description ? { ...t, updatedAt: saved.updatedAt } : t));
    },
    onError: (_error, { id }, context) => {
      // Only the newest change is rolled back; the refetch after the last one settles the rest.
      if (!context || context.previous === undefined || !isLatestChange(queryClient, `rename:${id}`, context.change)) return;
      const previous = context.previous;
      patchCachedToken(queryClient, id, (t) => ({ ...t, description: previous }));
    },
    // Not returned: the mutation would stay pending until the refetch (retries included) ends, holding back the
    // person's message and kept text for as long as an unreachable or hanging InfluxDB makes that refetch take.
    onSettled: () => void invalidateWhenLastSettles(queryClient),
  });
}
