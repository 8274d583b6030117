// Who gets in: cross-site forms and fetches, DNS-rebinding Host headers, request smuggling, path traversal and
// requests aimed at other hosts, all against the real product (stand-in + proxy holding the operator token).
// Every answer of the run is watched for the server token; so are the logs and the built app.
import { execFile, type ExecFileOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Authorization } from '../../core/influx-types';
import { startOtherHost, type OtherHost } from './support/other-host';
import { startProductUnderTest, type ProductUnderTest } from './support/product-under-test';
import { PROJECT_ROOT } from './support/standin-process';

let t: ProductUnderTest;
let other: OtherHost;
let victim: Authorization;
let host: string;
let appPort: number;
let standinPort: number;

beforeAll(async () => {
  t = await startProductUnderTest();
  other = await startOtherHost();
  appPort = t.product.app.port;
  standinPort = Number(new URL(t.product.standin.url).port);
  host = `127.0.0.1:${appPort}`;
  victim = (await t.snapshot()).find((a) => a.user === 'user2')!;
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

/** Asserts nothing changed since `before`, and the victim is still there. */
async function expectUnchanged(before: Authorization[], what: string): Promise<void> {
  const after = await t.snapshot();
  expect(after, `${what} changed the authorizations`).toEqual(before);
  expect(after.some((a) => a.id === victim.id)).toBe(true);
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=xyz'];

function formBody(type: string, orgID: string): string {
  if (type === 'text/plain') {
    // The classic trick: a text/plain form whose name=value pair spells a JSON create request.
    return `{"orgID":"${orgID}","description":"csrf","permissions":[{"action":"write","resource":{"type":"authorizations"}}],"x":"=y"}`;
  }
  if (type.startsWith('multipart'))
    return '--xyz\r\nContent-Disposition: form-data; name="status"\r\n\r\ninactive\r\n--xyz--\r\n';
  return 'description=csrf&status=inactive&_method=PATCH';
}

describe('cross-site requests through the proxy', () => {
  it('refuses form posts from other sites, whatever their content type, and changes nothing', async () => {
    const foreign: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { Origin: `http://127.0.0.1:${appPort}.evil.example` },
      { Origin: `http://localhost:${other.port}` },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site', Origin: `http://tokens.localhost:${appPort}` },
    ];
    const targets = [
      '/api/v2/authorizations',
      `/api/v2/authorizations/${victim.id}`,
      `/api/v2/authorizations/${victim.id}?_method=DELETE`,
    ];
    const before = await t.snapshot();
    let sent = 0;
    for (const type of FORM_TYPES) {
      for (const path of targets) {
        for (const headers of foreign) {
          const answer = await t.viaProxy(path, {
            method: 'POST',
            headers: { 'Content-Type': type, ...headers },
            body: formBody(type, victim.orgID),
          });
          expect(answer.status, `${type} to ${path} with ${JSON.stringify(headers)}`).toBe(403);
          sent++;
        }
        // A browser too old to send Origin still cannot send a form as JSON.
        const bare = await t.viaProxy(path, {
          method: 'POST',
          headers: { 'Content-Type': type },
          body: formBody(type, victim.orgID),
        });
        expect(bare.status, `${type} to ${path} without Origin`).toBe(415);
        sent++;
      }
    }
    await expectUnchanged(before, 'a cross-site form');
    expect(sent).toBe(FORM_TYPES.length * targets.length * (foreign.length + 1));
  });

  it('refuses cross-site fetches and preflights without leaking data, while its own pages still work', async () => {
    const before = await t.snapshot();
    const evil = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' };
    const json = { 'Content-Type': 'application/json' };
    const attempts = [
      { path: '/api/v2/authorizations', method: 'GET' },
      { path: `/api/v2/authorizations/${victim.id}`, method: 'GET' },
      { path: `/api/v2/authorizations?user=user2`, method: 'GET' },
      { path: '/api/v2/me', method: 'GET' },
      { path: '/api/app/config', method: 'GET' },
      { path: `/api/v2/authorizations/${victim.id}`, method: 'DELETE' },
      { path: `/api/v2/authorizations/${victim.id}`, method: 'PATCH', body: '{"status":"inactive"}' },
      {
        path: '/api/v2/authorizations',
        method: 'POST',
        body: JSON.stringify({ orgID: victim.orgID, permissions: [{ action: 'read', resource: { type: 'buckets' } }] }),
      },
    ];
    for (const a of attempts) {
      const answer = await t.viaProxy(a.path, { method: a.method, headers: { ...evil, ...json }, body: a.body });
      expect(answer.status, `${a.method} ${a.path}`).toBe(403);
      expect(answer.text).not.toContain(victim.id);
      expect(answer.text).not.toContain(victim.description);
      const preflight = await t.viaProxy(a.path, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://evil.example',
          'Access-Control-Request-Method': a.method,
          'Access-Control-Request-Headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(403);
      expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    await expectUnchanged(before, 'a cross-site fetch');
    // The same request from the app's own page goes through: the refusals above are about the site, not the request.
    const own = await t.viaProxy(`/api/v2/authorizations/${victim.id}`, {
      method: 'GET',
      headers: { Origin: t.product.url, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    expect(own.json().id).toBe(victim.id);
  });
});

describe('DNS rebinding', () => {
  it('refuses every Host that is not this server, for the API, the config and the page', async () => {
    const hosts = [
      'evil.example',
      `evil.example:${appPort}`,
      `127.0.0.1.nip.io:${appPort}`,
      `localhost.:${appPort}`,
      `localhost.evil.example:${appPort}`,
      `0x7f000001:${appPort}`,
      `2130706433:${appPort}`,
      `127.1:${appPort}`,
      `[::ffff:127.0.0.1]:${appPort}`,
      `127.0.0.1:${other.port}`,
      '127.0.0.1',
      `127.0.0.1:${appPort}.evil.example`,
      `127.0.0.1:${appPort}@evil.example`,
    ];
    const before = await t.snapshot();
    const paths = [
      ['GET', '/api/v2/authorizations'],
      ['GET', '/api/app/config'],
      ['GET', '/'],
      ['DELETE', `/api/v2/authorizations/${victim.id}`],
    ];
    for (const name of hosts) {
      for (const [method, path] of paths) {
        const answer = await t.raw(appPort, `${method} ${path} HTTP/1.1\r\nHost: ${name}\r\nConnection: close\r\n\r\n`);
        expect(answer.statuses, `${method} ${path} with Host ${name}`).toEqual([403]);
        expect(answer.text).not.toContain(victim.id);
      }
    }
    // No Host at all (HTTP/1.0), an empty one, and the foreign name first of two.
    for (const request of [
      'GET /api/v2/authorizations HTTP/1.0\r\n\r\n',
      'GET /api/v2/authorizations HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n',
      `GET /api/v2/authorizations HTTP/1.1\r\nHost: evil.example\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ]) {
      const answer = await t.raw(appPort, request);
      expect([400, 403], request).toContain(answer.status);
      expect(answer.text).not.toContain(victim.id);
    }
    await expectUnchanged(before, 'a rebinding request');
    const control = await t.raw(
      appPort,
      `GET /api/v2/authorizations HTTP/1.1\r\nHost: localhost:${appPort}\r\nConnection: close\r\n\r\n`,
    );
    expect(control.status).toBe(200);
  });
});

describe('request smuggling over raw sockets', () => {
  // Each framing is malformed or ambiguous; behind it hides a second request that would delete the victim.
  const framings: [string, string][] = [
    ['Content-Length and Transfer-Encoding', 'Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['Transfer-Encoding and Content-Length', 'Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n'],
    ['two different Content-Lengths', 'Content-Length: 0\r\nContent-Length: 5\r\n\r\n'],
    ['two equal Content-Lengths', 'Content-Length: 0\r\nContent-Length: 0\r\n\r\n'],
    ['a Content-Length list', 'Content-Length: 0, 0\r\n\r\n'],
    ['a signed Content-Length', 'Content-Length: +0\r\n\r\n'],
    ['a hex Content-Length', 'Content-Length: 0x0\r\n\r\n'],
    ['obs-fold in Transfer-Encoding', 'Transfer-Encoding: identity\r\n chunked\r\n\r\n0\r\n\r\n'],
    ['obs-fold in Content-Length', 'Content-Length:\r\n 0\r\n\r\n'],
    ['obs-fold in another header', 'X-Note: a\r\n b\r\nContent-Length: 0\r\n\r\n'],
    ['space before the colon', 'Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n'],
    ['a vertical tab in Transfer-Encoding', 'Transfer-Encoding: \x0bchunked\r\n\r\n0\r\n\r\n'],
    ['an unknown Transfer-Encoding', 'Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n'],
    ['chunked not last', 'Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n'],
    ['two Transfer-Encodings', 'Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n'],
    ['an overflowing chunk size', 'Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff1\r\n\r\n'],
    ['a bare LF after a chunk size', 'Transfer-Encoding: chunked\r\n\r\n0\n\n'],
    ['bare LF line ends', 'Content-Length: 0\n\n'],
    ['a bare CR', 'Content-Length: 0\r\rX: y\r\n\r\n'],
    ['a space in a header name', 'Content Length: 0\r\n\r\n'],
    ['a NUL in a header value', 'X-A: a\0b\r\nContent-Length: 0\r\n\r\n'],
  ];

  it(`refuses ${framings.length} ambiguous framings with one 400, at the proxy and at the stand-in; the hidden DELETE never runs`, async () => {
    const before = await t.snapshot();
    for (const [label, port, auth] of [
      ['proxy', appPort, ''],
      ['stand-in', standinPort, `Authorization: Token ${t.operatorToken}\r\n`],
    ] as const) {
      const hostLine = `Host: 127.0.0.1:${port}\r\n`;
      const hidden = `DELETE /api/v2/authorizations/${victim.id} HTTP/1.1\r\n${hostLine}${auth}\r\n`;
      for (const [name, framing] of framings) {
        const request = `POST /api/v2/authorizations HTTP/1.1\r\n${hostLine}${auth}Content-Type: application/json\r\n${framing}${hidden}`;
        const answer = await t.raw(port, request, { quietMs: 300 });
        expect(answer.statuses, `${label}: ${name}`).toEqual([400]);
      }
    }
    await expectUnchanged(before, 'a smuggling attempt');
  });
});

describe('requests aimed elsewhere', () => {
  it('refuses path traversal, absolute-form and //host targets; nothing reaches another host or a file', async () => {
    const o = other.authority;
    const refused = [
      '/api/v2/../../etc/passwd',
      '/api/v2/%2e%2e/%2e%2e/etc/passwd',
      '/api/v2/%2E%2E/%2E%2E/etc/passwd',
      '/api/v2/authorizations/..%2f..%2f..%2fetc%2fpasswd',
      '/api/v2/authorizations/%252e%252e/%252e%252e/setup',
      '/api/v2\\..\\..\\etc\\passwd',
      '/api/v2/authorizations/%5c..%5c..%5cetc%5cpasswd',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%c0%af..%c0%afpackage.json',
      '/%2e%2e/%2e%2e/data/operator-token',
      '/.%2e/.%2e/etc/passwd',
      '/api/v2/authorizations/%00/../../',
      `http://${o}/api/v2/me`,
      'http://evil.example/api/v2/me',
      `https://${o}/api/v2/authorizations`,
      `//${o}/api/v2/me`,
      '//evil.example/api/v2/authorizations',
      `///${o}/api/v2/me`,
      `/\\${o}/api/v2/me`,
      `@${o}/api/v2/me`,
      `${o}/api/v2/me`,
      '*',
    ];
    const before = await t.snapshot();
    const secrets = [readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8').slice(0, 40), 'root:x:0:0'];
    for (const target of refused) {
      const answer = await t.raw(appPort, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(answer.statuses, target).toEqual([400]);
      for (const secret of secrets) expect(answer.text).not.toContain(secret);
    }
    // Spellings that are plain paths or queries: forwarded to the one upstream, harmless there.
    const harmless: [string, number][] = [
      [`/api/v2/authorizations/@${o}/x`, 404],
      [`/api/v2/me?next=http://${o}/`, 200],
      [`/api/v2/me#@${o}`, 404],
      [`/api/v2/authorizations@${o}`, 404],
    ];
    for (const [target, status] of harmless) {
      const answer = await t.raw(appPort, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(answer.statuses, target).toEqual([status]);
    }
    // Naming the other host in Host, or tunnelling to it.
    expect(
      (await t.raw(appPort, `GET /api/v2/me HTTP/1.1\r\nHost: ${o}\r\nConnection: close\r\n\r\n`)).statuses,
    ).toEqual([403]);
    const tunnel = await t.raw(appPort, `CONNECT ${o} HTTP/1.1\r\nHost: ${o}\r\n\r\n`, { timeoutMs: 2000 });
    expect(tunnel.statuses.every((s) => s >= 400)).toBe(true);

    await expectUnchanged(before, 'a request aimed elsewhere');
    expect({ connections: other.connections, bytes: other.bytes }).toEqual({ connections: 0, bytes: 0 });
    console.log(
      `[access] ${refused.length} escaping targets refused, ${harmless.length} harmless spellings kept on the upstream; other host reached 0 times`,
    );
  });
});

describe('the built app', () => {
  const TOKEN_SHAPE = /[A-Za-z0-9_-]{86}==/;

  it('holds no token: none of this run, none in the environment, nothing shaped like one', async () => {
    // Built here, with this run's server token in the environment, so the scan looks for a token that existed
    // at build time (an existing dist/ was built before this run's token was made, and could never hold it).
    const built = mkdtempSync(join(tmpdir(), 'resilience-build-'));
    try {
      // Built in a child process without blocking this one: the servers under test live here, and a stalled event
      // loop would fire their keep-alive timers late, all at once, against the client's.
      const result = await run(
        process.execPath,
        [
          join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'),
          'build',
          '--outDir',
          built,
          '--emptyOutDir',
          '--logLevel',
          'error',
        ],
        {
          cwd: PROJECT_ROOT,
          env: { ...process.env, INFLUX_TOKEN: t.operatorToken, VITE_INFLUX_TOKEN: t.operatorToken },
          timeout: 90_000,
        },
      );
      expect(result.status, result.stderr).toBe(0);
      const secrets = [t.operatorToken, process.env.INFLUX_TOKEN].filter((s): s is string =>
        Boolean(s && s.length >= 16),
      );
      const localToken = join(PROJECT_ROOT, 'data', 'operator-token');
      if (existsSync(localToken)) secrets.push(readFileSync(localToken, 'utf8').trim());
      const files = walk(built);
      expect(files.some((f) => f.endsWith('.js'))).toBe(true);
      for (const file of files) {
        const text = readFileSync(file, 'latin1');
        for (const secret of secrets) expect(text.includes(secret), file).toBe(false);
        expect(TOKEN_SHAPE.exec(text)?.[0], `${file} holds something shaped like a token`).toBeUndefined();
      }
      console.log(`[access] built app: ${files.length} files checked (fresh build), no token`);
    } finally {
      rmSync(built, { recursive: true, force: true });
    }
  }, 120_000);
});

function run(file: string, args: string[], options: ExecFileOptions): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, encoding: 'utf8' }, (error, _stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr: String(stderr) });
    });
  });
}

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

describe('the server token', () => {
  it('appears in no answer and in no log line of this run', async () => {
    // Its own requests first, one of each kind of answer, so the check stands alone (the run's other tests add theirs).
    const seenBefore = t.watch.checked;
    const mine = [
      () => t.viaProxy('/api/v2/authorizations'),
      () => t.viaProxy('/api/v2/me'),
      () => t.viaProxy('/api/app/config'),
      () => t.viaProxy(`/api/v2/authorizations/${victim.id}`),
      () => t.viaProxy('/api/v2/authorizations', { headers: { Authorization: 'Token not-a-real-token' } }),
      () =>
        t.viaProxy('/api/v2/authorizations', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
          body: '{}',
        }),
      () =>
        t.viaProxy('/api/v2/authorizations', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
      () =>
        t.viaProxy('/api/v2/authorizations/0123456789abcdef', {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: '{"status":"bogus"}',
        }),
      () => t.viaProxy('/api/v2/authorizations', { method: 'OPTIONS' }),
      () => t.viaProxy('/debug/pprof'),
      () => t.raw(appPort, `GET /api/v2/authorizations HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      () => t.raw(appPort, `GET /api/v2/me HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`),
    ];
    for (const send of mine) await send();
    expect(t.watch.checked - seenBefore).toBeGreaterThanOrEqual(mine.length);
    expect(t.watch.leaks).toEqual([]);
    for (const line of t.appLogs) expect(line.includes(t.operatorToken.slice(0, 44))).toBe(false);
    const printed = t.standinLogs.filter((line) => line.includes(t.operatorToken.slice(0, 44)));
    expect(printed).toEqual([]);
    expect(
      t.standinLogs.some((line) =>
        /^Operator token written to .*operator-token \(mode 0600\); read it with: cat /.test(line),
      ),
    ).toBe(true);
    console.log(
      `[access] ${t.watch.checked} answers watched for the server token: 0 leaks; ${t.appLogs.length + t.standinLogs.length} log lines`,
    );
  });
});
