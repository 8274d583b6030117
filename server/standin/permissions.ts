// Permissions as InfluxDB 2.x models them: an action on a resource type, optionally scoped to an org
// and/or one resource, and the matching rules of influxdb.Permission.Matches.
import { OSS_RESOURCE_TYPES } from '../../core/influx-types';
import { grantableTypes, permissionString } from '../../core/permissions';
import { unauthorized, tokenInactive } from './errors';

export type Action = 'read' | 'write';
export const ACTIONS: readonly Action[] = ['read', 'write'];

/** A permission as stored: only type, id and orgID (names are looked up when answering). */
export interface StoredPermission {
  action: Action;
  resource: { type: string; id?: string; orgID?: string };
}

export const OSS_TYPES: ReadonlySet<string> = new Set(OSS_RESOURCE_TYPES);
/** Types the contract lists but only InfluxDB Cloud accepts. */
export const CLOUD_ONLY_TYPES: ReadonlySet<string> = new Set(['flows', 'functions', 'subscriptions']);
/** Every grantable type: the OSS list less `instance`, which only the setup user's session holds. */
export const GRANTABLE_TYPES = grantableTypes(OSS_RESOURCE_TYPES);

const EMPTY: ReadonlySet<string> = new Set();

interface TypeGrants {
  unscoped: boolean;
  orgIDs: Set<string>;
  ids: Set<string>;
}

/**
 * The permissions one token holds, indexed for fast checks. Semantics of Permission.Matches:
 * no id and no orgID matches every resource of the type; orgID alone matches resources in that org;
 * an id matches that resource; `instance` matches everything for its action.
 */
export class PermissionSet {
  private readonly grants: Record<Action, Map<string, TypeGrants>> = { read: new Map(), write: new Map() };
  private readonly instance = new Set<Action>();

  constructor(permissions: readonly StoredPermission[]) {
    for (const p of permissions) {
      if (p.resource.type === 'instance') {
        this.instance.add(p.action);
        continue;
      }
      const byType = this.grants[p.action];
      let grants = byType.get(p.resource.type);
      if (!grants) {
        grants = { unscoped: false, orgIDs: new Set(), ids: new Set() };
        byType.set(p.resource.type, grants);
      }
      const { id, orgID } = p.resource;
      if (id !== undefined) grants.ids.add(id);
      else if (orgID !== undefined) grants.orgIDs.add(orgID);
      else grants.unscoped = true;
    }
  }

  /** True when every resource of the type is allowed (unscoped or instance): lets lists skip per-row checks. */
  allowsEvery(action: Action, type: string): boolean {
    return this.instance.has(action) || this.grants[action].get(type)?.unscoped === true;
  }

  /** The resource ids granted one by one for this action and type (e.g. the users a token may read). */
  idsFor(action: Action, type: string): ReadonlySet<string> {
    return this.grants[action].get(type)?.ids ?? EMPTY;
  }

  allows(wanted: StoredPermission): boolean {
    if (this.instance.has(wanted.action)) return true;
    const grants = this.grants[wanted.action].get(wanted.resource.type);
    if (!grants) return false;
    if (grants.unscoped) return true;
    const { id, orgID } = wanted.resource;
    return (orgID !== undefined && grants.orgIDs.has(orgID)) || (id !== undefined && grants.ids.has(id));
  }
}

/** The authenticated token behind a request. */
export interface Caller {
  authID: string;
  userID: string;
  orgID: string;
  active: boolean;
  permissions: PermissionSet;
}

/** May the caller do this? Inactive tokens may do nothing that is checked. */
export function callerMay(caller: Caller, wanted: StoredPermission): boolean {
  return caller.active && caller.permissions.allows(wanted);
}

/** Throws 401 like authorizer.IsAllowed: "token is inactive" or "<permission> is unauthorized". */
export function requirePermission(caller: Caller, wanted: StoredPermission): void {
  if (!caller.active) throw tokenInactive();
  if (!caller.permissions.allows(wanted)) throw unauthorized(`${permissionString(wanted)} is unauthorized`);
}

export const resourcePermission = (action: Action, type: string, id?: string, orgID?: string): StoredPermission => ({
  action,
  resource: { type, ...(id !== undefined && { id }), ...(orgID !== undefined && { orgID }) },
});

/** The setup user's operator token: read and write on every type, unscoped (OperPermissions). */
export function operatorPermissions(): StoredPermission[] {
  return GRANTABLE_TYPES.flatMap((type) => ACTIONS.map((action) => resourcePermission(action, type)));
}

/**
 * An all-access token: read and write on every type within one org, read of the org itself,
 * and read/write of its own user (what the UI and `influx auth create --all-access` grant).
 */
export function allAccessPermissions(orgID: string, userID: string): StoredPermission[] {
  return [
    ...GRANTABLE_TYPES.flatMap((type) => ACTIONS.map((action) => resourcePermission(action, type, undefined, orgID))),
    resourcePermission('read', 'orgs', orgID),
    ...ACTIONS.map((action) => resourcePermission(action, 'users', userID)),
  ];
}
