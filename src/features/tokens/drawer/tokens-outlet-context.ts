// What the list page hands to the drawer route rendered inside it.
import { useOutletContext } from 'react-router';

export interface TokensOutletContext {
  orgID: string;
  /** Asks the list to focus this token's description button (Radix cannot: the row may be virtualized away). */
  onDrawerClosed: (id: string) => void;
}

export function useTokensOutletContext(): TokensOutletContext {
  return useOutletContext<TokensOutletContext>();
}
