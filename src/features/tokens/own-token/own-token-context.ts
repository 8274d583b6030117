// The ID of the token the page runs on (null where it cannot be known), for rows, drawer and dialogs; and where it
// cannot be known, what the page does know (the token's user, if InfluxDB said), so it can ask before a token that
// may be it goes off.
import { createContext, useContext } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { mayBeOwnToken } from './may-be-own-token';

export const OwnTokenIdContext = createContext<string | null>(null);

export function useOwnTokenId(): string | null {
  return useContext(OwnTokenIdContext);
}

/** Set only while the page cannot tell which token it runs on: the user that token belongs to, when known. */
export const UnknownOwnTokenContext = createContext<{ userID?: string } | null>(null);

/** 'own': the page's token; 'maybe': the page cannot tell, and this one could be it; null: not the page's token. */
export function useOwnTokenMatch(): (token: Authorization) => 'own' | 'maybe' | null {
  const ownId = useOwnTokenId();
  const unknown = useContext(UnknownOwnTokenContext);
  return (token) => {
    if (token.id === ownId) return 'own';
    return unknown && mayBeOwnToken(token, unknown.userID) ? 'maybe' : null;
  };
}
