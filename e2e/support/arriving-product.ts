// A product whose list answer arrives in two parts: the stand-in (seeded with many tokens) sits behind a small
// relay that sends the first part of the token list's answer and holds the rest until told to send it (or to cut
// the connection), so a test or a screenshot can see the page while the list is still arriving.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAppServer, type RunningAppServer } from '../../server/app/app-server';
import { seedTokens } from '../../server/standin/seed-tokens';
import { startStandin, type RunningStandin } from '../../server/standin/start';
import { StandinStore } from '../../server/standin/store';

/** Bytes of the list's answer sent before the relay holds the rest: a few hundred tokens. */
const FIRST_PART = 300_000;

export interface Relay {
  server: Server;
  url: string;
  /** Sends the rest of the held answer. */
  release(): void;
  /** Cuts the held answer's connection instead. */
  cut(): void;
}

async function startRelay(upstream: string): Promise<Relay> {
  let held: { rest: Buffer; response: ServerResponse } | null = null;
  let hold = true;
  const server = createServer((request, response) => {
    void (async () => {
      const body = await new Promise<Buffer>((resolve) => {
        const parts: Buffer[] = [];
        request.on('data', (part: Buffer) => parts.push(part)).on('end', () => resolve(Buffer.concat(parts)));
      });
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)),
      ) as Record<string, string>;
      const answer = await fetch(`${upstream}${request.url}`, {
        method: request.method,
        headers,
        body: body.length > 0 ? new Uint8Array(body) : undefined,
      });
      const bytes = Buffer.from(await answer.arrayBuffer());
      const isList = request.method === 'GET' && /^\/api\/v2\/authorizations\?/.test(request.url ?? '');
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      if (!isList || !hold || bytes.length <= FIRST_PART) {
        response.end(bytes);
        return;
      }
      // Only the first list answer is held; the ones after it (Retry, refetches) go through whole.
      hold = false;
      response.write(bytes.subarray(0, FIRST_PART));
      held = { rest: bytes.subarray(FIRST_PART), response };
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    release: () => held?.response.end(held.rest),
    cut: () => held?.response.destroy(),
  };
}

export interface ArrivingProduct {
  url: string;
  relay: Relay;
  close(): Promise<void>;
}

/** Stand-in seeded with `tokens` tokens, the relay, and the app server (serving dist/) in front of the relay. */
export async function startArrivingProduct(tokens: number): Promise<ArrivingProduct> {
  const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-arriving-'));
  const store = StandinStore.open(dataDir);
  try {
    seedTokens(store, { tokens, users: 5 });
  } finally {
    store.close();
  }
  let standin: RunningStandin | undefined;
  let relay: Relay | undefined;
  let app: RunningAppServer | undefined;
  const close = async () => {
    await app?.close();
    relay?.server.closeAllConnections();
    await new Promise((resolve) => (relay ? relay.server.close(resolve) : resolve(undefined)));
    await standin?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    standin = await startStandin({ dataDir, port: 0, host: '127.0.0.1' });
    relay = await startRelay(standin.url);
    app = await startAppServer({
      mode: 'standin',
      upstreamUrl: relay.url,
      serverToken: standin.operatorToken,
      serverTokenFile: standin.operatorTokenFile,
      identifyToken: standin.identifyToken,
      org: standin.orgName,
      port: 0,
      staticDir: fileURLToPath(new URL('../../dist', import.meta.url)),
    });
    return { url: app.url, relay, close };
  } catch (error) {
    await close();
    throw error;
  }
}
