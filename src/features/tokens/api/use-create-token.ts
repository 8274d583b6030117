// Creates a token (Generate, Clone, Rotate): the answer carries the token string, shown once by the page.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ACTION_HEADER } from '../../../../core/governance';
import type { InfluxApiError } from '../../../../core/influx-client';
import type { Authorization, AuthorizationCreate } from '../../../../core/influx-types';
import { useSession } from '../../../lib/session/session-context';
import { addCachedToken, invalidateWhenLastSettles } from './token-cache';
import { tokenKeys } from './token-queries';

/** `kind`: a copy (Clone) or a replacement (Rotate), said to the app server for its trail; absent, a plain create. */
export function useCreateToken(kind?: 'clone' | 'rotate') {
  const queryClient = useQueryClient();
  const { client } = useSession();
  return useMutation<Authorization, InfluxApiError, AuthorizationCreate>({
    mutationKey: tokenKeys.mutation('create'),
    mutationFn: (body) => client.createAuthorization(body, kind && { [ACTION_HEADER]: kind }),
    onSuccess: (created) => addCachedToken(queryClient, created),
    onSettled: () => void invalidateWhenLastSettles(queryClient),
  });
}
