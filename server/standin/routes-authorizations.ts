// /api/v2/authorizations and /api/v2/authorizations/{authID}.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import {
  createAuthorization,
  deleteAuthorization,
  getAuthorization,
  updateAuthorization,
  type ListFilter,
} from './authorization-service';
import type { StandinContext } from './context';
import { listAuthorizationsBody } from './authorization-list';
import { parseId } from './ids';
import { authenticateHook, callerOf, JSON_CONTENT_TYPE, queryParam, sendJson } from './replies';
import { decodeCreateRequest, decodeUpdateRequest, parseJsonBody } from './request-bodies';

function listFilter(request: FastifyRequest): ListFilter {
  // Same parameters, precedence and ID checks as decodeGetAuthorizationsRequest.
  const filter: ListFilter = {};
  const userID = queryParam(request, 'userID');
  if (userID !== '') filter.userID = parseId(userID);
  const user = queryParam(request, 'user');
  if (user !== '') filter.user = user;
  const orgID = queryParam(request, 'orgID');
  if (orgID !== '') filter.orgID = parseId(orgID);
  const org = queryParam(request, 'org');
  if (org !== '') filter.org = org;
  const id = queryParam(request, 'id');
  if (id !== '') filter.id = parseId(id);
  return filter;
}

export function registerAuthorizationRoutes(app: FastifyInstance, ctx: StandinContext): void {
  const onRequest = authenticateHook(ctx);
  const authID = (request: FastifyRequest) => parseId((request.params as { authID: string }).authID);

  app.get('/api/v2/authorizations', { onRequest }, async (request, reply) => {
    const { chunks, length } = listAuthorizationsBody(ctx, callerOf(request), listFilter(request));
    if (chunks.length <= 3) return sendJson(reply, 200, Buffer.concat(chunks, length));
    return reply.code(200).type(JSON_CONTENT_TYPE).header('Content-Length', length).send(Readable.from(chunks));
  });

  app.post('/api/v2/authorizations', { onRequest }, async (request, reply) => {
    const create = decodeCreateRequest(parseJsonBody(request.body));
    const { row, token } = createAuthorization(ctx, callerOf(request), create);
    // Acknowledged means on disk: wait for the (shared) flush of this commit.
    await ctx.store.durable();
    return sendJson(reply, 201, ctx.renderer.render(row, token));
  });

  app.get('/api/v2/authorizations/:authID', { onRequest }, async (request, reply) => {
    const row = getAuthorization(ctx, callerOf(request), authID(request));
    return sendJson(reply, 200, ctx.renderer.render(row));
  });

  app.patch('/api/v2/authorizations/:authID', { onRequest }, async (request, reply) => {
    const id = authID(request);
    const update = decodeUpdateRequest(parseJsonBody(request.body));
    const row = updateAuthorization(ctx, callerOf(request), id, update);
    await ctx.store.durable();
    return sendJson(reply, 200, ctx.renderer.render(row));
  });

  app.delete('/api/v2/authorizations/:authID', { onRequest }, async (request, reply) => {
    deleteAuthorization(ctx, callerOf(request), authID(request));
    await ctx.store.durable();
    return reply.code(204).send();
  });
}
