// Rotate, last step: the person says the new token is in place, so the old one is deactivated. Both ends are
// reported together: the new token was created, and the old one was deactivated (with Undo) or why it was not.
import { useCallback } from 'react';
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization } from '../../../../core/influx-types';
import { useUpdateTokenStatus } from '../api/use-update-token-status';
import { failureReason, outcomeUnknown } from '../model/failure-reason';
import { tokenLabel } from '../model/token-label';
import { useSetTokenStatus } from './use-set-token-status';

export function useRetireRotatedToken() {
  const { mutateAsync } = useUpdateTokenStatus();
  const toast = useToast();
  // Undo goes through the switch's own path, which reports its outcome in the same toast.
  const setStatus = useSetTokenStatus();
  return useCallback(
    (old: Authorization, replacement: Authorization) => {
      const oldLabel = tokenLabel(old.description);
      const created = `New token “${tokenLabel(replacement.description)}” created.`;
      const toastId = `status:${old.id}`;
      mutateAsync({ id: old.id, status: 'inactive' }).then(
        () =>
          toast.show({
            id: toastId,
            title: `Rotated: “${oldLabel}” deactivated`,
            description: created,
            action: { label: 'Undo', onAction: () => setStatus(old.id, 'active') },
            durationMs: 15_000,
          }),
        (error: unknown) =>
          toast.show({
            id: toastId,
            tone: 'error',
            title: `Could not deactivate “${oldLabel}”: ${failureReason(error)}`,
            description: `${created} ${
              outcomeUnknown(error)
                ? 'InfluxDB may have deactivated the old one anyway; its row shows what it reports.'
                : 'The old token is still active: deactivate it from its row or drawer.'
            }`,
          }),
      );
    },
    [mutateAsync, toast, setStatus],
  );
}
