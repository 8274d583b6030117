// The authorization operations with the real server's permission checks, in its order
// (authorization/middleware_auth.go), independent of HTTP.
import { nowRfc3339 } from './clock';
import type { StandinContext } from './context';
import { authorizationNotFound, forbidden, invalid, notFound, orgNameNotFound } from './errors';
import { storeNewAuthorization } from './new-authorization';
import { callerMay, requirePermission, resourcePermission, type Caller } from './permissions';
import type { CreateRequest, UpdateRequest } from './request-bodies';
import { AUTH, type AuthTuple } from './store';
import { permissionString } from '../../core/permissions';

const readAuth = (row: AuthTuple) => resourcePermission('read', 'authorizations', row[AUTH.id], row[AUTH.orgID]);
const writeAuth = (row: AuthTuple) => resourcePermission('write', 'authorizations', row[AUTH.id], row[AUTH.orgID]);
const readUser = (userID: string) => resourcePermission('read', 'users', userID);
const writeUser = (userID: string) => resourcePermission('write', 'users', userID);

/** List/get rule: read on the authorization and read on its user. */
export function callerMayRead(caller: Caller, id: string, orgID: string, userID: string): boolean {
  return (
    callerMay(caller, resourcePermission('read', 'authorizations', id, orgID)) && callerMay(caller, readUser(userID))
  );
}

function requireRead(caller: Caller, row: AuthTuple): void {
  requirePermission(caller, readAuth(row));
  requirePermission(caller, readUser(row[AUTH.userID]));
}

function requireWrite(caller: Caller, row: AuthTuple): void {
  requirePermission(caller, writeAuth(row));
  requirePermission(caller, writeUser(row[AUTH.userID]));
}

function findOrThrow(ctx: StandinContext, id: string): AuthTuple {
  const row = ctx.store.authorizationById(id);
  if (!row) throw authorizationNotFound();
  return row;
}

export function getAuthorization(ctx: StandinContext, caller: Caller, id: string): AuthTuple {
  const row = findOrThrow(ctx, id);
  requireRead(caller, row);
  return row;
}

export interface ListFilter {
  id?: string;
  userID?: string;
  user?: string;
  orgID?: string;
  org?: string;
}

/**
 * Resolves names to IDs as the real handler does (404 for an unknown user or org name; userID beats user,
 * orgID beats org). An id filter looks up that one authorization (404 if unknown) and, as in the real
 * service, makes the other filters irrelevant.
 */
export function resolveListFilter(
  ctx: StandinContext,
  filter: ListFilter,
): { row?: AuthTuple; userID?: string; orgID?: string } {
  let { userID, orgID } = filter;
  if (userID === undefined && filter.user !== undefined) {
    userID = ctx.catalog.userByName(filter.user)?.id;
    if (userID === undefined) throw notFound('user not found');
  }
  if (orgID === undefined && filter.org !== undefined) {
    orgID = ctx.catalog.orgByName(filter.org)?.id;
    if (orgID === undefined) throw orgNameNotFound(filter.org);
  }
  if (filter.id !== undefined) return { row: findOrThrow(ctx, filter.id) };
  return { ...(userID !== undefined && { userID }), ...(orgID !== undefined && { orgID }) };
}

/** Creates the authorization; returns the stored row and the token string (never stored, shown once). */
export function createAuthorization(
  ctx: StandinContext,
  caller: Caller,
  request: CreateRequest,
): { row: AuthTuple; token: string } {
  const { orgID, permissions } = request;
  const userID = request.userID ?? caller.userID;
  requirePermission(caller, resourcePermission('write', 'authorizations', undefined, orgID));
  requirePermission(caller, writeUser(userID));
  for (const p of permissions) {
    // Nobody may hand out more than they hold; `instance` is never grantable through the API.
    // VerifyPermissions wraps IsAllowed's error: "permission <p> is not allowed: <p> is unauthorized".
    if (p.resource.type === 'instance' || !callerMay(caller, p)) {
      const perm = permissionString(p);
      throw forbidden(`permission ${perm} is not allowed: ${perm} is unauthorized`);
    }
  }
  for (const p of permissions) {
    if (p.resource.orgID !== undefined && p.resource.orgID !== orgID) {
      throw invalid(`permission ${permissionString(p)} is not for org id ${orgID}`);
    }
  }
  if (!ctx.catalog.user(userID)) throw invalid(`unable to create token: user ${userID} not found`);
  if (!ctx.catalog.org(orgID)) throw invalid(`unable to create token: organization ${orgID} not found`);

  return storeNewAuthorization(ctx.store, {
    status: request.status,
    description: request.description,
    orgID,
    userID,
    permissions,
  });
}

/** PATCH: the reads of a GET, then write on the authorization and its user. updatedAt moves even for `{}`. */
export function updateAuthorization(ctx: StandinContext, caller: Caller, id: string, update: UpdateRequest): AuthTuple {
  const row = findOrThrow(ctx, id);
  requireRead(caller, row);
  requireWrite(caller, row);
  const { status } = update;
  if (status === 'unknown') throw invalid('encodeAuthorization: unknown authorization status');
  const updated = ctx.store.updateAuthorization(id, { ...update, status }, nowRfc3339());
  if (!updated) throw authorizationNotFound();
  return updated;
}

export function deleteAuthorization(ctx: StandinContext, caller: Caller, id: string): void {
  const row = findOrThrow(ctx, id);
  requireWrite(caller, row);
  if (!ctx.store.deleteAuthorization(id)) throw authorizationNotFound();
  ctx.renderer.forgetRow(row[AUTH.seq]);
}
