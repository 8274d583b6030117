// The one guard on every path that switches a token off or deletes tokens in bulk (the drawer's switch, a row's menu,
// Rotate's last step, the bulk bar): the page's own token is never switched off without asking first, and a bulk
// Deactivate or Delete leaves it out unless the person ticks it in on purpose. Where the page cannot tell which
// token it runs on, switching off one that may be it asks first too.
import type { Authorization } from '../../../../core/influx-types';
import type { BulkAction } from '../model/bulk-plan';
import { useOwnTokenMatch } from '../own-token/own-token-context';
import { usePageDialog } from './page-dialog';

export function useOwnTokenGuard() {
  const match = useOwnTokenMatch();
  const { open } = usePageDialog();
  return {
    /** Runs `proceed` at once, or once the person confirms that the page's own token (or one that may be) goes off. */
    switchOff(token: Authorization, proceed: () => void) {
      if (match(token)) open({ kind: 'own-off', token, proceed });
      else proceed();
    },
    /** Opens the bulk dialog for these tokens, asking first when the page's own token (or one that may be) is among them. */
    bulk(action: BulkAction, tokens: Authorization[]) {
      if (action === 'activate') return open({ kind: 'bulk', action, tokens });
      const own = tokens.find((token) => match(token) === 'own');
      const candidates = tokens.filter((token) => match(token) === 'maybe');
      if (own) open({ kind: 'bulk-with-own', action, tokens, own });
      else if (candidates.length > 0) open({ kind: 'bulk-maybe-own', action, tokens, candidates });
      else open({ kind: 'bulk', action, tokens });
    },
  };
}
