import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppServer } from './app-server';
import { startHarness, type Harness } from '../test-support/proxy-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('serving the built app', () => {
  it.each(['/', '/tokens', '/tokens/0a1b2c3d4e5f6a7b', '/tokens/0a1b2c3d4e5f6a7b/'])('answers %s with index.html (history fallback)', async (path) => {
    const response = await h.call(path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toBe(h.tempApp.indexHtml);
  });

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
    const response = await h.call('/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  it('does not serve dotfiles', async () => {
    expect((await h.call('/.env')).status).toBe(404);
  });

  it('refuses to start without a built app, naming the command that builds it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'token-manager-empty-'));
    try {
      await expect(startAppServer({ mode: 'influx', upstreamUrl: h.upstream.url, org: null, staticDir: empty })).rejects.toThrow(/npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
