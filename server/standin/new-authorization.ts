// Stores a new authorization with a fresh ID and token; only the token's hash is written.
import type { AuthorizationStatus } from '../../core/influx-types';
import { nowRfc3339 } from './clock';
import { newId } from './ids';
import type { StoredPermission } from './permissions';
import type { AuthTuple, StandinStore } from './store';
import { hashToken, newToken } from './tokens';

export interface AuthorizationFields {
  status: AuthorizationStatus;
  description: string;
  orgID: string;
  userID: string;
  permissions: StoredPermission[] | string;
}

const MAX_ATTEMPTS = 3;

/** Inserts (committing unless inside a transaction) and returns the row plus the token string, shown once. */
export function storeNewAuthorization(
  store: StandinStore,
  fields: AuthorizationFields,
): { row: AuthTuple; token: string } {
  const permissions = typeof fields.permissions === 'string' ? fields.permissions : JSON.stringify(fields.permissions);
  for (let attempt = 1; ; attempt++) {
    const now = nowRfc3339();
    const token = newToken();
    try {
      const row = store.insertAuthorization({
        id: newId(),
        tokenHash: hashToken(token),
        status: fields.status,
        description: fields.description,
        orgID: fields.orgID,
        userID: fields.userID,
        createdAt: now,
        updatedAt: now,
        permissions,
      });
      return { row, token };
    } catch (error) {
      // An ID made in the same millisecond by another process (e.g. seed) collided: draw again.
      const code = (error as { code?: string }).code;
      if (code !== 'SQLITE_CONSTRAINT_UNIQUE' || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
