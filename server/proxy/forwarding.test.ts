import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { call } from '../test-support/http-call';
import { rawRequest } from '../test-support/raw-http';
import { startAppServer } from '../app/app-server';
import { startHarness, TEST_SERVER_TOKEN, type Harness } from '../test-support/proxy-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('forwarding', () => {
  it('sends an allowed path and its query unchanged, adding the server token when none is sent', async () => {
    const response = await h.call('/api/v2/authorizations?user=user2&org=my%20org');
    expect(response.status).toBe(200);
    expect(h.upstream.received).toHaveLength(1);
    const got = h.upstream.received[0]!;
    expect(got.url).toBe('/api/v2/authorizations?user=user2&org=my%20org');
    expect(got.headers.authorization).toBe(`Token ${TEST_SERVER_TOKEN}`);
    expect(got.headers.host).toBe(new URL(h.upstream.url).host);
  });

  it("keeps the person's own Authorization header", async () => {
    await h.call('/api/v2/me', { headers: { Authorization: 'Bearer personal-token' } });
    expect(h.upstream.received[0]!.headers.authorization).toBe('Bearer personal-token');
  });

  it("never swaps a person's own token for the server token, even when Connection names Authorization", async () => {
    // Raw bytes: HTTP clients rewrite the Connection header.
    const host = new URL(h.app.url).host;
    await rawRequest(
      h.app.port,
      `GET /api/v2/me HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Token narrow-token\r\nConnection: authorization, close\r\n\r\n`,
    );
    expect(h.upstream.received).toHaveLength(1);
    expect(h.upstream.received[0]!.headers.authorization).not.toBe(`Token ${TEST_SERVER_TOKEN}`);
  });

  it('sends nothing when there is no server token and the request has none', async () => {
    await h.close();
    h = await startHarness({ serverToken: undefined });
    await h.call('/api/v2/me');
    expect(h.upstream.received[0]!.headers.authorization).toBeUndefined();
  });

  it('does not pass cookies, origin or hop-by-hop headers upstream', async () => {
    await h.call('/api/v2/me', {
      headers: {
        Cookie: 'session=abc',
        'Proxy-Authorization': 'Basic eDp5',
        Origin: h.app.url,
        'Sec-Fetch-Site': 'same-origin',
        'X-Trace': 'kept',
      },
    });
    const headers = h.upstream.received[0]!.headers;
    expect(headers.cookie).toBeUndefined();
    expect(headers.origin).toBeUndefined();
    expect(headers['proxy-authorization']).toBeUndefined();
    expect(headers['sec-fetch-site']).toBeUndefined();
    expect(headers['x-trace']).toBe('kept');
  });

  it('passes status, InfluxDB error body and headers back unchanged, minus cookies, CORS and hop-by-hop headers', async () => {
    h.upstream.respondWith((_req, res) => {
      res.writeHead(404, {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Platform-Error-Code': 'not found',
        'X-Influxdb-Version': 'v2.7.11',
        'Set-Cookie': 'influxdb-oss-session=xyz',
        'Access-Control-Allow-Origin': '*',
        'Keep-Alive': 'timeout=77',
        Connection: 'keep-alive, X-Hop-Only',
        'X-Hop-Only': 'dropped',
      });
      res.end('{"code":"not found","message":"authorization not found"}');
    });
    const response = await h.call('/api/v2/authorizations/0a1b2c3d4e5f6a7b');
    expect(response.status).toBe(404);
    expect(response.text).toBe('{"code":"not found","message":"authorization not found"}');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['x-platform-error-code']).toBe('not found');
    expect(response.headers['x-influxdb-version']).toBe('v2.7.11');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['keep-alive']).not.toBe('timeout=77');
    expect(response.headers['x-hop-only']).toBeUndefined();
  });

  it('passes a 5xx answer and its body through', async () => {
    h.upstream.respondWith((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'X-Platform-Error-Code': 'unavailable' });
      res.end('{"code":"unavailable","message":"service unavailable, try later"}');
    });
    const response = await h.call('/api/v2/authorizations');
    expect(response.status).toBe(503);
    expect(response.json()).toEqual({ code: 'unavailable', message: 'service unavailable, try later' });
  });

  it('passes 204 answers (PATCH-less DELETE, /ping) through without a body', async () => {
    h.upstream.respondWith((_req, res) => res.writeHead(204).end());
    const response = await h.call('/api/v2/authorizations/0a1b2c3d4e5f6a7b', { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    // The audit trail's own GETs (who acts, what the token was) come first; then the DELETE, as sent.
    expect(h.upstream.received.at(-1)).toMatchObject({
      method: 'DELETE',
      url: '/api/v2/authorizations/0a1b2c3d4e5f6a7b',
    });
    expect(h.upstream.received.filter((r) => r.method !== 'GET')).toHaveLength(1);
  });

  it('forwards JSON bodies, sized or chunked, byte for byte', async () => {
    const body = JSON.stringify({ description: 'deactivated_auth', status: 'inactive' });
    await h.call('/api/v2/authorizations/0a1b2c3d4e5f6a7b', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    async function* chunked() {
      yield Buffer.from('{"orgID":"1111111111111111",');
      yield Buffer.from('"permissions":[]}');
    }
    await h.call('/api/v2/authorizations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: chunked(),
    });
    // (The audit trail's lookup of the unknown token before the PATCH is a GET without a body.)
    const sent = h.upstream.received.filter((r) => r.method !== 'GET');
    expect(sent.map((r) => [r.method, r.body])).toEqual([
      ['PATCH', body],
      ['POST', '{"orgID":"1111111111111111","permissions":[]}'],
    ]);
  });

  it('refuses bodies over 1 MiB with 413 and forwards nothing, whether declared or streamed', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    const declared = await h.call('/api/v2/authorizations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(declared.json()).toMatchObject({ code: 'request too large' });
    async function* streamed() {
      for (let i = 0; i < 20; i++) yield Buffer.alloc(64 * 1024, 'b');
    }
    const chunked = await h.call('/api/v2/authorizations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: streamed(),
    });
    expect(chunked.status).toBe(413);
    expect(h.upstream.received).toHaveLength(0);
  });

  it('streams the response: the first bytes arrive before the upstream has finished', async () => {
    let finish!: () => void;
    const upstreamMayFinish = new Promise<void>((resolve) => (finish = resolve));
    h.upstream.respondWith((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.write('{"authorizations":[');
      void upstreamMayFinish.then(() => res.end(']}'));
    });
    const response = await request(`${h.app.url}/api/v2/authorizations`);
    const reader = response.body[Symbol.asyncIterator]();
    const first = await reader.next();
    expect(Buffer.from(first.value as Buffer).toString()).toBe('{"authorizations":[');
    finish();
    let rest = '';
    for (let next = await reader.next(); !next.done; next = await reader.next())
      rest += Buffer.from(next.value as Buffer).toString();
    expect(rest).toBe(']}');
  });

  it('builds upstream URLs under a configured path prefix', async () => {
    const prefixed = await startAppServer({
      mode: 'influx',
      upstreamUrl: `${h.upstream.url}/influx/`,
      org: null,
      staticDir: h.tempApp.dir,
    });
    try {
      await call(prefixed.url, '/api/v2/me?x=1');
      expect(h.upstream.received[0]!.url).toBe('/influx/api/v2/me?x=1');
    } finally {
      await prefixed.close();
    }
  });
});

