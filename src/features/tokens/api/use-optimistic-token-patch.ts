// One optimistic write of one token field (rename: description; activate/deactivate: status): the new value
// shows at once in every list and detail; saves of the same token and field run in order (the last the person
// made wins on the server); a failure rolls back only if it was the newest change (an older failure would undo
// what the person chose later); once the last token write settles, the caches are refetched. What the person
// typed is never here to lose: the editor keeps its draft until the save succeeds (edit-drafts.ts).
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InfluxApiError } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { findCachedToken, invalidateWhenLastSettles, patchCachedToken } from './token-cache';
import { tokenKeys } from './token-queries';

type Field = 'description' | 'status';

type PatchVariables<F extends Field> = { id: string } & Pick<Authorization, F>;

/** Per query client and key (`rename:<id>`): the save last queued, and the newest change made. */
interface WriteOrder {
  chains: Map<string, Promise<unknown>>;
  latest: Map<string, { previous?: unknown }>;
}

const orderByClient = new WeakMap<QueryClient, WriteOrder>();

function writeOrder(queryClient: QueryClient): WriteOrder {
  let order = orderByClient.get(queryClient);
  if (!order) {
    order = { chains: new Map(), latest: new Map() };
    orderByClient.set(queryClient, order);
  }
  return order;
}

/** Runs `run` once every earlier save of the same key has settled. */
function afterEarlierSaves<T>({ chains }: WriteOrder, key: string, run: () => Promise<T>): Promise<T> {
  const next = (chains.get(key) ?? Promise.resolve()).catch(() => undefined).then(run);
  chains.set(key, next);
  const forget = () => {
    if (chains.get(key) === next) chains.delete(key);
  };
  next.then(forget, forget);
  return next;
}

export function useOptimisticTokenPatch<F extends Field>(field: F, kind: 'rename' | 'status') {
  const queryClient = useQueryClient();
  const { client } = useSession();
  const key = (id: string) => `${kind}:${id}`;
  return useMutation<Authorization, InfluxApiError, PatchVariables<F>, { previous?: Authorization[F] }>({
    mutationKey: tokenKeys.mutation(kind),
    mutationFn: (variables) =>
      afterEarlierSaves(writeOrder(queryClient), key(variables.id), () =>
        client.updateAuthorization(variables.id, { [field]: variables[field] }),
      ),
    onMutate: async (variables) => {
      await queryClient.cancelQueries({ queryKey: tokenKeys.all });
      const context = { previous: findCachedToken(queryClient, variables.id)?.[field] };
      writeOrder(queryClient).latest.set(key(variables.id), context);
      patchCachedToken(queryClient, variables.id, (t) => ({ ...t, [field]: variables[field] }));
      return context;
    },
    onSuccess: (saved, variables) => {
      patchCachedToken(queryClient, variables.id, (t) =>
        t[field] === variables[field] ? { ...t, updatedAt: saved.updatedAt } : t,
      );
    },
    onError: (_error, { id }, context) => {
      // Only the newest change is rolled back; the refetch after the last one settles the rest.
      if (context?.previous === undefined || writeOrder(queryClient).latest.get(key(id)) !== context) return;
      const previous = context.previous;
      patchCachedToken(queryClient, id, (t) => ({ ...t, [field]: previous }));
    },
    onSettled: () => void invalidateWhenLastSettles(queryClient),
  });
}
