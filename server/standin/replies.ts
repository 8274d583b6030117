// Small helpers shared by the routes: JSON answers with InfluxDB's content type, and the caller of a request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from './auth';
import type { StandinContext } from './context';
import type { Caller } from './permissions';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Sends JSON: a ready-made body (string or Buffer, kept byte for byte) or a value to stringify. */
export function sendJson(reply: FastifyReply, status: number, body: string | Buffer | object): FastifyReply {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return reply.code(status).type(JSON_CONTENT_TYPE).send(payload);
}

const callers = new WeakMap<FastifyRequest, Caller>();

/** An onRequest hook: authenticates before the body is read, as InfluxDB's middleware does. */
export function authenticateHook(ctx: StandinContext) {
  return async (request: FastifyRequest): Promise<void> => {
    callers.set(request, authenticate(ctx.store, request.headers.authorization));
  };
}

export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw new Error(`route ${request.url} has no authentication hook`);
  return caller;
}

/** First value of a query parameter (as Go's url.Values.Get), "" when absent. */
export function queryParam(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
