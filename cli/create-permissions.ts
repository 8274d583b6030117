// The permissions `auth create` asks for, built the way `influx auth create` builds them.
import { OSS_RESOURCE_TYPES, type Permission, type PermissionAction, type ResourceType } from '../core/influx-types';
import { grantableTypes } from '../core/permissions';

/** Types that get --read-<type>/--write-<type> flags: OSS accepts `instance` only at setup. */
export const GRANTABLE_TYPES = grantableTypes(OSS_RESOURCE_TYPES);
export type GrantableType = (typeof GRANTABLE_TYPES)[number];

export interface PermissionRequest {
  orgID: string;
  readBuckets: readonly string[];
  writeBuckets: readonly string[];
  /** Types given as --read-<type> / --write-<type>. */
  readTypes: readonly GrantableType[];
  writeTypes: readonly GrantableType[];
}

export function resource(type: ResourceType, orgID: string, id?: string): Permission['resource'] {
  // orgs and users live outside any org, so influx never scopes them by orgID.
  const scoped = type !== 'orgs' && type !== 'users';
  return { type, ...(id ? { id } : {}), ...(scoped ? { orgID } : {}) };
}

export function requestedPermissions(request: PermissionRequest): Permission[] {
  const permissions: Permission[] = [];
  const add = (action: PermissionAction, type: ResourceType, id?: string) =>
    permissions.push({ action, resource: resource(type, request.orgID, id) });
  request.readBuckets.forEach((id) => add('read', 'buckets', id));
  request.writeBuckets.forEach((id) => add('write', 'buckets', id));
  for (const type of GRANTABLE_TYPES) {
    if (request.readTypes.includes(type)) add('read', type);
    if (request.writeTypes.includes(type)) add('write', type);
  }
  return permissions;
}
