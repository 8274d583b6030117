// Serves the built app from dist/: real files as they are, and index.html for app routes such as /tokens/<id>
// (history fallback), so a reload or a shared link opens the same view.
import { createReadStream, existsSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ConfigError } from '../proxy/config-error';
import { preferredEncoding, type Encoding } from '../proxy/content-encoding';

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

export type AppHandler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;

/** Throws when `dir` holds no built app, naming the command that builds it. */
export function createStaticApp(dir: string): AppHandler {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    throw new ConfigError(`The app is not built: ${indexFile} does not exist. Run \`npm run build\` (or use \`npm start\`, which builds first).`);
  }

  return async (req, res, path) => {
    const decoded = decodeURIComponent(path);
    const file = resolve(root, `.${decoded}`);
    // parseRequestTarget already refused "..": this is the second lock on the same door.
    if (file !== root && !file.startsWith(root + sep)) return notFound(res);
    if (decoded.split('/').some((segment) => segment.startsWith('.'))) return notFound(res);

    const found = decoded.endsWith('/') ? null : await regularFile(file);
    if (found) return sendFile(req, res, await chooseVariant(req, file, found), decoded.startsWith('/assets/'));
    // A missing file with an extension is a broken asset link; answering HTML there would only hide it.
    if (extname(decoded) !== '') return notFound(res);
    const index = await regularFile(indexFile);
    if (!index) return notFound(res);
    return sendFile(req, res, await chooseVariant(req, indexFile, index), false);
  };
}

interface Variant {
  /** The file as asked for: its name decides the Content-Type. */
  file: string;
  /** What is sent: the file itself, or its compressed twin made at build time. */
  sent: string;
  info: Stats;
  encoding: Encoding | null;
  /** Whether compressed twins exist, so caches must key on Accept-Encoding. */
  varies: boolean;
}

const ENCODINGS: readonly Encoding[] = ['br', 'gzip'];
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** The build writes `x.js.br` and `x.js.gz` beside `x.js` (vite-plugin-compression2): send the best one accepted. */
async function chooseVariant(req: IncomingMessage, file: string, info: Stats): Promise<Variant> {
  const twins = new Map<Encoding, Stats>();
  for (const encoding of ENCODINGS) {
    const twin = await regularFile(file + SUFFIX[encoding]);
    if (twin) twins.set(encoding, twin);
  }
  const encoding = preferredEncoding(req.headers['accept-encoding'], [...twins.keys()]);
  if (!encoding) return { file, sent: file, info, encoding: null, varies: twins.size > 0 };
  return { file, sent: file + SUFFIX[encoding], info: twins.get(encoding)!, encoding, varies: true };
}

async function regularFile(file: string): Promise<Stats | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, variant: Variant, immutable: boolean): Promise<void> {
  const { file, sent, info, encoding } = variant;
  // Each encoding is its own representation, with its own validator.
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
  res.setHeader('Content-Type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  if (variant.varies) res.setHeader('Vary', 'Accept-Encoding');
  // Vite puts content hashes in /assets/ names, so those never change; everything else is revalidated.
  res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304).end();
    return;
  }
  res.setHeader('Content-Length', info.size);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(sent), res);
  } catch {
    res.destroy();
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end('Not found\n');
}
