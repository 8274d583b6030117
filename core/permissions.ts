// The permission rules the page and the CLI share: how InfluxDB writes a permission as text, and which
// permissions an all-access token asks for. How each side shows permissions to people stays with it.
import { OSS_RESOURCE_TYPES, type Permission, type PermissionAction, type ResourceType } from './influx-types';

/** What identifies a permission (names are looked up by the server; the stand-in stores only this). */
export interface PermissionRef {
  action: PermissionAction;
  resource: { type: string; id?: string; orgID?: string };
}

/** Where a permission reaches, as InfluxDB's Resource.String() writes it: "orgs/<orgID>/buckets/<id>", "users/<id>", "buckets". */
export function resourcePath({ type, id, orgID }: PermissionRef['resource']): string {
  const scoped = orgID ? `orgs/${orgID}/${type}` : type;
  return id ? `${scoped}/${id}` : scoped;
}

/** InfluxDB's Permission.String(): "read:orgs/<orgID>/buckets/<id>", "write:users/<id>", "read:buckets". */
export function permissionString(permission: PermissionRef): string {
  return `${permission.action}:${resourcePath(permission.resource)}`;
}

/** The types a token may be granted: the given ones less `instance`, which only the setup token holds. */
export function grantableTypes<T extends string>(types: readonly T[]): Exclude<T, 'instance'>[] {
  return types.filter((type): type is Exclude<T, 'instance'> => type !== 'instance');
}

const ACTIONS: readonly PermissionAction[] = ['read', 'write'];

/**
 * All access, as `influx auth create --all-access` and the page's "All Access API Token" build it: read and
 * write on every grantable type within the org, except that it reads only its own org and reads and writes
 * only its own user (orgs and users live outside any org).
 */
export function allAccessPermissions(types: readonly string[], orgID: string, userID: string): Permission[] {
  const permissions: Permission[] = [];
  for (const type of grantableTypes(types) as ResourceType[]) {
    if (type === 'orgs') permissions.push({ action: 'read', resource: { type, id: orgID } });
    else if (type === 'users')
      ACTIONS.forEach((action) => permissions.push({ action, resource: { type, id: userID } }));
    else ACTIONS.forEach((action) => permissions.push({ action, resource: { type, orgID } }));
  }
  return permissions;
}

const ORG_WIDE_TYPES = new Set<string>(
  OSS_RESOURCE_TYPES.filter((type) => type !== 'instance' && type !== 'orgs' && type !== 'users'),
);
const OPERATOR_TYPES = new Set<string>(OSS_RESOURCE_TYPES.filter((type) => type !== 'instance'));

/** Read and write on the whole of every one of `types`, within `orgID` ('' for every org: no orgID). */
function grantsAll(permissions: readonly Permission[], types: ReadonlySet<string>, orgID: string): boolean {
  // Most tokens hold a few permissions: too few to cover every type, they are answered without a look.
  if (permissions.length < 2 * types.size) return false;
  const granted = new Set<string>();
  for (const { action, resource } of permissions) {
    if (!resource.id && (resource.orgID ?? '') === orgID && types.has(resource.type))
      granted.add(`${action}:${resource.type}`);
  }
  return granted.size === 2 * types.size;
}

/** Read and write on every resource type within one org (the UI's "All Access API Token"). */
export function isAllAccess(permissions: readonly Permission[]): boolean {
  const orgID = permissions.find((p) => p.resource.orgID && !p.resource.id)?.resource.orgID;
  return orgID !== undefined && grantsAll(permissions, ORG_WIDE_TYPES, orgID);
}

/** Read and write on every resource type in every org: the token `influx setup` makes. */
export function isOperator(permissions: readonly Permission[]): boolean {
  return grantsAll(permissions, OPERATOR_TYPES, '');
}
