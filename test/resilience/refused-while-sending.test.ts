// A request refused before its body was read (too large, headers too large, an unmet Expect) still gets its
// answer, read in full, by a client that goes on sending the whole body: from the stand-in and from the app server.
// Without a lingering close the servers close with the body unread, the kernel resets the connection and the
// client gets ECONNRESET/EPIPE instead of the answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type RunningAppServer } from '../../server/app/app-server';
import { startStandin, type RunningStandin } from '../../server/standin/start';
import { makeTempApp, type TempApp } from '../../server/test-support/temp-app';
import { sendRaw } from './support/raw-socket';
import { sendStubbornly, type StubbornAnswer } from './support/stubborn-client';

const MiB = 1024 * 1024;

let dataDir: string;
let tempApp: TempApp;
let standin: RunningStandin;
let app: RunningAppServer;
let standinPort: number;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'resilience-refused-'));
  tempApp = makeTempApp();
  standin = await startStandin({ dataDir, port: 0 });
  standinPort = Number(new URL(standin.url).port);
  app = await startAppServer({
    mode: 'standin',
    upstreamUrl: standin.url,
    serverToken: standin.operatorToken,
    org: null,
    staticDir: tempApp.dir,
  });
});
afterAll(async () => {
  await app?.close();
  await standin?.close();
  tempApp?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

function head(method: string, path: string, port: number, headers: Record<string, string>): string {
  return (
    [
      `${method} ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ].join('\r\n') + '\r\n\r\n'
  );
}

function expectAnswered(answer: StubbornAnswer, status: number): void {
  const summary = {
    error: answer.error,
    status: answer.status,
    complete: answer.complete,
    body: answer.body.slice(0, 200),
    written: answer.written,
  };
  expect(summary).toMatchObject({ error: undefined, status, complete: true });
}

interface Case {
  name: string;
  server: () => number;
  head: () => string;
  bodyBytes: number;
  status: number;
  code?: string;
}

const CASES: Case[] = [
  {
    name: 'stand-in: a 5 MiB POST gets its 413',
    server: () => standinPort,
    head: () =>
      head('POST', '/api/v2/authorizations', standinPort, {
        Authorization: `Token ${standin.operatorToken}`,
        'Content-Type': 'application/json',
        'Content-Length': String(5 * MiB),
      }),
    bodyBytes: 5 * MiB,
    status: 413,
    code: 'request too large',
  },
  {
    name: 'stand-in: POST /api/v2/setup with 1.5 MiB, a huge Authorization header and Expect: 100-continue (hostile case #152)',
    server: () => standinPort,
    head: () =>
      head('POST', '/api/v2/setup', standinPort, {
        Authorization: `Token ${'A'.repeat(15_000)}`,
        Expect: '100-continue',
        'Content-Type': 'application/json',
        'Content-Length': String(1.5 * MiB),
      }),
    bodyBytes: 1.5 * MiB,
    status: 413,
    code: 'request too large',
  },
  {
    name: 'stand-in: headers over the limit get their 431',
    server: () => standinPort,
    head: () =>
      head('POST', '/api/v2/authorizations', standinPort, {
        'X-Padding': 'p'.repeat(20_000),
        'Content-Type': 'application/json',
        'Content-Length': String(5 * MiB),
      }),
    bodyBytes: 5 * MiB,
    status: 431,
  },
  {
    name: 'app server: a 5 MiB PATCH gets its 413',
    server: () => app.port,
    head: () =>
      head('PATCH', '/api/v2/authorizations/0123456789abcdef', app.port, {
        'Content-Type': 'application/json',
        'Content-Length': String(5 * MiB),
      }),
    bodyBytes: 5 * MiB,
    status: 413,
    code: 'request too large',
  },
  {
    name: 'app server: headers over the limit get their 431',
    server: () => app.port,
    head: () =>
      head('PATCH', '/api/v2/authorizations/0123456789abcdef', app.port, {
        'X-Padding': 'p'.repeat(20_000),
        'Content-Type': 'application/json',
        'Content-Length': String(5 * MiB),
      }),
    bodyBytes: 5 * MiB,
    status: 431,
  },
  {
    name: 'app server: an Expect it cannot meet gets its 417',
    server: () => app.port,
    head: () =>
      head('PATCH', '/api/v2/authorizations/0123456789abcdef', app.port, {
        Expect: 'bogus',
        'Content-Type': 'application/json',
        'Content-Length': String(5 * MiB),
      }),
    bodyBytes: 5 * MiB,
    status: 417,
  },
];

describe('a refused request is answered even while the client is still sending', () => {
  for (const c of CASES) {
    for (const readAfterWriting of [false, true]) {
      it(`${c.name} (${readAfterWriting ? 'reading only after sending everything' : 'reading while sending'})`, async () => {
        const answer = await sendStubbornly(c.server(), c.head(), c.bodyBytes, { readAfterWriting });
        expectAnswered(answer, c.status);
        expect(answer.written).toBe(c.bodyBytes);
        if (c.code) expect(JSON.parse(answer.body)).toMatchObject({ code: c.code });
      }, 30_000);
    }
  }

  it('both servers still answer on a new connection afterwards', async () => {
    for (const port of [standinPort, app.port]) {
      const answer = await sendRaw(port, head('GET', '/health', port, { Connection: 'close' }));
      expect(answer.status).toBe(200);
    }
  });
});
