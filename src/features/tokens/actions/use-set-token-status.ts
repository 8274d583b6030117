// Flips a token's status and reports it: a toast with Undo on success, the reason on failure. After Rotate, the
// old token's deactivation is reported together with the new token it makes way for.
import { useQueryClient } from '@tanstack/react-query';
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization, AuthorizationStatus } from '../../../../core/influx-types';
import { findCachedToken } from '../api/token-cache';
import { useUpdateTokenStatus } from '../api/use-update-token-status';
import { failureReason, outcomeUnknown } from '../model/failure-reason';
import { tokenLabel } from '../../../lib/token-label';

export function useSetTokenStatus() {
  const { mutateAsync } = useUpdateTokenStatus();
  const toast = useToast();
  const queryClient = useQueryClient();
  /** `replacement`: the token Rotate made, now in place of this one. Resolves true once the change is made. */
  return function setStatus(id: string, status: AuthorizationStatus, replacement?: Authorization): Promise<boolean> {
    const name = () => tokenLabel(findCachedToken(queryClient, id)?.description ?? '');
    const toastId = `status:${id}`;
    const created = replacement && `New token “${tokenLabel(replacement.description)}” created.`;
    return mutateAsync({ id, status }).then(
      () => {
        toast.show({
          id: toastId,
          title: created
            ? `Rotated: “${name()}” deactivated`
            : `Token “${name()}” ${status === 'active' ? 'activated' : 'deactivated'}`,
          description: created,
          action: { label: 'Undo', onAction: () => setStatus(id, status === 'active' ? 'inactive' : 'active') },
          durationMs: created ? 15_000 : 10_000,
        });
        return true;
      },
      (error: unknown) => {
        const unknown = outcomeUnknown(error);
        const still = created
          ? unknown
            ? 'InfluxDB may have deactivated the old one anyway; its row shows what it reports.'
            : 'The old token is still active: deactivate it from its row or drawer.'
          : unknown
            ? 'InfluxDB may have made the change anyway: reload the page to see the status it has now.'
            : `It is still ${status === 'active' ? 'inactive' : 'active'}.`;
        toast.show({
          id: toastId,
          tone: 'error',
          title: `Could not ${status === 'active' ? 'activate' : 'deactivate'} “${name()}”: ${failureReason(error)}`,
          description: created ? `${created} ${still}` : still,
        });
        return false;
      },
    );
  };
}
