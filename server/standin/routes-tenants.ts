// Read-only tenant endpoints clients and the InfluxDB UI use next to the token API:
// /api/v2/me, /api/v2/users, /api/v2/users/{userID}, /api/v2/orgs, /api/v2/buckets.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StandinContext } from './context';
import { invalid, notFound } from './errors';
import { parseId } from './ids';
import { callerMay, requirePermission, resourcePermission, type Caller } from './permissions';
import { authenticateHook, callerOf, queryParam, sendJson } from './replies';
import type { BucketRow, OrgRow, UserRow } from './store';

const userJson = (u: UserRow) => ({
  id: u.id,
  name: u.name,
  status: u.status,
  links: { self: `/api/v2/users/${u.id}` },
});

const orgJson = (o: OrgRow) => ({
  id: o.id,
  name: o.name,
  description: o.description,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
  // Only links the stand-in serves (the real server also links members, owners, labels, secrets, tasks and
  // dashboards, which a token manager does not have): every link in every answer resolves.
  links: {
    self: `/api/v2/orgs/${o.id}`,
    buckets: `/api/v2/buckets?org=${encodeURIComponent(o.name)}`,
  },
});

/** InfluxDB's default shard group duration for a retention period (0 = infinite). */
function shardGroupDuration(retentionSeconds: number): number {
  if (retentionSeconds === 0 || retentionSeconds >= 180 * 86400) return 7 * 86400;
  return retentionSeconds < 2 * 86400 ? 3600 : 86400;
}

const bucketJson = (b: BucketRow) => ({
  id: b.id,
  orgID: b.orgID,
  type: b.type,
  name: b.name,
  ...(b.description !== '' && { description: b.description }),
  retentionRules: [
    {
      type: 'expire',
      everySeconds: b.retentionSeconds,
      shardGroupDurationSeconds: shardGroupDuration(b.retentionSeconds),
    },
  ],
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
  // As for orgs: only the links the stand-in serves (not members, owners, labels, write).
  links: {
    self: `/api/v2/buckets/${b.id}`,
    org: `/api/v2/orgs/${b.orgID}`,
  },
});

