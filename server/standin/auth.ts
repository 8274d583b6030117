// Authentication as InfluxDB does it: `Authorization: Token <token>` or `Bearer <token>` (scheme word in
// any case), looked up by the token's SHA-256. Missing, other scheme or unknown: 401 "unauthorized access".
// An inactive token still authenticates; every permission check then fails with "token is inactive".
import { unauthorizedAccess } from './errors';
import { PermissionSet, type Caller, type StoredPermission } from './permissions';
import { AUTH, type StandinStore } from './store';
import { hashToken } from './tokens';

/** The token in an Authorization header, or undefined when there is none in an accepted scheme. */
export function tokenFromHeader(header: string | undefined): string | undefined {
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header ?? '');
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  return scheme === 'token' || scheme === 'bearer' ? match[2] : undefined;
}

export function authenticate(store: StandinStore, header: string | undefined): Caller {
  const token = tokenFromHeader(header);
  if (token === undefined) throw unauthorizedAccess();
  const row = store.authorizationByTokenHash(hashToken(token));
  if (!row) throw unauthorizedAccess();
  return {
    authID: row[AUTH.id],
    userID: row[AUTH.userID],
    orgID: row[AUTH.orgID],
    active: row[AUTH.status] === 'active',
    permissions: new PermissionSet(JSON.parse(store.permissionSet(row[AUTH.permissionSetId])) as StoredPermission[]),
  };
}
