// Prints authorizations the way `influx auth` does: a table, or JSON objects of the same shape as influx's.
import type { Authorization } from '../core/influx-types';
import { tableLines } from '../core/text-table';
import type { CliIo } from './io';
import { formatPermission, formatPermissionList } from './permission-string';

/** The object `influx auth ... --json` prints (influx-cli clients/auth/auth.go, type token). */
export interface PrintedToken {
  id: string;
  description: string;
  token: string;
  status: string;
  userName: string;
  userID: string;
  /** Only with `list --all-orgs`: the token's org, named as InfluxDB names these fields. */
  orgID?: string;
  org?: string;
  permissions: string[];
}

/** Shown instead of the token string when a listed token is the one this command authenticates with. */
export const TOKEN_IN_USE = '(in use, hidden)';

/**
 * Status sits just before Permissions: the first five columns keep influx's order, and the one
 * unbounded column (Permissions) stays last so the others remain readable on a terminal.
 */
const AUTH_HEADERS = ['ID', 'Description', 'Token', 'User Name', 'User ID', 'Status', 'Permissions'] as const;
/** `list --all-orgs` adds the org's name, just before Permissions for the same reason. */
const ORG_HEADER = 'Org';

export interface PrintOptions {
  json?: boolean;
  hideHeaders?: boolean;
  /** Adds influx's `Deleted` column (always true) after the deletion. */
  deleted?: boolean;
  /** The token used for authentication: never printed, even when the server lists it. */
  secretInUse?: string;
  /** Adds each token's org: an `Org` column, or `orgID` and `org` in JSON (`list --all-orgs`). */
  withOrg?: boolean;
}

export function toPrintedToken(auth: Authorization, secretInUse?: string, withOrg = false): PrintedToken {
  return {
    id: auth.id,
    description: auth.description,
    token: isSecretInUse(auth, secretInUse) ? '' : auth.token,
    status: auth.status,
    userName: auth.user,
    userID: auth.userID,
    ...(withOrg && { orgID: auth.orgID, org: auth.org }),
    permissions: auth.permissions.map(formatPermission),
  };
}

export function isSecretInUse(auth: Authorization, secretInUse: string | undefined): boolean {
  return Boolean(secretInUse) && auth.token === secretInUse;
}

export function renderAuthTable(auths: readonly Authorization[], options: PrintOptions = {}): string {
  const headers: string[] = [...AUTH_HEADERS];
  if (options.withOrg) headers.splice(-1, 0, ORG_HEADER);
  if (options.deleted) headers.push('Deleted');
  const rows = auths.map((auth) => {
    const row = [
      auth.id,
      auth.description,
      isSecretInUse(auth, options.secretInUse) ? TOKEN_IN_USE : auth.token,
      auth.user,
      auth.userID,
      auth.status,
      ...(options.withOrg ? [auth.org] : []),
      formatPermissionList(auth.permissions),
    ];
    if (options.deleted) row.push('true');
    return row;
  });
  return tableLines(options.hideHeaders ? rows : [headers, ...rows])
    .map((line) => `${line}\n`)
    .join('');
}

/** One authorization (influx prints a JSON object) or a list (a JSON array). */
export function printAuths(
  io: CliIo,
  auths: Authorization | readonly Authorization[],
  options: PrintOptions = {},
): void {
  const list = Array.isArray(auths) ? auths : [auths as Authorization];
  if (options.json) {
    const printed = list.map((auth) => toPrintedToken(auth, options.secretInUse, options.withOrg));
    // Tab indentation, as influx's encoder uses.
    io.stdout(`${JSON.stringify(Array.isArray(auths) ? printed : printed[0], null, '\t')}\n`);
    return;
  }
  io.stdout(renderAuthTable(list, options));
}
