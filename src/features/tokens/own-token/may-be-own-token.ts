// Where the page cannot tell which token it runs on: the tokens that could be it. The page's token works (else the
// page would be locked out), so it is active; it belongs to the signed-in user (when InfluxDB names that user); and
// only a token that may write authorizations across its org (or every org) can switch itself off from this page.
import type { Authorization } from '../../../../core/influx-types';
import { hasPermission } from '../model/permission-match';

export function mayBeOwnToken(token: Authorization, userID: string | undefined): boolean {
  return (
    token.status === 'active' &&
    (userID === undefined || token.userID === userID) &&
    hasPermission(token.permissions, { action: 'write', resource: { type: 'authorizations', orgID: token.orgID } })
  );
}
