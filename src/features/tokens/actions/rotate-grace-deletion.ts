// Rotate with "Now" and a deletion: once the person has deactivated the old token (the new token's dialog), this
// console is told to delete it that long after, if it is still inactive then. The outcome is said in a toast.
import type { Authorization } from '../../../../core/influx-types';
import { useToast } from '../../../components/ui/toast-context';
import { formatDateTimeZone } from '../../../lib/format-time';
import { useSetExpiry } from '../api/governance-queries';
import { failureReason } from '../model/failure-reason';
import { tokenLabel } from '../../../lib/token-label';
import { deleteAtAfter } from './rotate-grace';

/** `(old, delayMs)`: call it after the old token's deactivation succeeded; it sends only the deletion. */
export function useDeleteAfterRetire() {
  const setExpiry = useSetExpiry();
  const toast = useToast();
  return function deleteAfterRetire(old: Authorization, delayMs: number): Promise<void> {
    const label = tokenLabel(old.description);
    const deleteAt = deleteAtAfter(Date.now(), delayMs);
    const id = `deletion:${old.id}`;
    return setExpiry.mutateAsync({ tokenID: old.id, orgID: old.orgID, deleteAt }).then(
      () =>
        void toast.show({
          id,
          title: `“${label}” is deleted ${formatDateTimeZone(deleteAt)} if it is still inactive then`,
          description: 'Switch it back on to keep it: that cancels the deletion.',
          durationMs: 15_000,
        }),
      (error: unknown) =>
        void toast.show({
          id,
          tone: 'error',
          title: `Could not schedule the deletion of “${label}”: ${failureReason(error)}`,
          description: 'It stays inactive and is not deleted; delete it from its row once you are sure.',
        }),
    );
  };
}
