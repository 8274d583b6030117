// What the list page hands to the drawer route rendered inside it.
import { useOutletContext } from 'react-router';
import type { Authorization } from '../../../../core/influx-types';

export interface TokensOutletContext {
  orgID: string;
  /** Asks the list to focus this token's description button (Radix cannot: the row may be virtualized away). */
  onDrawerClosed: (id: string) => void;
  /** Shows a just-created token's string once (after a clone in the drawer). */
  showNewToken: (token: Authorization, origin: 'created' | 'cloned') => void;
  /** Starts Rotate for this token (the page holds the dialogs, so they outlive the drawer). */
  rotateToken: (token: Authorization) => void;
}

export function useTokensOutletContext(): TokensOutletContext {
  return useOutletContext<TokensOutletContext>();
}
