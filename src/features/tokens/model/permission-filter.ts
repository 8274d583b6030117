// "Who can do what": the list filter by permission, as it lives in the URL (`perm=write:buckets`,
// `perm=write:buckets/<bucketID>`, `perm=any:dashboards`, `perm=read:any`).
import type { Authorization, PermissionAction } from '../../../../core/influx-types';
import { hasPermission } from './permission-match';

export type ActionFilter = PermissionAction | 'any';

export interface PermissionFilter {
  action: ActionFilter;
  /** A resource type, or null for any type. */
  type: string | null;
  /** One resource of that type (a bucket), matched with InfluxDB's rules. */
  id?: string;
}

/** Null when the text is absent, malformed or filters nothing (any action on any resource). */
export function parsePermissionFilter(text: string | null): PermissionFilter | null {
  if (!text) return null;
  const match = /^(read|write|any):([a-zA-Z]+)(?:\/([0-9a-fA-F]{16}))?$/.exec(text.trim());
  if (!match) return null;
  const action = match[1] as ActionFilter;
  const type = match[2] === 'any' ? null : match[2]!;
  const id = match[3]?.toLowerCase();
  if (type === null && (id || action === 'any')) return null;
  return id ? { action, type, id } : { action, type };
}

export function formatPermissionFilter(filter: PermissionFilter): string {
  return `${filter.action}:${filter.type ?? 'any'}${filter.id ? `/${filter.id}` : ''}`;
}

const ACTIONS: Record<ActionFilter, readonly PermissionAction[]> = {
  read: ['read'],
  write: ['write'],
  any: ['read', 'write'],
};

/**
 * Does the token hold the filtered permission? For one resource (a bucket), InfluxDB's matching decides:
 * an unscoped or org-wide grant covers it, so an all-access token can write every bucket of its org.
 * For a type, or any type, the token must hold the action on at least one resource of it.
 * The resource's org is taken to be the token's: the list shows one org, and InfluxDB refuses
 * permissions for another org than the token's own.
 */
export function tokenMatchesPermissionFilter(token: Authorization, filter: PermissionFilter): boolean {
  const actions = ACTIONS[filter.action];
  if (filter.type !== null && filter.id) {
    const resource = { type: filter.type, id: filter.id, orgID: token.orgID };
    return actions.some((action) => hasPermission(token.permissions, { action, resource }));
  }
  return token.permissions.some(
    (p) =>
      actions.includes(p.action) &&
      (filter.type === null || p.resource.type === filter.type || p.resource.type === 'instance'),
  );
}
