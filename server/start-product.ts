// One call for end-to-end tests and benchmarks: a fresh stand-in on a free port with the app server in front of it.
// The stand-in is returned too, so a test can stop it alone and watch the app meet an outage.
import { fileURLToPath } from 'node:url';
import { startAppServer, type RunningAppServer } from './proxy/app-server';
import { startStandin, type RunningStandin } from './standin/start';

export interface ProductOptions {
  /** The stand-in's database folder (a fresh temporary directory in tests). */
  dataDir: string;
  /** App server port; default 0 (a free port). The stand-in always takes a free port. */
  port?: number;
  /** The built app; default dist/ of this project. */
  staticDir?: string;
  /** PROXY_TIMEOUT_MS equivalent; default 30000. */
  timeoutMs?: number;
  /** App server log lines; default: discarded. */
  log?: (line: string) => void;
  /** Stand-in log lines (it prints its operator token on first start); default: discarded. */
  standinLog?: (line: string) => void;
}

export interface RunningProduct {
  /** The app server, e.g. "http://127.0.0.1:41234". */
  url: string;
  app: RunningAppServer;
  standin: RunningStandin;
  /** Stops the app server, then the stand-in (fine if the test stopped the stand-in already). */
  close(): Promise<void>;
}

const defaultStaticDir = fileURLToPath(new URL('../dist', import.meta.url));

export async function startProduct(options: ProductOptions): Promise<RunningProduct> {
  const standin = await startStandin({ dataDir: options.dataDir, port: 0, host: '127.0.0.1', log: options.standinLog ?? (() => {}) });
  let app: RunningAppServer;
  try {
    app = await startAppServer({
      mode: 'standin',
      upstreamUrl: standin.url,
      serverToken: standin.operatorToken,
      serverTokenFile: standin.operatorTokenFile,
      identifyToken: standin.identifyToken,
      org: standin.orgName,
      port: options.port ?? 0,
      staticDir: options.staticDir ?? defaultStaticDir,
      timeoutMs: options.timeoutMs,
      log: options.log,
    });
  } catch (error) {
    await standin.close();
    throw error;
  }
  return {
    url: app.url,
    app,
    standin,
    async close() {
      await app.close();
      // The test may have stopped the stand-in already to simulate an outage.
      await standin.close().catch(() => {});
    },
  };
}
