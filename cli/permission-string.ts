// Permissions as `influx auth list` prints them: "read:orgs/<orgID>/buckets/<id>" or "write:/users/<id>".
import type { Permission } from '../core/influx-types';

export function formatPermission(permission: Permission): string {
  const { type, id, orgID } = permission.resource;
  const scope = orgID ? `orgs/${orgID}` : '';
  return `${permission.action}:${scope}/${type}${id ? `/${id}` : ''}`;
}

/** The bracketed, space-separated list influx prints in its Permissions column. */
export function formatPermissionList(permissions: readonly Permission[]): string {
  return `[${permissions.map(formatPermission).join(' ')}]`;
}
