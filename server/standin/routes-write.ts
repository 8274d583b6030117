// POST /api/v2/write as http/write_handler.go answers it, in its order: token, precision, bucket given, gzip
// header, org, bucket found, write permission, body read, every line parsed; then the batch is stored in one
// commit and is on disk before the 204.
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StandinContext } from './context';
import { InfluxError } from '../influx-error';
import { bucketNameNotFound, forbidden, invalid, notFound, orgNameNotFound } from './errors';
import { isValidId, parseId } from './ids';
import { isPrecision, parseLineProtocol } from './line-protocol';
import { callerMay, resourcePermission } from './permissions';
import { PointsStore } from './points-store';
import { authenticateHook, callerOf, queryParam } from './replies';
import type { BucketRow, OrgRow } from './store';

/** InfluxDB takes batches of any size by default; the stand-in keeps to 64 MiB (one is read whole into memory). */
export const WRITE_BODY_LIMIT = 64 * 1024 * 1024;

const gunzipAsync = promisify(gunzip);
/** A failure Go reports without an InfluxDB error: its handler shows only this. */
const hiddenInternalError = () =>
  new InfluxError('internal error', 'An internal error has occurred - check server logs');

/** gzip.NewReader's check of the header, before anything else is read. */
function checkGzipHeader(body: Buffer): void {
  if (body.length < 10 || body[0] !== 0x1f || body[1] !== 0x8b || body[2] !== 8) throw hiddenInternalError();
}

/** The body as sent, or unzipped, with Go's gzip errors read from zlib's. */
async function readBody(body: Buffer, gzipped: boolean): Promise<Buffer> {
  if (!gzipped) return body;
  try {
    return await gunzipAsync(body);
  } catch (error) {
    const message = (error as Error).message;
    if (/unexpected end/i.test(message)) throw new InfluxError('internal error', 'unable to read data: unexpected EOF');
    if (/check/i.test(message)) throw invalid('unable to read data: gzip: invalid checksum');
    throw new InfluxError('internal error', `unable to read data: ${message}`);
  }
}

/** The nanosecond clock points without a time take: wall time at start, advanced by the monotonic clock. */
const clockOffset = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();
const nowNanoseconds = () => process.hrtime.bigint() + clockOffset;

export function registerWriteRoutes(app: FastifyInstance, ctx: StandinContext): void {
  const onRequest = authenticateHook(ctx);
  const points = new PointsStore(ctx.store);

  /** queryOrganization: `org` is an ID when it reads as one, else a name; `orgID` wins; one of them is needed. */
  const orgOf = (request: FastifyRequest): OrgRow => {
    const org = queryParam(request, 'org');
    const orgIDText = queryParam(request, 'orgID');
    const orgID = orgIDText !== '' ? parseId(orgIDText) : isValidId(org) ? org.toLowerCase() : undefined;
    if (orgID !== undefined) {
      const found = ctx.catalog.org(orgID);
      if (!found) throw notFound('organization not found');
      return found;
    }
    if (org === '') throw invalid('Please provide either orgID or org');
    const found = ctx.catalog.orgByName(org);
    if (!found) throw orgNameNotFound(org);
    return found;
  };

  /** findBucket: by ID when it reads as one (in whichever org it is), else by name in the org. */
  const bucketOf = (org: OrgRow, bucket: string): BucketRow => {
    const byId = isValidId(bucket) ? ctx.catalog.bucket(bucket.toLowerCase()) : undefined;
    if (byId) return byId;
    const byName = ctx.catalog.bucketsOfOrg(org.id).find((b) => b.name === bucket);
    if (!byName) throw bucketNameNotFound(bucket);
    return byName;
  };

  app.register(async (scope) => {
    // Line protocol comes as any content type (or none) and is read as bytes.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    scope.post('/api/v2/write', { onRequest, bodyLimit: WRITE_BODY_LIMIT }, async (request, reply) => {
      const precision = queryParam(request, 'precision') || 'ns';
      if (!isPrecision(precision)) throw invalid('invalid precision; valid precision units are ns, us, ms, and s');
      const bucketParam = queryParam(request, 'bucket');
      if (bucketParam === '') throw notFound('bucket not found');
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const encoding = request.headers['content-encoding'];
      const gzipped = encoding === 'gzip' || encoding === 'x-gzip';
      if (gzipped) checkGzipHeader(raw);
      const org = orgOf(request);
      const bucket = bucketOf(org, bucketParam);
      // The permission names the org asked for and the bucket found, even when that bucket is in another org.
      const caller = callerOf(request);
      if (!callerMay(caller, resourcePermission('write', 'buckets', bucket.id, org.id))) {
        throw forbidden(`insufficient permissions for write${caller.active ? '' : ': token is inactive'}`);
      }
      const parsed = parseLineProtocol(await readBody(raw, gzipped), precision, nowNanoseconds());
      if (parsed.errors.length > 0) throw invalid(parsed.errors.join('\n'));
      points.write(
        org.id,
        bucket.id,
        parsed.points.map((p) => ({ seriesKey: p.seriesKey, time: p.time, fields: JSON.stringify(p.fields) })),
      );
      await ctx.store.durable();
      return reply.code(204).send();
    });
  });

  // InfluxDB's write router answers other methods after authentication, in its own words.
  app.get('/api/v2/write', { onRequest }, async (_request, reply) => {
    reply.header('Allow', 'OPTIONS, POST');
    throw new InfluxError('method not allowed', 'allow: OPTIONS, POST');
  });
}
