// The row's "⋮" menu: Clone and Delete, which the page carries out (the row may scroll out of the DOM).
import { memo } from 'react';
import { MoreIcon } from '../../../components/ui/icons';
import { Menu } from '../../../components/ui/menu';

export type RowAction = 'clone' | 'delete';

interface TokenRowActionsProps {
  id: string;
  label: string;
  onAction: (action: RowAction, id: string) => void;
}

export const TokenRowActions = memo(function TokenRowActions({ id, label, onAction }: TokenRowActionsProps) {
  return (
    <Menu
      align="end"
      label={`Actions for ${label}`}
      trigger={
        <button type="button" className="icon-btn" aria-label={`Actions for ${label}`} data-row-actions={id}>
          <MoreIcon />
        </button>
      }
      items={[
        { label: 'Clone', hint: 'A new token with the same permissions', onSelect: () => onAction('clone', id) },
        { label: 'Delete', tone: 'danger', onSelect: () => onAction('delete', id) },
      ]}
    />
  );
});
