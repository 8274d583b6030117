// Rotate, Clone and Delete in the token's drawer: the same dialogs as a row's menu opens. Delete asks inside the drawer,
// and once the token is gone the drawer closes (saying which row was beside it, for focus to go there).
import { useState } from 'react';
import { CopyPlus, RotateCw, Trash } from 'lucide-react';
import type { Authorization } from '../../../../core/influx-types';
import { DeleteTokenDialog } from '../actions/delete-token-dialog';
import { usePageDialog } from '../actions/page-dialog';

interface DrawerTokenActionsProps {
  token: Authorization;
  /** `neighbour`: the token whose row was beside this one's in the list, if it was on screen. */
  onDeleted: (neighbour: string | null) => void;
  onDeletingChange: (deleting: boolean) => void;
}

export function DrawerTokenActions({ token, onDeleted, onDeletingChange }: DrawerTokenActionsProps) {
  const { open, preload } = usePageDialog();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const preloadDialogs = () => preload('rotate', 'clone');
  return (
    <div className="drawer-actions" onPointerEnter={preloadDialogs} onFocus={preloadDialogs}>
      <button type="button" className="btn btn--small" onClick={() => open({ kind: 'rotate', token })}>
        <RotateCw />
        Rotate
      </button>
      <button type="button" className="btn btn--small" onClick={() => open({ kind: 'clone', token })}>
        <CopyPlus />
        Clone
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
