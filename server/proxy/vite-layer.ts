// `npm run dev`: Vite's dev server mounted inside the app server, so the proxy, its gates and hot reload share one port.
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer, type InlineConfig } from 'vite';
import type { AppLayer } from './app-server';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `overrides` lets tests keep Vite's dependency cache and log out of the shared tree. */
export async function createViteLayer(server: Server, allowedHosts: string[], overrides: Pick<InlineConfig, 'cacheDir' | 'logLevel'> = {}): Promise<AppLayer> {
  const vite = await createViteServer({
    ...overrides,
    root: projectRoot,
    appType: 'spa',
    // The HMR WebSocket upgrades on the app server's own port.
    server: { middlewareMode: true, ws: { server }, allowedHosts },
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
