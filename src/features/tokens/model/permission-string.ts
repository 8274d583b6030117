// A permission as InfluxDB's Permission.String() writes it: "read:orgs/<orgID>/buckets/<id>",
// "write:users/<id>", "read:buckets" (unscoped). Used by the export and the permission filter's URL.
import type { Permission } from '../../../../core/influx-types';

export function permissionString(permission: Permission): string {
  const { type, id, orgID } = permission.resource;
  let path: string = type;
  if (orgID && id) path = `orgs/${orgID}/${type}/${id}`;
  else if (orgID) path = `orgs/${orgID}/${type}`;
  else if (id) path = `${type}/${id}`;
  return `${permission.action}:${path}`;
}
