// /api/v2/orgs and what an org links to, as tenant/http_server_org.go, middleware_org_auth.go, the user resource
// mapping handler and the secrets handler answer them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StandinContext } from './context';
import { invalid, notFound, orgNameNotFound } from './errors';
import { InfluxError } from '../influx-error';
import { decodeFindOptions } from './find-options';
import { isValidId, parseId } from './ids';
import { pageInOrder } from './kv-scans';
import { storeNewOrg } from './new-org';
import { callerMay, requirePermission, resourcePermission, type Caller } from './permissions';
import { decodeOrgBody } from './org-body';
import { authenticateHook, callerOf, queryParam, sendJson } from './replies';
import type { OrgRow, UserRow } from './store';
import { orgJson, resourceUsersJson, type MemberRole } from './tenant-json';

const MAX_BOLT_KEY = 32768;

/** AuthorizeReadOrg: read:orgs/<id>. */
export const readOrg = (id: string) => resourcePermission('read', 'orgs', id);

/** kithttp.ValidResource: a malformed ID is "corrupt", and an org the caller may not read is a bare 404. */
export function validResourceId(text: string): string {
  try {
    return parseId(text);
  } catch (error) {
    throw invalid(`corrupt ID provided: ${(error as Error).message}`);
  }
}
export const pageNotFound = () => notFound('404 page not found');

/** What Go's http.NotFound writes: the answer of InfluxDB's org router for a path it does not route. */
function plainNotFound(reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .type('text/plain; charset=utf-8')
    .header('X-Content-Type-Options', 'nosniff')
    .send('404 page not found\n');
}

export function registerOrgRoutes(app: FastifyInstance, ctx: StandinContext): void {
  const onRequest = authenticateHook(ctx);
  const orgIdParam = (request: FastifyRequest) => (request.params as { orgID: string }).orgID;

  /** FindOrganizations: one org by id (preferred) or name, unpaged, or a page of every org, or of one user's. */
  const findOrgs = (request: FastifyRequest, caller: Caller): OrgRow[] => {
    const options = decodeFindOptions(request);
    const name = queryParam(request, 'org');
    // A malformed orgID or userID is ignored, not refused.
    const orgID = isValidId(queryParam(request, 'orgID')) ? queryParam(request, 'orgID').toLowerCase() : undefined;
    let userID = isValidId(queryParam(request, 'userID')) ? queryParam(request, 'userID').toLowerCase() : undefined;
    if (orgID !== undefined) {
      const org = ctx.catalog.org(orgID);
      if (!org) throw notFound('organization not found');
      return [org];
    }
    if (name !== '') {
      const org = ctx.catalog.orgByName(name);
      if (!org) throw orgNameNotFound(name);
      return [org];
    }
    // Without global read:orgs, an unfiltered list is the caller's own orgs.
    if (userID === undefined && !callerMay(caller, resourcePermission('read', 'orgs'))) userID = caller.userID;
    if (userID === undefined) return pageInOrder(ctx.catalog.orgs(), options);
    return pageInOrder(ctx.catalog.membershipsOf(userID), options).flatMap((m) => ctx.catalog.org(m.orgID) ?? []);
  };

  app.get('/api/v2/orgs', { onRequest }, async (request, reply) => {
    const caller = callerOf(request);
    const visible = findOrgs(request, caller).filter((o) => callerMay(caller, readOrg(o.id)));
    return sendJson(reply, 200, { links: { self: '/api/v2/orgs' }, orgs: visible.map(orgJson) });
  });

  // CreateOrganization: body, then write:orgs (global), then the name; the org comes with its system buckets,
  // and its maker as owner.
  app.post('/api/v2/orgs', { onRequest }, async (request, reply) => {
    const body = decodeOrgBody(request.body);
    const caller = callerOf(request);
    requirePermission(caller, resourcePermission('write', 'orgs'));
    if (body.name.trim() === '') throw invalid('org name is empty');
    if (ctx.catalog.orgByName(body.name)) {
      throw new InfluxError('conflict', `organization with name ${body.name} already exists`);
    }
    // bolt refuses index keys over 32 KiB.
    if (Buffer.byteLength(body.name.trim()) > MAX_BOLT_KEY) throw new InfluxError('request too large', 'key too large');
    const org = storeNewOrg(ctx.store, { ...body, ownerID: caller.userID });
    await ctx.store.durable();
    return sendJson(reply, 201, orgJson(org));
  });

  // FindOrganizationByID: the read check comes first, so an unknown id and a forbidden one look alike.
  app.get('/api/v2/orgs/:orgID', { onRequest }, async (request, reply) => {
    const id = parseId(orgIdParam(request));
    requirePermission(callerOf(request), readOrg(id));
    const org = ctx.catalog.org(id);
    if (!org) throw notFound('organization not found');
    return sendJson(reply, 200, orgJson(org));
  });

  /** ValidResource over the authorizing org service: the org, if it exists and the caller may read it. */
  const readableOrg = (request: FastifyRequest): OrgRow => {
    const id = validResourceId(orgIdParam(request));
    const org = ctx.catalog.org(id);
    if (!org || !callerMay(callerOf(request), readOrg(id))) throw pageNotFound();
    return org;
  };

  for (const role of ['member', 'owner'] as const satisfies readonly MemberRole[]) {
    app.get(`/api/v2/orgs/:orgID/${role}s`, { onRequest }, async (request, reply) => {
      const org = readableOrg(request);
      const users: UserRow[] = ctx.catalog
        .membersOf(org.id)
        .filter((m) => m.role === role)
        .flatMap((m) => ctx.catalog.user(m.userID) ?? []);
      return sendJson(reply, 200, resourceUsersJson('orgs', org.id, role, users));
    });
  }

  // The stand-in keeps no secrets: the list is always empty, behind the same checks.
  app.get('/api/v2/orgs/:orgID/secrets', { onRequest }, async (request, reply) => {
    const org = readableOrg(request);
    requirePermission(callerOf(request), resourcePermission('read', 'secrets', undefined, org.id));
    const links = { org: `/api/v2/orgs/${org.id}`, self: `/api/v2/orgs/${org.id}/secrets` };
    return sendJson(reply, 200, { links, secrets: [] });
  });

  // InfluxDB links these, but its org router serves neither: Go's plain-text 404, after authentication.
  for (const unrouted of ['logs', 'labels']) {
    app.get(`/api/v2/orgs/:orgID/${unrouted}`, { onRequest }, async (_request, reply) => plainNotFound(reply));
  }
}
