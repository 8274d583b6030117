// What Rotate creates: a new token with the same permissions and owner as an existing one. (Clone asks first, in
// create/clone-token-dialog.tsx, where the owner and the copy's status can be changed.)
import type { Authorization, AuthorizationCreate } from '../../../../core/influx-types';
import { clonedPermissions } from '../model/new-token-permissions';

/** A new token with the same permissions and owner as `token`. */
export function sameAccessAs(token: Authorization, description: string): AuthorizationCreate {
  return { orgID: token.orgID, userID: token.userID, description, permissions: clonedPermissions(token.permissions) };
}
