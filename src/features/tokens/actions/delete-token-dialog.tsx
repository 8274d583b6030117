// "Delete “x”?" — the confirmation before a token is deleted; the failure is shown in place.
import { ConfirmDialog } from '../../../components/ui/dialog';
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization } from '../../../../core/influx-types';
import { useDeleteToken } from '../api/use-delete-token';
import { tokenLabel } from '../model/token-label';
import { LOCKOUT_CONSEQUENCE } from '../own-token/own-token-confirm';
import { useOwnTokenId } from '../own-token/own-token-context';

interface DeleteTokenDialogProps {
  token: Authorization;
  onClose: () => void;
  /** After the server confirmed; before the dialog closes. */
  onDeleted?: () => void;
  /** When the request starts and ends (the drawer stops reading its token meanwhile). */
  onBusyChange?: (busy: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
}

export function DeleteTokenDialog({ token, onDeleted, onBusyChange, ...dialog }: DeleteTokenDialogProps) {
  const remove = useDeleteToken();
  const toast = useToast();
  const label = tokenLabel(token.description);
  const own = useOwnTokenId() === token.id;

  function confirm() {
    onBusyChange?.(true);
    remove.mutate(token.id, {
      onSuccess: () => {
        toast.show({ title: `API token “${label}” was deleted` });
        onDeleted?.();
        dialog.onClose();
      },
      onError: () => onBusyChange?.(false),
    });
  }

  return (
    <ConfirmDialog
      {...dialog}
      title={own ? `Delete “${label}”, this page's own token?` : `Delete “${label}”?`}
      description={`Anything using this token stops working at once. This cannot be undone.${own ? ` ${LOCKOUT_CONSEQUENCE}` : ''}`}
      actionLabel={own ? 'Delete and lock this page out' : 'Yes, delete this token'}
      busy={remove.isPending}
      busyLabel="Deleting…"
      onAction={confirm}
    >
      {remove.error && (
        <div className="callout callout--error" role="alert">
          <p>
            Could not delete “{label}”: {remove.error.message}
          </p>
        </div>
      )}
    </ConfirmDialog>
  );
}
