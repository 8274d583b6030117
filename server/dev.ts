// `npm run dev`: the same server and proxy as `npm start`, with Vite's dev server and hot reload instead of dist/.
import { runProduct } from './app/start';
import { DEV_CSP } from './proxy/security-headers';
import { createViteLayer } from './app/vite-layer';

await runProduct({
  flavour: 'dev server, hot reload',
  contentSecurityPolicy: DEV_CSP,
  appLayer: (server, config) =>
    createViteLayer(server, {
      allowedHosts: config.allowedHosts,
      privateDirs: config.upstream.mode === 'standin' ? [config.upstream.dataDir] : [],
    }),
});
