// InfluxDB's rule for whether a granted permission covers a wanted one (influxdb.Permission.Matches):
// same action; `instance` covers every type; no id and no orgID covers every resource of the type;
// orgID alone covers the resources in that org; an id covers that one resource.
import type { Permission, PermissionAction } from '../../../../core/influx-types';

export interface WantedPermission {
  action: PermissionAction;
  resource: { type: string; id?: string; orgID?: string };
}

export function permissionMatches(granted: Permission, wanted: WantedPermission): boolean {
  if (granted.action !== wanted.action) return false;
  const { type, id, orgID } = granted.resource;
  if (type === 'instance') return true;
  if (type !== wanted.resource.type) return false;
  if (!id && !orgID) return true;
  if (orgID && !id && wanted.resource.orgID === orgID) return true;
  return Boolean(id && wanted.resource.id === id);
}

export function hasPermission(permissions: readonly Permission[], wanted: WantedPermission): boolean {
  return permissions.some((granted) => permissionMatches(granted, wanted));
}
