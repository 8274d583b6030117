// One optimistic write of one token field (rename: description; activate/deactivate: status): the new value
// shows at once in every list and detail; saves of the same token and field run in order (the last the person
// made wins on the server); a failure rolls back only if it was the newest change (an older failure would undo
// what the person chose later); once the last token write settles, the caches are refetched. What the person
// typed is never here to lose: the editor keeps its draft until the save succeeds (edit-drafts.ts).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InfluxApiError } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { isLatestChange, markLatestChange } from './latest-change';
import { serializePerKey } from './serialize-per-key';
import { findCachedToken, invalidateWhenLastSettles, patchCachedToken } from './token-cache';
import { tokenKeys } from './token-queries';

type Field = 'description' | 'status';

/** { id, description } or { id, status }. */
export type PatchVariables<F extends Field> = { id: string } & Pick<Authorization, F>;

export function useOptimisticTokenPatch<F extends Field>(field: F, kind: 'rename' | 'status') {
  const queryClient = useQueryClient();
  const { client } = useSession();
  const key = (id: string) => `${kind}:${id}`;
  return useMutation<Authorization, InfluxApiError, PatchVariables<F>, { previous?: Authorization[F]; change: number }>(
    {
      mutationKey: tokenKeys.mutation(kind),
      mutationFn: (variables) =>
        serializePerKey(queryClient, key(variables.id), () =>
          client.updateAuthorization(variables.id, { [field]: variables[field] }),
        ),
      onMutate: async (variables) => {
        await queryClient.cancelQueries({ queryKey: tokenKeys.all });
        const previous = findCachedToken(queryClient, variables.id)?.[field];
        const change = markLatestChange(queryClient, key(variables.id));
        patchCachedToken(queryClient, variables.id, (t) => ({ ...t, [field]: variables[field] }));
        return { previous, change };
      },
      onSuccess: (saved, variables) => {
        patchCachedToken(queryClient, variables.id, (t) =>
          t[field] === variables[field] ? { ...t, updatedAt: saved.updatedAt } : t,
        );
      },
      onError: (_error, { id }, context) => {
        // Only the newest change is rolled back; the refetch after the last one settles the rest.
        if (!context || context.previous === undefined || !isLatestChange(queryClient, key(id), context.change)) return;
        const previous = context.previous;
        patchCachedToken(queryClient, id, (t) => ({ ...t, [field]: previous }));
      },
      // Not returned: the mutation would stay pending until the refetch (retries included) ends, holding back the
      // person's message and kept text for as long as an unreachable or hanging InfluxDB makes that refetch take.
      onSettled: () => void invalidateWhenLastSettles(queryClient),
    },
  );
}
