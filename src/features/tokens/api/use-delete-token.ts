// Deletes one token; the lists drop it once the server confirms (a delete is not undone, so not optimistic).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InfluxApiError } from '../../../../core/influx-client';
import { useSession } from '../../../lib/session/session-context';
import { invalidateWhenLastSettles, removeCachedTokens } from './token-cache';
import { tokenKeys } from './token-queries';

export function useDeleteToken() {
  const queryClient = useQueryClient();
  const { client } = useSession();
  return useMutation<void, InfluxApiError, string>({
    mutationKey: tokenKeys.mutation('delete'),
    mutationFn: (id) => client.deleteAuthorization(id),
    onSuccess: (_nothing, id) => removeCachedTokens(queryClient, new Set([id])),
    onSettled: () => void invalidateWhenLastSettles(queryClient),
  });
}
