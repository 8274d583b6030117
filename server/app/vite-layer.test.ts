// `npm run dev`: Vite inside the app server keeps the proxy's behaviour and serves hot reload on the same port.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'undici';
import { startAppServer, type RunningAppServer } from './app-server';
import { DEV_CSP } from '../proxy/security-headers';
import { createViteLayer } from './vite-layer';
import { call } from '../test-support/http-call';
import { startFakeUpstream, type FakeUpstream } from '../test-support/fake-upstream';
import { TEST_SERVER_TOKEN } from '../test-support/proxy-harness';

let upstream: FakeUpstream;
let app: RunningAppServer;
let cacheDir: string;
// Vite's dependency optimizer is off here: close() does not wait for it, and on a loaded machine it was still
// renaming and removing folders in cacheDir when the cleanup below ran (ENOTEMPTY in CI). With it off, Vite writes
// nothing there; what these tests check (proxy, CSP, hot reload, what is never served) does not depend on it.
const NO_OPTIMIZER = { noDiscovery: true, include: [] };
beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'token-manager-vite-'));
  upstream = await startFakeUpstream();
  app = await startAppServer({
    mode: 'influx',
    upstreamUrl: upstream.url,
    serverToken: TEST_SERVER_TOKEN,
    org: 'my-org',
    appLayer: (server) =>
      createViteLayer(server, { allowedHosts: [], cacheDir, logLevel: 'silent', optimizeDeps: NO_OPTIMIZER }),
    contentSecurityPolicy: DEV_CSP,
  });
});
afterAll(async () => {
  await app?.close();
  await upstream?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the dev server', () => {
  it('serves index.html through Vite for app routes, with the dev CSP', async () => {
    const page = await call(app.url, '/tokens/0a1b2c3d4e5f6a7b');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/@vite/client');
    expect(page.text).toContain('<title>API Tokens');
    expect(page.headers['content-security-policy']).toBe(DEV_CSP);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('transforms the app source on request', async () => {
    const source = await call(app.url, '/src/main.tsx');
    expect(source.status).toBe(200);
    expect(source.headers['content-type']).toMatch(/javascript/);
  });

  it('keeps the proxy: forwards the allow-list with the server token, refuses the rest and foreign origins', async () => {
    expect((await call(app.url, '/api/v2/me')).status).toBe(200);
    expect(upstream.received.at(-1)!.headers.authorization).toBe(`Token ${TEST_SERVER_TOKEN}`);
    expect(
      (
        await call(app.url, '/api/v2/write', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(404);
    expect((await call(app.url, '/api/v2/me', { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    expect((await call(app.url, '/src/main.tsx', { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect(upstream.received).toHaveLength(1);
  });

  it('accepts the hot-reload WebSocket on the same port', async () => {
    const client = (await call(app.url, '/@vite/client')).text;
    const token = /const wsToken = "([^"]+)"/.exec(client)?.[1];
    expect(token).toBeTruthy();
    const socket = new WebSocket(`${app.url.replace('http:', 'ws:')}/?token=${token}`, 'vite-hmr');
    try {
      const first = await new Promise<string>((resolve, reject) => {
        socket.addEventListener('message', (event) => resolve(String(event.data)));
        socket.addEventListener('error', () => reject(new Error('HMR WebSocket failed')));
      });
      expect(JSON.parse(first)).toMatchObject({ type: 'connected' });
    } finally {
      socket.close();
    }
  });

  it('never serves the stand-in data folder, the operator token or secrets, even inside the project root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'token-manager-vite-root-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>root</title>');
    writeFileSync(join(root, 'notes.txt'), 'public');
    writeFileSync(join(dataDir, 'operator-token'), 'secret-operator-token');
    writeFileSync(join(dataDir, 'standin.sqlite'), 'secret-db');
    writeFileSync(join(dataDir, 'other.json'), '{"secret":true}');
    writeFileSync(join(root, 'configs'), 'token = "secret"');
    const devApp = await startAppServer({
      mode: 'standin',
      upstreamUrl: upstream.url,
      org: null,
      appLayer: (server) =>
        createViteLayer(server, {
          allowedHosts: [],
          privateDirs: [dataDir],
          root,
          cacheDir,
          logLevel: 'silent',
          optimizeDeps: NO_OPTIMIZER,
        }),
    });
    try {
      expect((await call(devApp.url, '/notes.txt')).text).toBe('public');
      for (const path of [
        '/data/operator-token',
        '/data/operator-token?raw',
        '/data/standin.sqlite',
        '/data/other.json',
        '/configs',
        `/@fs${dataDir}/operator-token`,
      ]) {
        const response = await call(devApp.url, path);
        expect(response.text, path).not.toContain('secret');
      }
    } finally {
      await devApp.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
