// `npm run dev`: Vite's dev server mounted inside the app server, so the proxy, its gates and hot reload share one port.
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer, type InlineConfig } from 'vite';
import type { AppLayer } from './app-server';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

// Vite serves any file under the project root; these must never leave the machine over HTTP, even to localhost.
const NEVER_SERVED = [
  '**/operator-token',
  '**/*.sqlite',
  '**/*.sqlite-*',
  '**/configs',
  '**/.env',
  '**/.env.*',
  '**/*.{crt,pem,key}',
  '**/.git/**',
];

export interface ViteLayerOptions {
  allowedHosts: string[];
  /** Folders Vite must not serve (the stand-in's DATA_DIR). */
  privateDirs?: string[];
  /** Default: this project. Tests use a throwaway root. */
  root?: string;
  /** Tests keep Vite's dependency cache and log out of the shared tree. */
  cacheDir?: InlineConfig['cacheDir'];
  logLevel?: InlineConfig['logLevel'];
  /** Tests turn the dependency optimizer off: it goes on writing in cacheDir after close() resolves. */
  optimizeDeps?: InlineConfig['optimizeDeps'];
}

export async function createViteLayer(server: Server, options: ViteLayerOptions): Promise<AppLayer> {
  const vite = await createViteServer({
    root: options.root ?? projectRoot,
    appType: 'spa',
    cacheDir: options.cacheDir,
    logLevel: options.logLevel,
    optimizeDeps: options.optimizeDeps,
    server: {
      middlewareMode: true,
      // The HMR WebSocket upgrades on the app server's own port.
      ws: { server },
      allowedHosts: options.allowedHosts,
      fs: { deny: [...NEVER_SERVED, ...(options.privateDirs ?? []).map((dir) => `${dir.replace(/\/+$/, '')}/**`)] },
    },
  });
  return {
    handle: (req, res) =>
      new Promise<void>((resolve) => {
        res.on('close', () => resolve());
        vite.middlewares(req, res, () => {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        });
      }),
    close: () => vite.close(),
  };
}
