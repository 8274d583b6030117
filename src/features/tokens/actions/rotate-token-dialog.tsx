// Rotate, step 1: say what will happen, then create a token with the same permissions and owner, described as the old
// one's replacement. Its secret is then shown once (NewTokenDialog), which switches the old one off when told to.
import { ConfirmDialog } from '../../../components/ui/dialog';
import type { Authorization } from '../../../../core/influx-types';
import { useCreateToken } from '../api/use-create-token';
import { createFailureText } from '../model/create-failure';
import { rotatedDescription } from '../model/rotate-description';
import { ownerName } from '../model/token-index';
import { tokenLabel } from '../model/token-label';
import { sameAccessAs } from './use-clone-token';

interface RotateTokenDialogProps {
  token: Authorization;
  onClose: () => void;
  onCreated: (created: Authorization) => void;
  onCloseAutoFocus?: (event: Event) => void;
}

export function RotateTokenDialog({ token, onClose, onCreated, onCloseAutoFocus }: RotateTokenDialogProps) {
  const create = useCreateToken();
  const label = tokenLabel(token.description);

  function confirm() {
    create.mutate(sameAccessAs(token, rotatedDescription(token.description, token.id)), { onSuccess: onCreated });
  }

  return (
    <ConfirmDialog
      onClose={onClose}
      title={`Rotate “${label}”?`}
      description={`A new token with the same permissions, owned by ${ownerName(token)}, is created and shown once. “${label}” stays active until you say the new token is in place; then it is deactivated.`}
      actionLabel="Create replacement"
      busy={create.isPending}
      busyLabel="Creating…"
      tone="primary"
      onAction={confirm}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      {create.error && (
        <div className="callout callout--error" role="alert">
          <p>{createFailureText(create.error, 'create')}</p>
          <p>“{label}” is unchanged and still active.</p>
        </div>
      )}
    </ConfirmDialog>
  );
}
