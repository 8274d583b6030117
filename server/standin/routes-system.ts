// /health, /ping and /api/v2/resources: what the influx CLI and client libraries probe.
import type { FastifyInstance } from 'fastify';
import { OSS_RESOURCE_TYPES } from '../../core/influx-types';
import type { StandinContext } from './context';
import { authenticateHook, sendJson } from './replies';

/**
 * Reported as the server version: the stand-in copies InfluxDB OSS main-2.x (v2.9.1) with hashed tokens
 * (added in v2.8.0: token strings shown only at creation), its error texts included.
 */
export const STANDIN_VERSION = 'v2.9.1';
const STANDIN_COMMIT = 'standin';

export function registerSystemRoutes(app: FastifyInstance, ctx: StandinContext): void {
  app.get('/health', async (_request, reply) =>
    sendJson(reply, 200, {
      name: 'influxdb',
      message: 'ready for queries and writes',
      status: 'pass',
      checks: [],
      version: STANDIN_VERSION,
      commit: STANDIN_COMMIT,
    }),
  );

  app.get('/ping', async (_request, reply) => reply.code(204).send());

  app.get('/api/v2/resources', { onRequest: authenticateHook(ctx) }, async (_request, reply) =>
    sendJson(reply, 200, OSS_RESOURCE_TYPES),
  );
}
