// Compressed answers: the built app's files by content negotiation (twins made at build time), and API answers to
// clients that are not on this machine. Loopback clients get plain API answers: compressing would only cost time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-support/proxy-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The raw bytes and headers, without undici decoding anything. */
async function fetchRaw(url: string, acceptEncoding?: string) {
  const response = await request(url, {
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
  const body = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, body };
}

function decode(encoding: unknown, body: Buffer): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

describe('built app files', () => {
  async function withTwins() {
    h = await startHarness();
    const asset = join(h.tempApp.dir, h.tempApp.assetPath);
    // Marked twins, so the test sees which file was sent, not only that it decodes.
    writeFileSync(`${asset}.br`, brotliCompressSync(`${h.tempApp.assetBody}// br twin\n`));
    writeFileSync(`${asset}.gz`, gzipSync(`${h.tempApp.assetBody}// gz twin\n`));
    writeFileSync(join(h.tempApp.dir, 'index.html.gz'), gzipSync(h.tempApp.indexHtml));
    return h;
  }

  it('sends the brotli twin to a browser that takes br, with Vary and its own ETag, cached for good', async () => {
    const harness = await withTwins();
    const plain = await fetchRaw(`${harness.app.url}${harness.tempApp.assetPath}`);
    const br = await fetchRaw(`${harness.app.url}${harness.tempApp.assetPath}`, 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decode('br', br.body)).toContain('// br twin');
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
  });

  it('falls back to gzip, then to the plain file, as Accept-Encoding allows', async () => {
    const harness = await withTwins();
    const gz = await fetchRaw(`${harness.app.url}${harness.tempApp.assetPath}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decode('gzip', gz.body)).toContain('// gz twin');
    const refused = await fetchRaw(`${harness.app.url}${harness.tempApp.assetPath}`, 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.headers.vary).toBe('Accept-Encoding');
    expect(refused.body.toString('utf8')).toBe(harness.tempApp.assetBody);
  });

  it('serves the history fallback compressed too, still revalidated', async () => {
    const harness = await withTwins();
    const page = await fetchRaw(`${harness.app.url}/tokens/0a1b2c3d4e5f6a7b`, 'br, gzip');
    expect(page.headers['content-encoding']).toBe('gzip'); // only a .gz twin of index.html exists
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(decode('gzip', page.body)).toBe(harness.tempApp.indexHtml);
    const again = await request(`${harness.app.url}/tokens`, {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': String(page.headers.etag) },
    });
    await again.body.dump();
    expect(again.statusCode).toBe(304);
  });

  it('sends files without twins as they are, with no Vary', async () => {
    h = await startHarness();
    const svg = await fetchRaw(`${h.app.url}/favicon.svg`, 'br, gzip');
    expect(svg.headers['content-encoding']).toBeUndefined();
    expect(svg.headers.vary).toBeUndefined();
  });
});

describe('API answers', () => {
  const list = JSON.stringify({
    authorizations: Array.from({ length: 200 }, (_, i) => ({
      id: `id-${i}`,
      description: `token ${i}`,
      status: 'active',
    })),
  });
  const jsonAnswer = (harness: Harness) =>
    harness.upstream.respondWith((_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(list),
      });
      res.end(list);
    });

  it('are compressed for a client that is not on loopback and accepts it', async () => {
    h = await startHarness({ compressFor: 'all' }); // stands in for a remote client: tests only use loopback
    jsonAnswer(h);
    const br = await fetchRaw(`${h.app.url}/api/v2/authorizations`, 'gzip, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-length']).toBeUndefined();
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(Buffer.byteLength(list) / 5);
    expect(decode('br', br.body)).toBe(list);
    const gz = await fetchRaw(`${h.app.url}/api/v2/authorizations`, 'gzip');
    expect(decode(gz.headers['content-encoding'], gz.body)).toBe(list);
    expect(gz.headers['content-encoding']).toBe('gzip');
  });

  it('are sent plain to a loopback client, and to any client that does not accept compression', async () => {
    h = await startHarness();
    jsonAnswer(h);
    const local = await fetchRaw(`${h.app.url}/api/v2/authorizations`, 'gzip, br');
    expect(local.headers['content-encoding']).toBeUndefined();
    expect(local.body.toString('utf8')).toBe(list);
    await h.close();
    h = await startHarness({ compressFor: 'all' });
    jsonAnswer(h);
    const none = await fetchRaw(`${h.app.url}/api/v2/authorizations`);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString('utf8')).toBe(list);
  });

  it('are compressed after a request body too (a PATCH answer)', async () => {
    h = await startHarness({ compressFor: 'all' });
    jsonAnswer(h);
    const response = await request(`${h.app.url}/api/v2/authorizations/0a1b2c3d4e5f6a7b`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: '{"status":"inactive"}',
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(decode('gzip', body)).toBe(list);
    expect(h.upstream.received.at(-1)?.body).toBe('{"status":"inactive"}');
  });

  it('pass an answer InfluxDB already compressed through untouched', async () => {
    h = await startHarness({ compressFor: 'all' });
    const gzipped = gzipSync(list);
    h.upstream.respondWith((_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Content-Length': gzipped.length,
      });
      res.end(gzipped);
    });
    const answer = await fetchRaw(`${h.app.url}/api/v2/authorizations`, 'br, gzip');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.body.equals(gzipped)).toBe(true);
  });

  it('leave bodiless answers alone', async () => {
    h = await startHarness({ compressFor: 'all' });
    h.upstream.respondWith((_req, res) => res.writeHead(204).end());
    const answer = await request(`${h.app.url}/api/v2/authorizations/0a1b2c3d4e5f6a7b`, {
      method: 'DELETE',
      headers: { 'accept-encoding': 'br' },
    });
    await answer.body.dump();
    expect(answer.statusCode).toBe(204);
    expect(answer.headers['content-encoding']).toBeUndefined();
  });
});
