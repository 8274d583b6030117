// GET /api/v2/tasks and /api/v2/dashboards, which every org links to, and /api/v2/labels, which a bucket's label
// list links to. The stand-in keeps none of them, so the lists are always empty; what is checked on the way
// (http/task_service.go, dashboards/transport/http.go, label/http_server.go), and the links, are InfluxDB's.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StandinContext } from './context';
import { goQuote, invalid, orgNameNotFound } from './errors';
import { decodeFindOptions, encodeQuery, pagingLinks } from './find-options';
import { parseId } from './ids';
import { authenticateHook, queryParam, sendJson } from './replies';

const TASK_DEFAULT_PAGE_SIZE = 100;
const TASK_MAX_PAGE_SIZE = 500;

/** Every value of a query parameter, or undefined when it is absent (Go's `qp[name]`, ok). */
function queryParams(request: FastifyRequest, name: string): string[] | undefined {
  const value = (request.query as Record<string, string | string[] | undefined>)[name];
  return value === undefined ? undefined : [value].flat();
}

/** Go's strconv.Atoi error text. */
function atoiError(text: string): string | undefined {
  if (!/^[+-]?\d+$/.test(text)) return `strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`;
  const value = BigInt(text);
  return value < -(2n ** 63n) || value >= 2n ** 63n
    ? `strconv.Atoi: parsing ${goQuote(text)}: value out of range`
    : undefined;
}

export function registerEmptyListRoutes(app: FastifyInstance, ctx: StandinContext): void {
  const onRequest = authenticateHook(ctx);

  // decodeGetTasksRequest; any failure there is "failed to decode request: ...".
  app.get('/api/v2/tasks', { onRequest }, async (request, reply) => {
    const failed = (detail: string) => invalid(`failed to decode request: ${detail}`);
    const id = (name: string) => {
      const text = queryParam(request, name);
      if (text === '') return '';
      try {
        return parseId(text);
      } catch (error) {
        throw failed((error as Error).message);
      }
    };
    const after = id('after');
    let orgID = '';
    let org = '';
    const orgName = queryParam(request, 'org');
    if (orgName !== '') {
      const found = ctx.catalog.orgByName(orgName);
      if (!found) throw failed(`org ${orgName} not found or unauthorized: org not found or unauthorized`);
      [orgID, org] = [found.id, found.name];
    }
    orgID = id('orgID') || orgID;
    const user = id('user');
    let limit = TASK_DEFAULT_PAGE_SIZE;
    const limitText = queryParam(request, 'limit');
    if (limitText !== '') {
      const error = atoiError(limitText);
      if (error !== undefined) throw failed(error);
      limit = Number(limitText);
      if (limit < 1 || limit > TASK_MAX_PAGE_SIZE) throw failed(`limit must be between 1 and ${TASK_MAX_PAGE_SIZE}`);
    }
    const type = queryParam(request, 'type');
    if (!['', 'basic', 'system'].includes(type)) throw failed(`${goQuote(type)} is not a valid task type`);
    const query = encodeQuery(
      [
        ['after', after],
        ['orgID', orgID],
        ['org', org],
        ['user', user],
        ['limit', String(limit)],
      ].filter(([, value]) => value !== '') as [string, string][],
    );
    return sendJson(reply, 200, { links: { self: `/api/v2/tasks?${query}` }, tasks: [] });
  });

  // decodeGetDashboardsRequest: paging, then one of id (repeatable), ownerID, orgID or org; an org name must exist.
  app.get('/api/v2/dashboards', { onRequest }, async (request, reply) => {
    const options = decodeFindOptions(request);
    const filter: [string, string][] = [];
    const ids = queryParams(request, 'id');
    if (ids !== undefined) for (const id of ids) filter.push(['id', parseId(id)]);
    else if (queryParam(request, 'ownerID') !== '') filter.push(['owner', parseId(queryParam(request, 'ownerID'))]);
    else if (queryParam(request, 'orgID') !== '') filter.push(['orgID', parseId(queryParam(request, 'orgID'))]);
    else if (queryParam(request, 'org') !== '') {
      const org = queryParam(request, 'org');
      if (!ctx.catalog.orgByName(org)) throw orgNameNotFound(org);
      filter.push(['org', org]);
    }
    const links = pagingLinks('/api/v2/dashboards', options, filter, 0);
    return sendJson(reply, 200, { links, dashboards: [] });
  });

  // A label filter (name, orgID; a malformed orgID ignored) can only narrow an empty list.
  app.get('/api/v2/labels', { onRequest }, async (_request, reply) =>
    sendJson(reply, 200, { links: { self: '/api/v2/labels' }, labels: [] }),
  );
}
