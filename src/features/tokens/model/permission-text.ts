// A permission in words, naming what it reaches by name and ID: "read bucket telemetry (0c2d…) in my-org (0a1b…)".
// Used by the export and by the list's permission summary tooltip.
import type { Permission } from '../../../../core/influx-types';
import { resourceNoun } from './resource-names';

function named(name: string | undefined, id: string): string {
  return name ? `${name} (${id})` : id;
}

/** Names an org by ID when the permission itself does not (e.g. the token's own org). */
export type OrgNames = (orgID: string) => string | undefined;

/** Where a permission reaches, without its action: "bucket telemetry (0c2d…) in my-org (0a1b…)". */
export function permissionTarget(permission: Permission, orgNames?: OrgNames): string {
  const { type, id, name, orgID } = permission.resource;
  const org = permission.resource.org || (orgID ? orgNames?.(orgID) : undefined);
  const where = orgID ? ` in ${named(org, orgID)}` : '';
  if (id) return `${resourceNoun(type, 1)} ${named(name, id)}${where}`;
  return `all ${resourceNoun(type, 2)}${orgID ? where : ' in every organization'}`;
}

export function permissionText(permission: Permission, orgNames?: OrgNames): string {
  return `${permission.action} ${permissionTarget(permission, orgNames)}`;
}
