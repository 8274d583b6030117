// The one guard on every path that switches a token off or deletes tokens in bulk (the drawer's switch, a row's menu,
// Rotate's last step, the bulk bar): the page's own token is never switched off without asking first, and a bulk
// Deactivate or Delete leaves it out unless the person ticks it in on purpose.
import type { Authorization } from '../../../../core/influx-types';
import type { BulkAction } from '../model/bulk-plan';
import { useOwnTokenId } from '../own-token/own-token-context';
import { usePageDialog } from './page-dialog';

export function useOwnTokenGuard() {
  const ownId = useOwnTokenId();
  const { open } = usePageDialog();
  return {
    /** Runs `proceed` at once, or once the person confirms that the page's own token goes off. */
    switchOff(token: Authorization, proceed: () => void) {
      if (token.id === ownId) open({ kind: 'own-off', token, proceed });
      else proceed();
    },
    /** Opens the bulk dialog for these tokens, asking first when the page's own token is among them. */
    bulk(action: BulkAction, tokens: Authorization[]) {
      const own = tokens.find((token) => token.id === ownId);
      if (own && action !== 'activate') open({ kind: 'bulk-with-own', action, tokens, own });
      else open({ kind: 'bulk', action, tokens });
    },
  };
}
