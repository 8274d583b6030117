// The row's "⋮" menu: Deactivate (or Activate), Rotate, Clone and Delete, which the page carries out
// (the row may scroll out of the DOM).
import { memo } from 'react';
import { MoreIcon } from '../../../components/ui/icons';
import { Menu } from '../../../components/ui/menu';
import { preloadRowActions } from '../dialogs-on-demand';
import type { AuthorizationStatus } from '../../../../core/influx-types';

export type RowAction = 'activate' | 'deactivate' | 'rotate' | 'clone' | 'delete';

interface TokenRowActionsProps {
  id: string;
  label: string;
  status: AuthorizationStatus;
  onAction: (action: RowAction, id: string) => void;
}

export const TokenRowActions = memo(function TokenRowActions({ id, label, status, onAction }: TokenRowActionsProps) {
  return (
    <Menu
      align="end"
      onReach={preloadRowActions}
      label={`Actions for ${label}`}
      trigger={
        <button type="button" className="icon-btn" aria-label={`Actions for ${label}`} data-row-actions={id}>
          <MoreIcon />
        </button>
      }
      items={[
        status === 'active'
          ? {
              label: 'Deactivate',
              hint: 'InfluxDB refuses it at once (Undo follows)',
              onSelect: () => onAction('deactivate', id),
            }
          : { label: 'Activate', hint: 'InfluxDB accepts it again at once', onSelect: () => onAction('activate', id) },
        {
          label: 'Rotate',
          hint: 'A new token with the same access, then this one off',
          onSelect: () => onAction('rotate', id),
        },
        { label: 'Clone', hint: 'A new token with the same permissions', onSelect: () => onAction('clone', id) },
        { label: 'Delete', tone: 'danger', onSelect: () => onAction('delete', id) },
      ]}
    />
  );
});
