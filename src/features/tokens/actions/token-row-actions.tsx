// The row's "⋮" menu: Deactivate (or Activate), Rotate, Clone and Delete. Each item calls its action itself; the
// dialogs they open belong to the page, so they stay open when the row scrolls out of the DOM.
import { memo } from 'react';
import { EllipsisVertical } from 'lucide-react';
import { Menu } from '../../../components/ui/menu';
import type { Authorization } from '../../../../core/influx-types';
import { tokenLabel } from '../../../lib/token-label';
import { usePageDialog } from './page-dialog';
import { useOwnTokenGuard } from './use-own-token-guard';
import { useSetTokenStatus } from './use-set-token-status';

export const TokenRowActions = memo(function TokenRowActions({ token }: { token: Authorization }) {
  const { open, preload } = usePageDialog();
  const guard = useOwnTokenGuard();
  const setStatus = useSetTokenStatus();
  const label = tokenLabel(token.description);
  return (
    <Menu
      onReach={() => preload('rotate', 'clone', 'delete', 'new-token', 'own-off')}
      label={`Actions for ${label}`}
      trigger={
        <button type="button" className="icon-btn" aria-label={`Actions for ${label}`} data-row-actions={token.id}>
          <EllipsisVertical />
        </button>
      }
      items={[
        token.status === 'active'
          ? {
              label: 'Deactivate',
              hint: 'InfluxDB refuses it at once (Undo follows)',
              onSelect: () => guard.switchOff(token, () => setStatus(token.id, 'inactive')),
            }
          : {
              label: 'Activate',
              hint: 'InfluxDB accepts it again at once',
              onSelect: () => setStatus(token.id, 'active'),
            },
        {
          label: 'Rotate',
          hint: 'A new token with the same access, then this one off',
          onSelect: () => open({ kind: 'rotate', token }),
        },
        {
          label: 'Clone',
          hint: 'A new token with the same permissions',
          onSelect: () => open({ kind: 'clone', token }),
        },
        { label: 'Delete', tone: 'danger', onSelect: () => open({ kind: 'delete', token }) },
      ]}
    />
  );
});