/** `limit` (1..100, default 20) and `offset` (>= 0) as the buckets API takes them. */
function paging(request: FastifyRequest): { limit: number; offset: number } {
  const limitText = queryParam(request, 'limit');
  const offsetText = queryParam(request, 'offset');
  const limit = limitText === '' ? 20 : Number(limitText);
  const offset = offsetText === '' ? 0 : Number(offsetText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw invalid(`limit must be an integer from 1 to 100, got ${JSON.stringify(limitText)}`);
  if (!Number.isInteger(offset) || offset < 0)
    throw invalid(`offset must be a non-negative integer, got ${JSON.stringify(offsetText)}`);
  return { limit, offset };
}

export function registerTenantRoutes(app: FastifyInstance, ctx: StandinContext): void {
  const onRequest = authenticateHook(ctx);
  const readUser = (id: string) => resourcePermission('read', 'users', id);
  /** authorizer.AuthorizeReadOrg: read:orgs/<id>. */
  const readOrg = (id: string) => resourcePermission('read', 'orgs', id);
  const readBucket = (b: BucketRow) => resourcePermission('read', 'buckets', b.id, b.orgID);
  /** authorizer.AuthorizeReadBucket: a system bucket is also readable by whoever may read its org. */
  const mayReadBucket = (caller: Caller, b: BucketRow) =>
    (b.type === 'system' && callerMay(caller, readOrg(b.orgID))) || callerMay(caller, readBucket(b));

  app.get('/api/v2/me', { onRequest }, async (request, reply) => {
    const caller = callerOf(request);
    requirePermission(caller, readUser(caller.userID));
    const user = ctx.catalog.user(caller.userID);
    if (!user) throw notFound('user not found');
    return sendJson(reply, 200, userJson(user));
  });

  app.get('/api/v2/users', { onRequest }, async (request, reply) => {
    const caller = callerOf(request);
    const name = queryParam(request, 'name');
    let users = ctx.catalog.users();
    if (name !== '') {
      const user = ctx.catalog.userByName(name);
      if (!user) throw notFound('user not found');
      users = [user];
    }
    const visible = users.filter((u) => callerMay(caller, readUser(u.id)));
    return sendJson(reply, 200, { links: { self: '/api/v2/users' }, users: visible.map(userJson) });
  });

  app.get('/api/v2/users/:userID', { onRequest }, async (request, reply) => {
    const id = parseId((request.params as { userID: string }).userID);
    requirePermission(callerOf(request), readUser(id));
    const user = ctx.catalog.user(id);
    if (!user) throw notFound('user not found');
    return sendJson(reply, 200, userJson(user));
  });

  app.get('/api/v2/orgs', { onRequest }, async (request, reply) => {
    const caller = callerOf(request);
    const orgID = queryParam(request, 'orgID');
    const name = queryParam(request, 'org');
    let orgs = ctx.catalog.orgs();
    if (orgID !== '') {
      const org = ctx.catalog.org(parseId(orgID));
      if (!org) throw notFound('organization not found');
      orgs = [org];
    } else if (name !== '') {
      const org = ctx.catalog.orgByName(name);
      if (!org) throw notFound(`organization name ${JSON.stringify(name)} not found`);
      orgs = [org];
    }
    const visible = orgs.filter((o) => callerMay(caller, readOrg(o.id)));
    return sendJson(reply, 200, { links: { self: '/api/v2/orgs' }, orgs: visible.map(orgJson) });
  });

  app.get('/api/v2/buckets', { onRequest }, async (request, reply) => {
    const caller = callerOf(request);
    const { limit, offset } = paging(request);
    const orgIDText = queryParam(request, 'orgID');
    const orgName = queryParam(request, 'org');
    const name = queryParam(request, 'name');
    const idText = queryParam(request, 'id');
    let orgID: string | undefined;
    if (orgIDText !== '') orgID = parseId(orgIDText);
    else if (orgName !== '') {
      orgID = ctx.catalog.orgByName(orgName)?.id;
      if (orgID === undefined) throw notFound(`organization name ${JSON.stringify(orgName)} not found`);
    }
    const id = idText === '' ? undefined : parseId(idText);
    let buckets = ctx.catalog
      .buckets()
      .filter(
        (b) =>
          (orgID === undefined || b.orgID === orgID) &&
          (name === '' || b.name === name) &&
          (id === undefined || b.id === id),
      );
    if (buckets.length === 0 && name !== '' && orgID !== undefined)
      throw notFound(`bucket ${JSON.stringify(name)} not found`);
    buckets = buckets.filter((b) => mayReadBucket(caller, b));
    const self = `/api/v2/buckets?limit=${limit}&offset=${offset}${orgID ? `&orgID=${orgID}` : ''}`;
    return sendJson(reply, 200, { links: { self }, buckets: buckets.slice(offset, offset + limit).map(bucketJson) });
  });

  // FindOrganizationByID: the read check comes first, so an unknown id and a forbidden one look alike.
  app.get('/api/v2/orgs/:orgID', { onRequest }, async (request, reply) => {
    const id = parseId((request.params as { orgID: string }).orgID);
    requirePermission(callerOf(request), readOrg(id));
    const org = ctx.catalog.org(id);
    if (!org) throw notFound('organization not found');
    return sendJson(reply, 200, orgJson(org));
  });

  // FindBucketByID: found first (404), then the read check on the bucket (401).
  app.get('/api/v2/buckets/:bucketID', { onRequest }, async (request, reply) => {
    const id = parseId((request.params as { bucketID: string }).bucketID);
    const bucket = ctx.catalog.bucket(id);
    if (!bucket) throw notFound('bucket not found');
    const caller = callerOf(request);
    if (!mayReadBucket(caller, bucket)) requirePermission(caller, readBucket(bucket));
    return sendJson(reply, 200, bucketJson(bucket));
  });
}
