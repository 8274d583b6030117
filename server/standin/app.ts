// Builds the stand-in: an InfluxDB OSS 2.x-compatible HTTP API for tokens on top of a StandinStore.
// Only start.ts listens; tests also drive this instance without a socket through app.inject (group-commit.test.ts).
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createContext, type StandinContext } from './context';
import { InfluxError, sendInfluxError, type InfluxErrorCode } from '../influx-error';
import { RawJsonBody } from './request-bodies';
import { registerAuthorizationRoutes } from './routes-authorizations';
import { registerSystemRoutes, STANDIN_VERSION } from './routes-system';
import { registerBucketRoutes } from './routes-buckets';
import { registerOrgRoutes } from './routes-orgs';
import { registerEmptyListRoutes } from './routes-empty-lists';
import { registerUserRoutes } from './routes-users';
import { registerWriteRoutes } from './routes-write';
import type { StandinStore } from './store';

/** No token operation needs more; larger bodies are refused before they are parsed. */
const BODY_LIMIT = 1024 * 1024;

export interface BuildOptions {
  log?: (line: string) => void;
}

export function buildStandin(store: StandinStore, options: BuildOptions = {}): FastifyInstance {
  const ctx = createContext(store, options.log);
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 4096 },
    frameworkErrors: (error, request, reply) => sendError(ctx, error, request, reply),
  });

  registerBodyParsers(app);
  app.addHook('onRequest', async () => ctx.catalog.refresh());
  app.addHook('onSend', async (_request, reply) => {
    // The influx CLI checks these to tell OSS from Cloud.
    reply.header('X-Influxdb-Build', 'OSS');
    reply.header('X-Influxdb-Version', STANDIN_VERSION);
  });

  const routes: { pattern: RegExp; methods: Set<string> }[] = [];
  app.addHook('onRoute', (route) => {
    const pattern = new RegExp(`^${route.url.replace(/:[^/]+/g, '[^/]+')}/?$`);
    let entry = routes.find((r) => r.pattern.source === pattern.source);
    if (!entry) routes.push((entry = { pattern, methods: new Set() }));
    for (const method of [route.method].flat()) entry.methods.add(method);
  });

  registerSystemRoutes(app, ctx);
  registerAuthorizationRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerBucketRoutes(app, ctx);
  registerEmptyListRoutes(app, ctx);
  registerWriteRoutes(app, ctx);

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const route = routes.find((r) => r.pattern.test(path));
    if (route) {
      const allowed = [...route.methods].sort().join(', ');
      reply.header('Allow', allowed);
      return sendError(
        ctx,
        new InfluxError('method not allowed', `method ${request.method} is not allowed on ${path}; use ${allowed}`),
        request,
        reply,
      );
    }
    return sendError(ctx, new InfluxError('not found', 'path not found'), request, reply);
  });
  app.setErrorHandler((error, request, reply) => sendError(ctx, error, request, reply));
  return app;
}

/**
 * JSON bodies are taken as they come (application/json with any charset, or no Content-Type at all, as
 * the influx CLI may send) and decoded by the route, so ID and body errors come in the real server's order.
 * Any other media type is refused with 415.
 */
function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    done(null, new RawJsonBody(body as string));
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    const type = request.headers['content-type'];
    if (type === undefined || type.trim() === '') return done(null, new RawJsonBody(body as string));
    // Only POST and PATCH read a body; elsewhere (e.g. DELETE) a stray one is ignored, as InfluxDB does.
    if (request.method !== 'POST' && request.method !== 'PATCH') return done(null, undefined);
    done(unsupportedMediaType(type), undefined);
  });
}

function unsupportedMediaType(type: string | undefined): InfluxError {
  return new InfluxError(
    'unsupported media type',
    `unsupported Content-Type ${JSON.stringify(type ?? '')}: send the body as JSON with Content-Type: application/json`,
  );
}

/** The one place errors become InfluxDB error bodies: fastify's own, ours, and anything unexpected. */
function toInfluxError(error: unknown, request: FastifyRequest): InfluxError {
  if (error instanceof InfluxError) return error;
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      if (request.routeOptions.url === '/api/v2/write')
        return new InfluxError('request too large', 'unable to read data: points batch is too large');
      return new InfluxError(
        'request too large',
        `request body is larger than ${BODY_LIMIT} bytes (1 MiB); no token operation needs that much`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType(request.headers['content-type']);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new InfluxError('invalid', `invalid json structure: ${fastifyError.message}`);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new InfluxError('invalid', 'the Content-Length header does not match the body sent');
    case 'FST_ERR_BAD_URL':
      return new InfluxError('invalid', `malformed URL ${JSON.stringify(request.url)}: check its percent-encoding`);
  }
  const sqliteCode = (error as { code?: unknown }).code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_BUSY')) {
    return new InfluxError(
      'unavailable',
      'the database is busy with another writer (e.g. npm run seed); retry in a moment',
    );
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code: InfluxErrorCode =
      status === 404
        ? 'not found'
        : status === 413
          ? 'request too large'
          : status === 415
            ? 'unsupported media type'
            : 'invalid';
    return new InfluxError(code, fastifyError.message ?? 'bad request');
  }
  return new InfluxError('internal error', `internal error: ${error instanceof Error ? error.message : String(error)}`);
}

function sendError(ctx: StandinContext, error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const influxError = toInfluxError(error, request);
  if (influxError.code === 'internal error') {
    ctx.log(
      `stand-in: ${request.method} ${request.url.split('?')[0]} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  return sendInfluxError(reply, influxError);
}
