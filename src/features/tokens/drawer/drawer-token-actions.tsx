// Rotate, Clone and Delete in the token's drawer: the same dialogs as a row's menu opens. Delete asks inside the drawer,
// and once the token is gone the drawer closes.
import { useState } from 'react';
import { CopyPlus, RotateCw, Trash } from 'lucide-react';
import type { Authorization } from '../../../../core/influx-types';
import { DeleteTokenDialog } from '../actions/delete-token-dialog';
import { usePageDialog } from '../actions/page-dialog';
import { useCloneToken } from '../actions/use-clone-token';

interface DrawerTokenActionsProps {
  token: Authorization;
  onDeleted: () => void;
  onDeletingChange: (deleting: boolean) => void;
}

export function DrawerTokenActions({ token, onDeleted, onDeletingChange }: DrawerTokenActionsProps) {
  const { open, preload } = usePageDialog();
  const { clone, isPending } = useCloneToken();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const preloadDialogs = () => preload('rotate', 'new-token');
  return (
    <div className="drawer-actions" onPointerEnter={preloadDialogs} onFocus={preloadDialogs}>
      <button type="button" className="btn btn--small" onClick={() => open({ kind: 'rotate', token })}>
        <RotateCw />
        Rotate
      </button>
      <button type="button" className="btn btn--small" onClick={() => clone(token)} disabled={isPending}>
        <CopyPlus />
        {isPending ? 'Cloning…' : 'Clone'}
      </button>
      <button type="button" className="btn btn--small drawer-actions__delete" onClick={() => setConfirmDelete(true)}>
        <Trash />
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
