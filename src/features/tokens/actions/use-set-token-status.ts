// Flips a token's status and reports it: a toast with Undo on success, the reason on failure.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useToast } from '../../../components/ui/toast-context';
import type { AuthorizationStatus } from '../../../../core/influx-types';
import { findCachedToken } from '../api/token-cache';
import { useUpdateTokenStatus } from '../api/use-update-token-status';
import { failureReason, outcomeUnknown } from '../model/failure-reason';
import { tokenLabel } from '../model/token-label';

export function useSetTokenStatus() {
  const { mutateAsync } = useUpdateTokenStatus();
  const toast = useToast();
  const queryClient = useQueryClient();
  return useCallback(
    function setStatus(id: string, status: AuthorizationStatus) {
      const name = () => tokenLabel(findCachedToken(queryClient, id)?.description ?? '');
      const toastId = `status:${id}`;
      mutateAsync({ id, status }).then(
        () => {
          const undo: AuthorizationStatus = status === 'active' ? 'inactive' : 'active';
          toast.show({
            id: toastId,
            title: `Token “${name()}” ${status === 'active' ? 'activated' : 'deactivated'}`,
            action: { label: 'Undo', onAction: () => setStatus(id, undo) },
            durationMs: 10_000,
          });
        },
        (error: unknown) => {
          toast.show({
            id: toastId,
            tone: 'error',
            title: `Could not ${status === 'active' ? 'activate' : 'deactivate'} “${name()}”: ${failureReason(error)}`,
            description: outcomeUnknown(error)
              ? 'InfluxDB may have made the change anyway; the switch will show what it reports.'
              : `It is still ${status === 'active' ? 'inactive' : 'active'}.`,
          });
        },
      );
    },
    [mutateAsync, toast, queryClient],
  );
}
