// The permissions a new token asks for in the Custom dialog, and a clone's (all access: core/permissions.ts).
import type { Permission, PermissionAction, ResourceType } from '../../../../core/influx-types';

const ACTIONS: readonly PermissionAction[] = ['read', 'write'];

/** What the Custom dialog holds: chosen actions per resource type, and per bucket ID. */
export interface CustomChoices {
  types: Record<string, Partial<Record<PermissionAction, boolean>>>;
  buckets: Record<string, Partial<Record<PermissionAction, boolean>>>;
}

export const NO_CHOICES: CustomChoices = { types: {}, buckets: {} };

/**
 * Every chosen permission, org-scoped like the InfluxDB UI's custom tokens. A bucket chosen one by one
 * is left out for an action already granted on all buckets (it would add nothing).
 */
export function customPermissions(choices: CustomChoices, orgID: string): Permission[] {
  const permissions: Permission[] = [];
  for (const [type, actions] of Object.entries(choices.types)) {
    for (const action of ACTIONS) {
      if (actions[action]) permissions.push({ action, resource: { type: type as ResourceType, orgID } });
    }
  }
  for (const [id, actions] of Object.entries(choices.buckets)) {
    for (const action of ACTIONS) {
      if (actions[action] && !choices.types.buckets?.[action])
        permissions.push({ action, resource: { type: 'buckets', id, orgID } });
    }
  }
  return permissions;
}

/** The same permissions for a clone: only what identifies a resource (names are looked up by the server). */
export function clonedPermissions(permissions: readonly Permission[]): Permission[] {
  return permissions.map(({ action, resource: { type, id, orgID } }) => ({
    action,
    resource: { type, ...(id ? { id } : {}), ...(orgID ? { orgID } : {}) },
  }));
}
