// GET /api/v2/me, /api/v2/users and /api/v2/users/{userID}, as tenant/http_server_user.go and
// middleware_user_auth.go answer them.
import type { FastifyInstance } from 'fastify';
import type { StandinContext } from './context';
import { notFound } from './errors';
import { decodeFindOptions } from './find-options';
import { parseId } from './ids';
import { pageById } from './kv-scans';
import { callerMay, requirePermission, resourcePermission } from './permissions';
import { authenticateHook, callerOf, queryParam, sendJson } from './replies';
import type { UserRow } from './store';
import { userJson } from './tenant-json';

/** AuthorizeReadResource(users, id): read:users/<id>. An org-scoped read:orgs/X/users does not match it. */
const readUser = (id: string) => resourcePermission('read', 'users', id);

export function registerUserRoutes(app: FastifyInstance, ctx: StandinContext): void {
  const onRequest = authenticateHook(ctx);
  const userOrFail = (user: UserRow | undefined): UserRow => {
    if (!user) throw notFound('user not found');
    return user;
  };

  // FindUserByID through the authorizing service: the read check on the caller's own user comes first.
  app.get('/api/v2/me', { onRequest }, async (request, reply) => {
    const caller = callerOf(request);
    requirePermission(caller, readUser(caller.userID));
    return sendJson(reply, 200, userJson(userOrFail(ctx.catalog.user(caller.userID))));
  });

  // An id (preferred) or a name picks one user, unpaged, 404 when unknown; otherwise a page by ID. Then the
  // page is filtered to what the caller may read: 200 and maybe empty, never 401.
  app.get('/api/v2/users', { onRequest }, async (request, reply) => {
    const options = decodeFindOptions(request);
    const idText = queryParam(request, 'id');
    const id = idText === '' ? undefined : parseId(idText);
    const name = queryParam(request, 'name');
    let users: UserRow[];
    if (id !== undefined) users = [userOrFail(ctx.catalog.user(id))];
    else if (name !== '') users = [userOrFail(ctx.catalog.userByName(name))];
    else users = pageById(ctx.catalog.users(), options);
    const caller = callerOf(request);
    const visible = users.filter((u) => callerMay(caller, readUser(u.id)));
    return sendJson(reply, 200, { links: { self: '/api/v2/users' }, users: visible.map(userJson) });
  });

  app.get('/api/v2/users/:userID', { onRequest }, async (request, reply) => {
    const id = parseId((request.params as { userID: string }).userID);
    requirePermission(callerOf(request), readUser(id));
    return sendJson(reply, 200, userJson(userOrFail(ctx.catalog.user(id))));
  });
}
