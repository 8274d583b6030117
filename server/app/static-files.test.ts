import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAppServer, type BuiltAppServer } from './app-server';
import { makeTempApp, type TempApp } from '../test-support/temp-app';

// Static serving does not depend on sockets: these drive the app server with Fastify's inject. Nothing is forwarded,
// so the upstream is a closed port.
const UPSTREAM = 'http://127.0.0.1:9';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

let h: {
  tempApp: TempApp;
  built: BuiltAppServer;
  call(
    path: string,
    init?: { method?: 'GET' | 'HEAD' | 'POST'; headers?: Record<string, string>; body?: string },
  ): Promise<Answer>;
};
beforeEach(async () => {
  const tempApp = makeTempApp();
  const built = await buildAppServer({ mode: 'influx', upstreamUrl: UPSTREAM, org: null, staticDir: tempApp.dir });
  h = {
    tempApp,
    built,
    async call(path, init = {}) {
      const response = await built.fastify.inject({
        url: path,
        method: init.method ?? 'GET',
        headers: init.headers,
        payload: init.body,
      });
      return { status: response.statusCode, headers: response.headers, text: response.body };
    },
  };
});
afterEach(async () => {
  await h.built.fastify.close();
  h.tempApp.remove();
});

describe('serving the built app', () => {
  it.each(['/', '/tokens', '/tokens/0a1b2c3d4e5f6a7b', '/tokens/0a1b2c3d4e5f6a7b/'])(
    'answers %s with index.html (history fallback)',
    async (path) => {
      const response = await h.call(path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toBe(h.tempApp.indexHtml);
    },
  );

  it('serves hashed assets as JavaScript, cached for good', async () => {
    const response = await h.call(h.tempApp.assetPath);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe(h.tempApp.assetBody);
  });

  it('answers 404, not the page, for a missing file with an extension', async () => {
    const response = await h.call('/assets/index-gone.js');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('answers HEAD without a body and revalidates with the ETag', async () => {
    const head = await h.call('/favicon.svg', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers['content-type']).toBe('image/svg+xml');
    const again = await h.call('/favicon.svg', { headers: { 'If-None-Match': String(head.headers.etag) } });
    expect(again.status).toBe(304);
  });

  it('refuses other methods on pages with 405', async () => {
    const response = await h.call('/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  it('does not serve dotfiles', async () => {
    expect((await h.call('/.env')).status).toBe(404);
  });

  it('refuses to start without a built app, naming the command that builds it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'token-manager-empty-'));
    try {
      await expect(
        buildAppServer({ mode: 'influx', upstreamUrl: UPSTREAM, org: null, staticDir: empty }),
      ).rejects.toThrow(/npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
