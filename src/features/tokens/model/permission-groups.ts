// Groups a token's permissions by resource type for the drawer, merging read and write on the same target.
import type { Permission, PermissionAction } from '../../../../core/influx-types';
import { resourceNoun, resourceTitle } from './resource-names';

export interface PermissionEntry {
  key: string;
  /** What the permission reaches, e.g. "all buckets in my-org" or "bucket “telemetry”". */
  scope: string;
  /** The resource ID when the permission names one resource. */
  id?: string;
  actions: PermissionAction[];
}

export interface PermissionGroup {
  type: string;
  title: string;
  entries: PermissionEntry[];
}

function scopeOf(p: Permission): string {
  const { type, id, name, orgID, org } = p.resource;
  if (id) return `${resourceNoun(type, 1)} “${name ?? id}”`;
  if (orgID) return `all ${resourceNoun(type, 2)} in ${org ?? orgID}`;
  return `all ${resourceNoun(type, 2)} in every organization`;
}

function matches(p: Permission, needle: string): boolean {
  if (!needle) return true;
  const { type, id, name, org, orgID } = p.resource;
  const haystack = [p.action, type, resourceTitle(type), id, name, org, orgID].filter(Boolean).join(' ').toLowerCase();
  return haystack.includes(needle);
}

export function groupPermissions(permissions: Permission[], filter = ''): PermissionGroup[] {
  const needle = filter.trim().toLowerCase();
  const groups = new Map<string, PermissionGroup>();
  const entries = new Map<string, PermissionEntry>();
  for (const p of permissions) {
    if (!matches(p, needle)) continue;
    const { type } = p.resource;
    let group = groups.get(type);
    if (!group) {
      group = { type, title: resourceTitle(type), entries: [] };
      groups.set(type, group);
    }
    const key = `${type}/${p.resource.orgID ?? ''}/${p.resource.id ?? ''}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = { key, scope: scopeOf(p), id: p.resource.id, actions: [] };
      entries.set(key, entry);
      group.entries.push(entry);
    }
    if (!entry.actions.includes(p.action)) entry.actions.push(p.action);
  }
  for (const entry of entries.values()) entry.actions.sort();
  return [...groups.values()].sort((a, b) => a.title.localeCompare(b.title));
}