describe('answers from the app server itself', () => {
  it.each([
    ['GET', '/api/v2/write'],
    ['POST', '/api/v2/query'],
    ['GET', '/api/v2/users/0a1b2c3d4e5f6a7b/password'],
    ['GET', '/api/v2/setup'],
    ['GET', '/api/v2'],
    ['GET', '/api/v1/whatever'],
  ])('%s %s is 404 with an InfluxDB-style body, and nothing reaches InfluxDB', async (method, path) => {
    const response = await h.call(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: method === 'POST' ? '{}' : undefined,
    });
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ code: 'not found', message: 'path not found' });
    expect(response.headers['x-platform-error-code']).toBe('not found');
    expect(h.upstream.received).toHaveLength(0);
  });

  it('GET /api/app/config tells the app the mode, upstream and org, and never the token', async () => {
    const response = await h.call('/api/app/config');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      mode: 'influx',
      upstream: h.upstream.url,
      org: 'my-org',
      needsToken: false,
      connection: 'default',
      connections: [{ name: 'default', upstream: h.upstream.url, production: false, org: 'my-org', needsToken: false }],
    });
    expect(response.text).not.toContain(TEST_SERVER_TOKEN);
    expect(h.upstream.received).toHaveLength(0);
  });

  it('reports needsToken when the server holds no token', async () => {
    await h.close();
    h = await startHarness({ serverToken: undefined, org: null, mode: 'influx' });
    expect((await h.call('/api/app/config')).json()).toMatchObject({ org: null, needsToken: true });
  });
});
