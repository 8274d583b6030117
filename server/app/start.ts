// Starting the product: the app server, with the stand-in behind it when no InfluxDB is configured.
// runProduct is what `npm start` and `npm run dev` run: read the settings, start, print one line saying where, and
// shut down cleanly on Ctrl-C. startProduct is the same pair in one call for tests and benchmarks: a fresh stand-in
// on a free port with the app server in front (the stand-in is returned too, so a test can stop it alone).
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type ProductConfig } from '../config';
import { startStandin, type RunningStandin } from '../standin/start';
import { startAppServer, type AppLayer, type AppServerConfig, type RunningAppServer } from './app-server';

export interface RunOptions {
  /** Builds the dev page layer (Vite); omitted for the built app in dist/. */
  appLayer?: (server: Server, config: ProductConfig) => Promise<AppLayer>;
  contentSecurityPolicy?: string;
  /** Words for the start-up line, e.g. "dev server, hot reload". */
  flavour?: string;
}

export async function runProduct(options: RunOptions = {}): Promise<void> {
  const say = (line: string) => console.log(line);
  let config: ProductConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    return fail(error);
  }
  for (const warning of config.warnings) say(`Note: ${warning}.`);

  let standin: RunningStandin | undefined;
  let app: RunningAppServer | undefined;
  try {
    let upstreamUrl: string;
    let serverToken: string | undefined;
    let org: string | null;
    let where: string;
    if (config.upstream.mode === 'standin') {
      standin = await startStandinExplained(config.upstream.dataDir, config.upstream.port, say);
      upstreamUrl = standin.url;
      serverToken = standin.operatorToken;
      org = standin.orgName;
      where = `on the local stand-in at ${standin.url} (org ${org}, data in ${config.upstream.dataDir})`;
    } else {
      upstreamUrl = config.upstream.url;
      serverToken = config.upstream.token;
      org = config.upstream.org ?? null;
      where =
        `on InfluxDB at ${upstreamUrl} (from ${config.upstream.source}` +
        `${org ? `, org ${org}` : ''}, ${serverToken ? 'server token set' : 'no server token: people paste their own'})`;
    }

    const appLayer = options.appLayer;
    app = await startAppServer({
      mode: config.upstream.mode,
      upstreamUrl,
      serverToken,
      serverTokenFile: standin?.operatorTokenFile,
      identifyToken: standin?.identifyToken,
      org,
      connectionName: config.connectionName,
      production: config.production,
      moreConnections: config.moreConnections.map((c) => ({
        name: c.name,
        upstreamUrl: c.upstream.url,
        serverToken: c.upstream.token,
        org: c.upstream.org ?? null,
        production: c.production,
      })),
      host: config.host,
      port: config.port,
      staticDir: appLayer ? undefined : config.staticDir,
      appLayer: appLayer ? (server) => appLayer(server, config) : undefined,
      timeoutMs: config.timeoutMs,
      bodyLimitBytes: config.bodyLimitBytes,
      allowedHosts: config.allowedHosts,
      allowRemote: config.allowRemote,
      contentSecurityPolicy: options.contentSecurityPolicy,
      log: say,
      governance: config.governance,
    });
    say(`InfluxDB Token Manager${options.flavour ? ` (${options.flavour})` : ''} at ${app.url} ${where}`);
    if (config.moreConnections.length || config.production)
      say(`  default connection "${config.connectionName}"${config.production ? ' (production)' : ''}`);
    for (const c of config.moreConnections) {
      // Names and URLs only: never a token.
      say(
        `  also connection "${c.name}"${c.production ? ' (production)' : ''}: ${c.upstream.url} at ${app.url}/c/${c.name}/` +
          `${c.upstream.org ? ` (org ${c.upstream.org})` : ''}${c.upstream.token ? '' : ', no server token'}`,
      );
    }
  } catch (error) {
    await app?.close();
    await standin?.close();
    return fail(error);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second Ctrl-C means now
    stopping = true;
    say(`${signal}: stopping…`);
    void (async () => {
      await app?.close();
      await standin?.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function startStandinExplained(
  dataDir: string,
  port: number,
  say: (line: string) => void,
): Promise<RunningStandin> {
  try {
    return await startStandin({ dataDir, port, host: '127.0.0.1', log: say });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(
        `Port ${port} on 127.0.0.1 is busy, so the stand-in cannot start there (another InfluxDB or stand-in is probably running). ` +
          `To use that InfluxDB, set INFLUX_HOST=http://localhost:${port} (and INFLUX_TOKEN); ` +
          'otherwise set STANDIN_PORT to another port, or STANDIN_PORT=0 for a free one.',
      );
    }
    throw error;
  }
}

function fail(error: unknown): void {
  const message =
    error instanceof ConfigError || (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? (error as Error).message
      : String((error as Error).stack ?? error);
  console.error(`Cannot start: ${message}`);
  process.exitCode = 1;
}

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
  /** Stand-in log lines (where it wrote its operator token, never the token); default: discarded. */
  standinLog?: (line: string) => void;
  /** Which clients get compressed API answers; default 'remote' (benchmarks use 'all' to stand in for a remote client). */
  compressFor?: AppServerConfig['compressFor'];
  /** MAX_TOKEN_LIFETIME in ms; default none. */
  maxLifetimeMs?: number;
  /** The stand-in's connection name and production mark, and further connections (as INFLUX_CONFIGS gives them). */
  connectionName?: string;
  production?: boolean;
  moreConnections?: AppServerConfig['moreConnections'];
}

export interface RunningProduct {
  /** The app server, e.g. "http://127.0.0.1:41234". */
  url: string;
  app: RunningAppServer;
  standin: RunningStandin;
  /** Stops the app server, then the stand-in (fine if the test stopped the stand-in already). */
  close(): Promise<void>;
}

const defaultStaticDir = fileURLToPath(new URL('../../dist', import.meta.url));

export async function startProduct(options: ProductOptions): Promise<RunningProduct> {
  const standin = await startStandin({
    dataDir: options.dataDir,
    port: 0,
    host: '127.0.0.1',
    log: options.standinLog ?? (() => {}),
  });
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
      compressFor: options.compressFor,
      connectionName: options.connectionName,
      production: options.production,
      moreConnections: options.moreConnections,
      governance: {
        dbPath: join(options.dataDir, 'console.sqlite'),
        maxLifetimeMs: options.maxLifetimeMs ?? null,
        retentionMs: 365 * 86_400_000,
      },
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
