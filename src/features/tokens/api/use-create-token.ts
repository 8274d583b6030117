// Creates a token (Generate, Clone): the answer carries the token string, shown once by the page.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InfluxApiError } from '../../../../core/influx-client';
import type { Authorization, AuthorizationCreate } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { addCachedToken, invalidateWhenLastSettles } from './token-cache';
import { tokenKeys } from './token-queries';

export function useCreateToken() {
  const queryClient = useQueryClient();
  const { client } = useSession();
  return useMutation<Authorization, InfluxApiError, AuthorizationCreate>({
    mutationKey: tokenKeys.mutation('create'),
    mutationFn: (body) => client.createAuthorization(body),
    onSuccess: (created) => addCachedToken(queryClient, created),
    onSettled: () => void invalidateWhenLastSettles(queryClient),
  });
}
