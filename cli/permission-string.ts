// Permissions as `influx auth list` prints them: InfluxDB's permission string, except that a resource outside
// any org starts with a slash ("write:/users/<id>", "read:/buckets"); in an org: "read:orgs/<orgID>/buckets/<id>".
import type { Permission } from '../core/influx-types';
import { resourcePath } from '../core/permissions';

export function formatPermission(permission: Permission): string {
  return `${permission.action}:${permission.resource.orgID ? '' : '/'}${resourcePath(permission.resource)}`;
}

/** The bracketed, space-separated list influx prints in its Permissions column. */
export function formatPermissionList(permissions: readonly Permission[]): string {
  return `[${permissions.map(formatPermission).join(' ')}]`;
}
