// /api/v2/write, which every bucket links to. InfluxDB's write router takes only POST, and answers other
// methods after authentication, in its own words.
import type { FastifyInstance } from 'fastify';
import type { StandinContext } from './context';
import { InfluxError } from '../influx-error';
import { authenticateHook } from './replies';

export function registerWriteRoutes(app: FastifyInstance, ctx: StandinContext): void {
  const onRequest = authenticateHook(ctx);

  app.get('/api/v2/write', { onRequest }, async (_request, reply) => {
    reply.header('Allow', 'OPTIONS, POST');
    throw new InfluxError('method not allowed', 'allow: OPTIONS, POST');
  });
}
