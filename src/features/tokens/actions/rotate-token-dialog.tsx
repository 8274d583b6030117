// Rotate, step 1: say what will happen, then create a token with the same permissions and owner, described as
// the old one's replacement. The new secret is then shown once (NewTokenDialog), and the old token is switched
// off only after the person says the new one is in place (useRetireRotatedToken).
import { ConfirmDialog } from '../../../components/ui/dialog';
import type { Authorization } from '../../../../core/influx-types';
import { useCreateToken } from '../api/use-create-token';
import { createFailureText } from '../model/create-failure';
import { clonedPermissions } from '../model/new-token-permissions';
import { rotatedDescription } from '../model/rotate-description';
import { ownerName } from '../model/token-index';
import { tokenLabel } from '../model/token-label';

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
    create.mutate(
      {
        orgID: token.orgID,
        userID: token.userID,
        description: rotatedDescription(token.description, token.id),
        permissions: clonedPermissions(token.permissions),
      },
      { onSuccess: onCreated },
    );
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
