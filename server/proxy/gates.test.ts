import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppServer } from '../app/app-server';
import { rawRequest, statusOf } from '../test-support/raw-http';
import { startHarness, TEST_SERVER_TOKEN, type Harness } from '../test-support/proxy-harness';

let h: Harness;
let host: string;
beforeEach(async () => {
  h = await startHarness();
  host = new URL(h.app.url).host;
});
afterEach(() => h.close());

const json = { 'Content-Type': 'application/json' };

describe('DNS rebinding: the Host header must name this server', () => {
  it('refuses unknown hosts with 403 and forwards nothing', async () => {
    const response = await h.call('/api/v2/authorizations', { headers: { Host: `evil.example:${h.app.port}` } });
    expect(response.status).toBe(403);
    expect(response.json<{ message: string }>().message).toMatch(/not known as "evil.example:\d+".*ALLOWED_HOSTS/);
    expect((await h.call('/', { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect(h.upstream.received).toHaveLength(0);
  });

  it('answers to 127.0.0.1, localhost and [::1] on its port, and to ALLOWED_HOSTS', async () => {
    for (const name of [`127.0.0.1:${h.app.port}`, `localhost:${h.app.port}`, `[::1]:${h.app.port}`]) {
      expect((await h.call('/api/v2/me', { headers: { Host: name } })).status).toBe(200);
    }
    expect((await h.call('/api/v2/me', { headers: { Host: `localhost:${h.app.port + 1}` } })).status).toBe(403);
    await h.close();
    h = await startHarness({ allowedHosts: ['tokens.lan'] });
    expect((await h.call('/api/v2/me', { headers: { Host: 'tokens.lan' } })).status).toBe(200);
    expect((await h.call('/api/v2/me', { headers: { Host: `tokens.lan:${h.app.port}` } })).status).toBe(200);
  });
});

describe('cross-site requests', () => {
  it.each(['GET', 'DELETE', 'POST', 'PATCH'])(
    'refuses %s from another origin with 403 and forwards nothing',
    async (method) => {
      const response = await h.call('/api/v2/authorizations/0a1b2c3d4e5f6a7b', {
        method,
        headers: { ...json, Origin: 'https://evil.example' },
        body: method === 'POST' || method === 'PATCH' ? '{"status":"inactive"}' : undefined,
      });
      expect(response.status).toBe(403);
      expect(response.headers['x-platform-error-code']).toBe('forbidden');
      expect(h.upstream.received).toHaveLength(0);
    },
  );

  it('refuses Origin: null and an origin on another port', async () => {
    expect((await h.call('/api/v2/me', { headers: { Origin: 'null' } })).status).toBe(403);
    expect((await h.call('/api/v2/me', { headers: { Origin: `http://127.0.0.1:${h.app.port + 1}` } })).status).toBe(
      403,
    );
    expect((await h.call('/api/app/config', { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
  });

  it.each(['cross-site', 'same-site'])('refuses Sec-Fetch-Site: %s', async (site) => {
    const response = await h.call('/api/v2/authorizations/0a1b2c3d4e5f6a7b', {
      method: 'DELETE',
      headers: { 'Sec-Fetch-Site': site },
    });
    expect(response.status).toBe(403);
    expect(h.upstream.received).toHaveLength(0);
  });

  it('allows its own pages (same origin) and clients that send neither header (curl, the CLI)', async () => {
    const own = await h.call('/api/v2/authorizations/0a1b2c3d4e5f6a7b', {
      method: 'PATCH',
      headers: { ...json, Origin: h.app.url, 'Sec-Fetch-Site': 'same-origin' },
      body: '{"status":"inactive"}',
    });
    expect(own.status).toBe(200);
    expect((await h.call('/api/v2/me', { headers: { 'Sec-Fetch-Site': 'none' } })).status).toBe(200);
    expect((await h.call('/api/v2/authorizations/0a1b2c3d4e5f6a7b', { method: 'DELETE' })).status).toBe(200);
    // Both changes went through (the other requests are GETs: /me, and the audit trail's own lookups).
    expect(h.upstream.received.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['PATCH', 'DELETE']);
    expect(h.upstream.received.filter((r) => r.url === '/api/v2/me').length).toBeGreaterThanOrEqual(1);
  });

  it('lets a link from another site open the page, but not fetch assets or the API', async () => {
    const navigation = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' };
    expect((await h.call('/tokens/0a1b2c3d4e5f6a7b', { headers: navigation })).status).toBe(200);
    expect(
      (await h.call(h.tempApp.assetPath, { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' } }))
        .status,
    ).toBe(403);
    expect((await h.call('/tokens', { headers: { ...navigation, 'Sec-Fetch-Dest': 'iframe' } })).status).toBe(403);
    expect((await h.call('/api/v2/authorizations', { headers: navigation })).status).toBe(403);
  });

  it.each([
    ['POST', '/api/v2/authorizations'],
    ['PATCH', '/api/v2/authorizations/0a1b2c3d4e5f6a7b'],
    ['PUT', '/api/v2/authorizations/0a1b2c3d4e5f6a7b'],
  ])('requires Content-Type: application/json on %s (415 otherwise)', async (method, path) => {
    for (const headers of [
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      {},
    ] as Record<string, string>[]) {
      const response = await h.call(path, { method, headers, body: '{"status":"inactive"}' });
      expect(response.status).toBe(415);
    }
    expect(h.upstream.received).toHaveLength(0);
    expect(
      (await h.call(path, { method, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{}' }))
        .status,
    ).toBe(200);
  });

  it('never sends CORS headers, not even to preflights', async () => {
    const preflight = await h.call('/api/v2/authorizations', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'DELETE' },
    });
    expect(preflight.status).toBe(403);
    const ownPreflight = await h.call('/api/v2/authorizations', { method: 'OPTIONS', headers: { Origin: h.app.url } });
    expect(ownPreflight.status).toBe(405);
    for (const response of [preflight, ownPreflight, await h.call('/api/v2/me'), await h.call('/')]) {
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    expect(h.upstream.received).toHaveLength(1);
  });
});

describe('request targets that could escape', () => {
  it.each([
    ['absolute-form URL', `GET http://evil.example/api/v2/me HTTP/1.1`],
    ['absolute-form to the upstream', `GET http://127.0.0.1:1/ping HTTP/1.1`],
    ['//host prefix', `GET //evil.example/api/v2/me HTTP/1.1`],
    ['raw ..', `GET /api/v2/authorizations/../../debug/pprof HTTP/1.1`],
    ['encoded ..', `GET /assets/%2e%2e/%2e%2e/etc/passwd HTTP/1.1`],
    ['encoded slash', `GET /api/v2/authorizations%2F..%2Fsetup HTTP/1.1`],
    ['backslash', `GET /api/v2/authorizations\\..\\setup HTTP/1.1`],
    ['encoded backslash', `GET /assets%5c..%5cpackage.json HTTP/1.1`],
  ])('refuses %s with 400 and forwards nothing', async (_name, line) => {
    const answer = await rawRequest(h.app.port, `${line}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer)).toBe(400);
    expect(h.upstream.received).toHaveLength(0);
  });

  it('refuses a request with both Content-Length and Transfer-Encoding (request smuggling)', async () => {
    const smuggled =
      `POST /api/v2/authorizations HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
      'Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nDELETE /api/v2/authorizations/0a1b2c3d4e5f6a7b HTTP/1.1\r\n' +
      `Host: ${host}\r\n\r\n`;
    const answer = await rawRequest(h.app.port, smuggled);
    expect(statusOf(answer)).toBe(400);
    expect(answer.match(/^HTTP\/1\.1/gm)).toHaveLength(1);
    expect(h.upstream.received).toHaveLength(0);
  });
  it('answers a request it cannot parse with a bare 400 that closes the connection, as Node does', async () => {
    const answer = await rawRequest(h.app.port, `GET /api/v2/me HTTP/1.1\r\nHost: ${host}\r\nBad Header\r\n\r\n`);
    expect(answer).toBe('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    expect(h.upstream.received).toHaveLength(0);
  });
});

describe('security headers', () => {
  it('puts CSP, nosniff, no-referrer and DENY on pages, assets and API answers', async () => {
    for (const path of [
      '/',
      '/tokens/0a1b2c3d4e5f6a7b',
      h.tempApp.assetPath,
      '/api/v2/me',
      '/api/app/config',
      '/api/v2/nope',
    ]) {
      const response = await h.call(path);
      expect(response.headers['content-security-policy'], path).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
      expect(response.headers['referrer-policy'], path).toBe('no-referrer');
      expect(response.headers['x-frame-options'], path).toBe('DENY');
    }
  });
});

describe('the server token', () => {
  it('never appears in any answer or log line, whatever happens', async () => {
    const seen: string[] = [];
    const record = (r: { status: number; headers: object; text: string }) => seen.push(JSON.stringify(r));
    for (const path of [
      '/',
      '/tokens/x',
      h.tempApp.assetPath,
      '/api/app/config',
      '/api/v2/me',
      '/api/v2/nope',
      '/missing.js',
    ]) {
      record(await h.call(path));
    }
    record(await h.call('/api/v2/me', { headers: { Origin: 'https://evil.example' } }));
    record(await h.call('/api/v2/me', { headers: { Host: 'evil.example' } }));
    record(
      await h.call('/api/v2/authorizations', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }),
    );
    record(
      await h.call('/api/v2/authorizations', { method: 'POST', headers: json, body: Buffer.alloc(2 * 1024 * 1024) }),
    );
    h.upstream.respondWith((_req, res) => res.socket?.destroy());
    record(await h.call('/api/v2/authorizations'));
    await h.upstream.close();
    record(await h.call('/api/v2/authorizations'));
    seen.push(
      await rawRequest(h.app.port, `GET http://evil.example/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    );

    expect(h.logs.length).toBeGreaterThan(0);
    const everything = [...seen, ...h.logs].join('\n');
    expect(everything).toContain('unreachable');
    expect(everything).not.toContain(TEST_SERVER_TOKEN);
    expect(everything).not.toContain(TEST_SERVER_TOKEN.slice(0, 24));
  });

  it('refuses to listen on a non-loopback address while holding a token, unless allowed', async () => {
    await expect(
      startAppServer({
        mode: 'influx',
        upstreamUrl: h.upstream.url,
        serverToken: 't',
        org: null,
        staticDir: h.tempApp.dir,
        host: '0.0.0.0',
      }),
    ).rejects.toThrow(/Refusing to listen on 0\.0\.0\.0.*ALLOW_REMOTE=1/);
  });
});
