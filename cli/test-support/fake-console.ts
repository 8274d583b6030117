// The app server's audit trail on a real loopback port, as `audit` reads it (GET /api/app/activity, core/governance.ts):
// one org, a trail served newest first a page at a time; every request is kept for the test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuditEntry } from '../../core/governance';

export const CONSOLE_ORG = { id: '0a1b2c3d4e5f6071', name: 'my-org' };
export const CONSOLE_TOKEN = 'console-test-token';

export interface FakeConsole {
  url: string;
  /** Each request's path and query, in order. */
  asked: URL[];
  close: () => Promise<void>;
}

export async function startFakeConsole(trail: readonly AuditEntry[], pageSize = 2): Promise<FakeConsole> {
  const asked: URL[] = [];
  const newestFirst = [...trail].sort((a, b) => b.seq - a.seq);
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://console.test');
    asked.push(url);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Token ${CONSOLE_TOKEN}`) {
      send(401, { code: 'unauthorized', message: 'unauthorized access' });
    } else if (url.pathname === '/api/v2/orgs') {
      const name = url.searchParams.get('org');
      if (name && name !== CONSOLE_ORG.name) send(404, { code: 'not found', message: 'organization not found' });
      else send(200, { orgs: [CONSOLE_ORG] });
    } else if (url.pathname === '/api/app/activity') {
      const query = url.searchParams;
      const before = Number(query.get('before') ?? Infinity);
      const since = query.get('since');
      const tokenID = query.get('tokenID');
      const matching = newestFirst.filter(
        (e) =>
          e.orgID === query.get('orgID') &&
          e.seq < before &&
          (!tokenID || e.tokenID === tokenID) &&
          (!since || e.at >= since),
      );
      const entries = matching.slice(0, pageSize);
      send(200, { entries, ...(matching.length > pageSize && { next: entries.at(-1)!.seq }) });
    } else {
      send(404, { code: 'not found', message: 'path not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
