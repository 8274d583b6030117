// Which authorization a token string is: the stand-in keeps token hashes, so it can say exactly (for the app
// server, which marks and guards the token its page runs on).
import { AUTH, type StandinStore } from './store';
import { hashToken } from './tokens';

export interface TokenIdentity {
  state: 'active' | 'inactive' | 'refused';
  id?: string;
  description?: string;
  message?: string;
}

export function identifyStandinToken(store: StandinStore, token: string): TokenIdentity {
  const row = store.authorizationByTokenHash(hashToken(token));
  if (!row) return { state: 'refused', message: 'unauthorized access' };
  return {
    state: row[AUTH.status] === 'inactive' ? 'inactive' : 'active',
    id: row[AUTH.id],
    description: row[AUTH.description],
  };
}
