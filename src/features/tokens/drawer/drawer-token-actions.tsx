// Rotate, Clone and Delete in the token's drawer. Delete asks first; once done, the drawer closes.
import { useState } from 'react';
import { CloneIcon, RotateIcon, TrashIcon } from '../../../components/ui/icons';
import type { Authorization } from '../../../../core/influx-types';
import { DeleteTokenDialog } from '../actions/delete-token-dialog';
import { useCloneToken } from '../actions/use-clone-token';
import '../../../components/ui/controls.css';

interface DrawerTokenActionsProps {
  token: Authorization;
  onCloned: (token: Authorization) => void;
  /** Rotate: a replacement with the same access, then this one deactivated once the person confirms. */
  onRotate: () => void;
  onDeleted: () => void;
  onDeletingChange: (deleting: boolean) => void;
}

export function DrawerTokenActions({
  token,
  onCloned,
  onRotate,
  onDeleted,
  onDeletingChange,
}: DrawerTokenActionsProps) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { clone, isPending } = useCloneToken(onCloned);
  return (
    <div className="drawer-actions">
      <button type="button" className="btn btn--small" onClick={onRotate}>
        <RotateIcon />
        Rotate
      </button>
      <button type="button" className="btn btn--small" onClick={() => clone(token)} disabled={isPending}>
        <CloneIcon />
        {isPending ? 'Cloning…' : 'Clone'}
      </button>
      <button type="button" className="btn btn--small drawer-actions__delete" onClick={() => setConfirmDelete(true)}>
        <TrashIcon />
        Delete
      </button>
      {confirmDelete && (
        <DeleteTokenDialog
          token={token}
          onClose={() => setConfirmDelete(false)}
          onDeleted={onDeleted}
          onBusyChange={onDeletingChange}
        />
      )}
    </div>
  );
}
