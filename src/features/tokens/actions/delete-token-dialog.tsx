// "Delete “x”?" — the confirmation before a token is deleted; the failure is shown in place. Once it is deleted, it
// says which row took its place in the list, for focus to go there.
import { ConfirmDialog } from '../../../components/ui/dialog';
import { useToast } from '../../../components/ui/toast-context';
import type { Authorization } from '../../../../core/influx-types';
import { useDeleteToken } from '../api/use-delete-token';
import { tokenLabel } from '../../../lib/token-label';
import { LOCKOUT_CONSEQUENCE, MAYBE_OWN_CONSEQUENCE, MAYBE_OWN_TITLE } from '../own-token/own-token-confirm';
import { useOwnTokenMatch } from '../own-token/own-token-context';

interface DeleteTokenDialogProps {
  token: Authorization;
  onClose: () => void;
  /**
   * After the server confirmed; before the dialog closes. `neighbour`: the token whose row was next to it in the list
   * (the next one, or the previous when it was the last); null when its row was not on screen or was the only one.
   */
  onDeleted?: (neighbour: string | null) => void;
  /** When the request starts and ends (the drawer stops reading its token meanwhile). */
  onBusyChange?: (busy: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
}

export function DeleteTokenDialog({ token, onDeleted, onBusyChange, ...dialog }: DeleteTokenDialogProps) {
  const remove = useDeleteToken();
  const toast = useToast();
  const label = tokenLabel(token.description);
  const match = useOwnTokenMatch()(token);
  const own = match === 'own';

  function confirm() {
    onBusyChange?.(true);
    // Read before the list drops the row.
    const neighbour = neighbourRow(token.id);
    remove.mutate(token.id, {
      onSuccess: () => {
        toast.show({ title: `API token “${label}” was deleted` });
        onDeleted?.(neighbour);
        dialog.onClose();
      },
      onError: () => onBusyChange?.(false),
    });
  }

  return (
    <ConfirmDialog
      {...dialog}
      title={
        own
          ? `Delete “${label}”, this page's own token?`
          : `Delete “${label}”?${match === 'maybe' ? ` ${MAYBE_OWN_TITLE}` : ''}`
      }
      description={`Anything using this token stops working at once. This cannot be undone.${own ? ` ${LOCKOUT_CONSEQUENCE}` : match === 'maybe' ? ` ${MAYBE_OWN_CONSEQUENCE}` : ''}`}
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

/** The token whose row is next to `id`'s in the list as shown (rows carry their place in data-index), else previous. */
function neighbourRow(id: string): string | null {
  const row = document.querySelector(`[data-open-token="${CSS.escape(id)}"]`)?.closest<HTMLElement>('[data-index]');
  if (!row?.parentElement) return null;
  const index = Number(row.dataset.index);
  const openButton = (at: number) =>
    row.parentElement?.querySelector<HTMLElement>(`[data-index="${at}"] [data-open-token]`);
  return (openButton(index + 1) ?? openButton(index - 1))?.dataset.openToken ?? null;
}
