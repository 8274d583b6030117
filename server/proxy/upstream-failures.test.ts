import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startAppServer, type RunningAppServer } from '../app/app-server';
import { call } from '../test-support/http-call';
import {
  closedPortUrl,
  hang,
  resetMidResponse,
  startFakeUpstream,
  type FakeUpstream,
} from '../test-support/fake-upstream';
import { makeTempApp, type TempApp } from '../test-support/temp-app';
import { TEST_SERVER_TOKEN } from '../test-support/proxy-harness';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function appFor(upstreamUrl: string, timeoutMs = 5_000): Promise<{ app: RunningAppServer; logs: string[] }> {
  const tempApp: TempApp = makeTempApp();
  cleanups.push(() => tempApp.remove());
  const logs: string[] = [];
  const app = await startAppServer({
    mode: 'influx',
    upstreamUrl,
    serverToken: TEST_SERVER_TOKEN,
    org: 'my-org',
    staticDir: tempApp.dir,
    timeoutMs,
    log: (line) => logs.push(line),
  });
  cleanups.push(() => app.close());
  return { app, logs };
}

async function fake(): Promise<FakeUpstream> {
  const upstream = await startFakeUpstream();
  cleanups.push(() => upstream.close());
  return upstream;
}

describe('when InfluxDB cannot answer', () => {
  it('answers 502 "unreachable: connection refused" when nothing listens', async () => {
    const upstreamUrl = await closedPortUrl();
    const { app, logs } = await appFor(upstreamUrl);
    const response = await call(app.url, '/api/v2/authorizations');
    expect(response.status).toBe(502);
    expect(response.headers['x-platform-error-code']).toBe('unavailable');
    expect(response.json()).toEqual({
      code: 'unavailable',
      message: `InfluxDB at ${upstreamUrl} is unreachable: connection refused (is it running, and on that port?)`,
    });
    expect(logs.join('\n')).toContain('connection refused');
  });

  it('answers 504 after the configured timeout when InfluxDB hangs', async () => {
    const upstream = await fake();
    upstream.respondWith(hang);
    const { app } = await appFor(upstream.url, 300);
    const started = Date.now();
    const response = await call(app.url, '/api/v2/authorizations');
    expect(response.status).toBe(504);
    expect(response.headers['x-platform-error-code']).toBe('unavailable');
    expect(response.json<{ message: string }>().message).toMatch(/did not answer within 300 ms.*PROXY_TIMEOUT_MS/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('answers 502 naming a TLS/certificate problem for a self-signed certificate', async () => {
    const server = createHttpsServer({
      key: readFileSync(new URL('../test-support/fixtures/self-signed-key.pem', import.meta.url)),
      cert: readFileSync(new URL('../test-support/fixtures/self-signed-cert.pem', import.meta.url)),
    });
    server.on('request', (_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { app } = await appFor(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const response = await call(app.url, '/api/v2/me');
    expect(response.status).toBe(502);
    expect(response.headers['x-platform-error-code']).toBe('unavailable');
    expect(response.json<{ message: string }>().message).toMatch(
      /^TLS\/certificate problem talking to InfluxDB at https:\/\/127\.0\.0\.1:\d+: .*self.signed/i,
    );
  });

  it('answers 502 naming TLS when https:// points at a plain HTTP server', async () => {
    const upstream = await fake();
    const { app } = await appFor(upstream.url.replace('http:', 'https:'));
    const response = await call(app.url, '/api/v2/me');
    expect(response.status).toBe(502);
    expect(response.json<{ message: string }>().message).toMatch(/^TLS\/certificate problem/);
  });

  it('passes a 500 from InfluxDB through as it is', async () => {
    const upstream = await fake();
    upstream.respondWith((_req, res) => {
      res.writeHead(500, {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Platform-Error-Code': 'internal error',
      });
      res.end('{"code":"internal error","message":"unexpected EOF"}');
    });
    const { app } = await appFor(upstream.url);
    const response = await call(app.url, '/api/v2/authorizations/0a1b2c3d4e5f6a7b', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: '{"status":',
    });
    expect(response.status).toBe(500);
    expect(response.json()).toEqual({ code: 'internal error', message: 'unexpected EOF' });
  });

  it('cuts the client response off (no hang) when InfluxDB resets mid-response', async () => {
    const upstream = await fake();
    upstream.respondWith(resetMidResponse);
    const { app, logs } = await appFor(upstream.url);
    const response = await request(`${app.url}/api/v2/authorizations`);
    expect(response.statusCode).toBe(200);
    await expect(response.body.text()).rejects.toThrow();
    expect(logs.join('\n')).toMatch(/response cut off/);
  });

  it('cuts the answer to a token change off the same way (the trail reads it first), so the page can say so', async () => {
    const upstream = await fake();
    upstream.respondWith((req, res, body) =>
      req.method === 'PATCH' ? resetMidResponse(req, res, body) : res.writeHead(404).end(),
    );
    const { app, logs } = await appFor(upstream.url);
    const response = await request(`${app.url}/api/v2/authorizations/0a1b2c3d4e5f6a7b`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"status":"inactive"}',
    });
    expect(response.statusCode).toBe(200);
    await expect(response.body.text()).rejects.toThrow();
    expect(logs.join('\n')).toMatch(/response cut off/);
  });

  it('gives up on InfluxDB when the browser goes away', async () => {
    const upstream = await fake();
    upstream.respondWith(hang);
    const { app } = await appFor(upstream.url);
    const upstreamClosed = new Promise<void>((resolve) => {
      upstream.respondWith((req) => req.socket.on('close', () => resolve()));
    });
    const abort = new AbortController();
    const pending = request(`${app.url}/api/v2/authorizations`, { signal: abort.signal });
    while (upstream.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    abort.abort();
    await expect(pending).rejects.toThrow();
    await upstreamClosed;
  });

  it('stops reading from InfluxDB when the browser leaves mid-answer, without calling it an upstream failure', async () => {
    const upstream = await fake();
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    upstream.respondWith((req, res) => {
      req.socket.on('close', () => upstreamClosed());
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.write('{"authorizations":[');
      // never ends: only the browser leaving can finish this exchange
    });
    const { app, logs } = await appFor(upstream.url);
    const abort = new AbortController();
    const response = await request(`${app.url}/api/v2/authorizations`, { signal: abort.signal });
    for await (const _chunk of response.body) break;
    abort.abort();
    await closed;
    expect(logs.join('\n')).not.toMatch(/cut off|unreachable/);
  });

  it('answers again as soon as InfluxDB is back', async () => {
    const upstream = await fake();
    const { app } = await appFor(upstream.url);
    await upstream.close();
    expect((await call(app.url, '/api/v2/me')).status).toBe(502);
    const back = createServerOn(new URL(upstream.url).port);
    cleanups.push(() => new Promise((resolve) => back.close(() => resolve())));
    await new Promise<void>((resolve) => back.once('listening', resolve));
    expect((await call(app.url, '/api/v2/me')).status).toBe(200);
  });
});

function createServerOn(port: string) {
  return createHttpServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')).listen(
    Number(port),
    '127.0.0.1',
  );
}
