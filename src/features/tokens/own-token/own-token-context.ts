// The ID of the token the page runs on (null where it cannot be known), for rows, drawer and dialogs.
import { createContext, useContext } from 'react';

export const OwnTokenIdContext = createContext<string | null>(null);

export function useOwnTokenId(): string | null {
  return useContext(OwnTokenIdContext);
}
