// Serves the built app from dist/ with @fastify/static: real files as they are (or their .br/.gz twins, written by
// the build, when the browser takes them), and index.html for app routes such as /tokens/<id> (history fallback),
// so a reload or a shared link opens the same view.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConfigError } from '../config-error';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const TWIN_SUFFIXES = ['.br', '.gz'];

declare module 'fastify' {
  interface FastifyRequest {
    /** The app file this request is answered with ("/index.html" for app routes), once chosen. */
    staticFile: string | null;
  }
}

export type PageHandler = (request: FastifyRequest, reply: FastifyReply, path: string) => Promise<unknown>;

/**
 * Registers @fastify/static for `dir` in `scope` and returns the handler for gated page requests.
 * Throws when `dir` holds no built app, naming the command that builds it.
 */
export async function registerStaticFiles(scope: FastifyInstance, dir: string): Promise<PageHandler> {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    throw new ConfigError(
      `The app is not built: ${indexFile} does not exist. Run \`npm run build\` (or use \`npm start\`, which builds first).`,
    );
  }
  await scope.register(fastifyStatic, {
    root,
    serve: false,
    // The twins vite-plugin-compression2 writes beside each file.
    preCompressed: true,
    index: false,
    dotfiles: 'deny',
    acceptRanges: false,
    lastModified: false,
    cacheControl: false,
  });
  scope.decorateRequest('staticFile', null);

  scope.addHook('onSend', (request, reply, payload, done) => {
    const file = request.staticFile;
    if (!file || (reply.statusCode !== 200 && reply.statusCode !== 304)) return done(null, payload);
    reply.header('content-type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
    // Vite puts content hashes in /assets/ names, so those never change; everything else is revalidated.
    reply.header('cache-control', file.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    // Caches must key on Accept-Encoding only where a compressed twin exists.
    if (TWIN_SUFFIXES.some((suffix) => existsSync(join(root, file + suffix)))) reply.header('vary', 'Accept-Encoding');
    else reply.removeHeader('vary');
    // Each encoding is its own representation, with its own validator (see ifNoneMatchOfFile for the way back).
    const encoding = reply.getHeader('content-encoding');
    const etag = reply.getHeader('etag');
    if (encoding && typeof etag === 'string') reply.header('etag', `${etag.slice(0, -1)}-${String(encoding)}"`);
    done(null, payload);
  });

  return async (request, reply, path) => {
    const decoded = decodeURIComponent(path);
    const file = resolve(root, `.${decoded}`);
    // parseRequestTarget already refused "..": this is the second lock on the same door.
    if (file !== root && !file.startsWith(root + sep)) return notFound(reply);
    if (decoded.split('/').some((segment) => segment.startsWith('.'))) return notFound(reply);

    let served: string;
    if (!decoded.endsWith('/') && (await isRegularFile(file))) served = decoded;
    // A missing file with an extension is a broken asset link; answering HTML there would only hide it.
    else if (extname(decoded) !== '') return notFound(reply);
    else served = '/index.html';
    request.staticFile = served;
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch) request.raw.headers['if-none-match'] = ifNoneMatchOfFile(ifNoneMatch);
    return reply.sendFile(served.slice(1));
  };
}

/** The ETags we send name their encoding; @fastify/send compares with the file's own, so drop that suffix again. */
function ifNoneMatchOfFile(header: string): string {
  return header.replace(/-(?:br|gzip)"/g, '"');
}

async function isRegularFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export function notFound(reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .header('content-type', 'text/plain; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send('Not found\n');
}
