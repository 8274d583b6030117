// /api/v2/buckets and what a bucket links to, as tenant/http_server_bucket.go, middleware_bucket_auth.go,
// authorizer.AuthorizeReadBucket, the user resource mapping handler and the embedded label handler answer them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StandinContext } from './context';
import { bucketNameNotFound, notFound, orgNameNotFound } from './errors';
import { decodeFindOptions, pagingLinks } from './find-options';
import { parseId } from './ids';
import { pageBucketsOfOrg, pageById } from './kv-scans';
import { callerMay, requirePermission, resourcePermission, type Caller } from './permissions';
import { authenticateHook, callerOf, queryParam, sendJson } from './replies';
import { pageNotFound, readOrg, validResourceId } from './routes-orgs';
import type { BucketRow } from './store';
import { bucketJson, resourceUsersJson } from './tenant-json';

const readBucket = (b: BucketRow) => resourcePermission('read', 'buckets', b.id, b.orgID);

/** AuthorizeReadBucket: a system bucket (_monitoring, _tasks) is read with read:orgs/<its org>, and only so. */
export const bucketReadPermission = (b: BucketRow) => (b.type === 'system' ? readOrg(b.orgID) : readBucket(b));

export function registerBucketRoutes(app: FastifyInstance, ctx: StandinContext): void {
  const onRequest = authenticateHook(ctx);
  const mayRead = (caller: Caller, b: BucketRow) => callerMay(caller, bucketReadPermission(b));
  const bucketOrFail = (bucket: BucketRow | undefined): BucketRow => {
    if (!bucket) throw notFound('bucket not found');
    return bucket;
  };

  /** FindBuckets: one bucket by id, or by name in an org, unpaged; else a page by name in an org, or by ID. */
  const findBuckets = (request: FastifyRequest) => {
    const options = decodeFindOptions(request);
    const orgIDText = queryParam(request, 'orgID');
    const orgID = orgIDText === '' ? undefined : parseId(orgIDText);
    const org = queryParam(request, 'org');
    const name = queryParam(request, 'name');
    const idText = queryParam(request, 'id');
    const id = idText === '' ? undefined : parseId(idText);
    // The filter as the links repeat it; the name goes there as `bucket`, which the list itself does not read.
    const filter = [
      ['id', id ?? ''],
      ['bucket', name],
      ['orgID', orgID ?? ''],
      ['org', org],
    ] as const;
    const found = (): BucketRow[] => {
      if (id !== undefined) return [bucketOrFail(ctx.catalog.bucket(id))];
      let inOrg = orgID;
      if (inOrg === undefined && org !== '') {
        inOrg = ctx.catalog.orgByName(org)?.id;
        if (inOrg === undefined) throw orgNameNotFound(org);
      }
      if (inOrg === undefined) return pageById(ctx.catalog.buckets(), options, (b) => name === '' || b.name === name);
      if (name === '') return pageBucketsOfOrg(ctx.catalog.bucketsOfOrg(inOrg), options);
      const bucket = ctx.catalog.bucketsOfOrg(inOrg).find((b) => b.name === name);
      if (!bucket) throw bucketNameNotFound(name);
      return [bucket];
    };
    return { options, filter, buckets: found() };
  };

  // Cut to a page first, then filtered to what the caller may read; `next` counts what is left.
  app.get('/api/v2/buckets', { onRequest }, async (request, reply) => {
    const { options, filter, buckets } = findBuckets(request);
    const caller = callerOf(request);
    const visible = buckets.filter((b) => mayRead(caller, b));
    const links = pagingLinks('/api/v2/buckets', options, filter, visible.length);
    return sendJson(reply, 200, { links, buckets: visible.map(bucketJson) });
  });

  // FindBucketByID: found first (404), then the read check (401).
  app.get('/api/v2/buckets/:bucketID', { onRequest }, async (request, reply) => {
    const bucket = bucketOrFail(ctx.catalog.bucket(parseId((request.params as { bucketID: string }).bucketID)));
    requirePermission(callerOf(request), bucketReadPermission(bucket));
    return sendJson(reply, 200, bucketJson(bucket));
  });

  /** ValidResource over the authorizing bucket service: the bucket, if it exists and the caller may read it. */
  const readableBucket = (request: FastifyRequest): BucketRow => {
    const bucket = ctx.catalog.bucket(validResourceId((request.params as { bucketID: string }).bucketID));
    if (!bucket || !mayRead(callerOf(request), bucket)) throw pageNotFound();
    return bucket;
  };

  // Buckets have no members or owners of their own in InfluxDB 2.x; the mapping service asks for read:orgs first.
  for (const role of ['member', 'owner'] as const) {
    app.get(`/api/v2/buckets/:bucketID/${role}s`, { onRequest }, async (request, reply) => {
      const bucket = readableBucket(request);
      if (!callerMay(callerOf(request), readOrg(bucket.orgID))) throw notFound('not found');
      return sendJson(reply, 200, resourceUsersJson('buckets', bucket.id, role, []));
    });
  }

  // The label service checks read on the bucket itself, which read:orgs alone does not give for a system bucket.
  app.get('/api/v2/buckets/:bucketID/labels', { onRequest }, async (request, reply) => {
    const bucket = readableBucket(request);
    requirePermission(callerOf(request), readBucket(bucket));
    return sendJson(reply, 200, { links: { self: '/api/v2/labels' }, labels: [] });
  });
}
