// The product's settings, read from the environment once at boot and validated, so mistakes stop the start with a clear message.
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parsePort,
  isConnectionName,
  resolveOfferedConnections,
  resolveServerConnection,
  standinSettings,
  type Env,
} from '../core/connection';
import { SettingsError } from '../core/settings-error';
import { parseDuration } from '../core/duration';
import type { GovernanceConfig } from './app/app-server';
import { ConfigError } from './config-error';
import { isLoopbackHost } from './proxy/loopback';

export { ConfigError } from './config-error';

/** Where the stand-in runs when no InfluxDB is configured. */
export interface StandinUpstream {
  mode: 'standin';
  dataDir: string;
  port: number;
}

/** A real InfluxDB (Cloud Serverless or OSS 2.x). */
export interface InfluxUpstream {
  mode: 'influx';
  /** Base URL without credentials, query or trailing slash, e.g. "https://us-east-1-1.aws.cloud2.influxdata.com". */
  url: string;
  token?: string;
  org?: string;
  /** Where the host came from, for the start-up line: "INFLUX_HOST" or "influx CLI config <name>". */
  source: string;
}

/** A further InfluxDB the console offers (INFLUX_CONFIGS), reached at /c/<name>/... */
export interface MoreConnection {
  name: string;
  production: boolean;
  upstream: InfluxUpstream;
}

export interface ProductConfig {
  host: string;
  port: number;
  /** The default connection: the one /api/* reaches, and the one governance (expiry, activity) covers. */
  upstream: StandinUpstream | InfluxUpstream;
  /** The default connection's name: the first config INFLUX_CONFIGS names, else INFLUX_ACTIVE_CONFIG's, else "default". */
  connectionName: string;
  /** INFLUX_PRODUCTION names the default connection. */
  production: boolean;
  /** The other connections INFLUX_CONFIGS offers, in its order (empty without it). */
  moreConnections: MoreConnection[];
  /** How long to wait for InfluxDB's response headers before answering 504. */
  timeoutMs: number;
  bodyLimitBytes: number;
  /** Extra Host header values the server answers to (besides 127.0.0.1, localhost and [::1] on its port). */
  allowedHosts: string[];
  /** Opt-in to listen on a non-loopback address while holding a server token. */
  allowRemote: boolean;
  /** The built app: STATIC_DIR, default dist/ of this project (vite build output). */
  staticDir: string;
  /** Settings that were set but have no effect, to mention at start (names only, never values). */
  warnings: string[];
  /** Expiry and the audit trail: the console's own store and its policies. */
  governance: GovernanceConfig;
}

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** Reads and validates the settings; throws ConfigError with what is wrong and how to fix it. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
  home: string = homedir(),
): ProductConfig {
  try {
    return readConfig(env, cwd, home);
  } catch (error) {
    if (error instanceof SettingsError) throw new ConfigError(error.message);
    throw error;
  }
}

function readConfig(env: Env, cwd: string, home: string): ProductConfig {
  const host = (env.HOST ?? '').trim() || '127.0.0.1';
  const port = parsePort(env.PORT, 'PORT', 5173);
  const timeoutMs = parsePositiveInt(env.PROXY_TIMEOUT_MS, 'PROXY_TIMEOUT_MS', DEFAULT_TIMEOUT_MS);
  const allowedHosts = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of allowedHosts) {
    if (/[/\s@]/.test(entry))
      throw new ConfigError(
        `ALLOWED_HOSTS: "${entry}" is not a host name (write names like tokens.example.com or tokens.example.com:8443, comma-separated)`,
      );
  }
  const allowRemote = parseFlag(env.ALLOW_REMOTE, 'ALLOW_REMOTE');
  const { upstream, connectionName, more } = readConnections(env, cwd, home);
  const production = readProduction(env, [connectionName, ...more.map((c) => c.name)]);
  const moreConnections = more.map((c) => ({ ...c, production: production.has(c.name) }));
  const warnings: string[] = [];
  if (upstream.mode === 'standin') {
    for (const name of ['INFLUX_TOKEN', 'INFLUX_ORG'] as const) {
      if (env[name])
        warnings.push(`${name} is set but INFLUX_HOST is not, so it is ignored and the local stand-in is used`);
    }
  }
  if (env.INFLUX_CONFIGS_PATH && !env.INFLUX_ACTIVE_CONFIG && !env.INFLUX_CONFIGS) {
    warnings.push(
      'INFLUX_CONFIGS_PATH is set but neither INFLUX_ACTIVE_CONFIG nor INFLUX_CONFIGS is, so no influx CLI config is used (the server never picks the one marked active)',
    );
  }
  if (env.INFLUX_ORG_ID)
    warnings.push('INFLUX_ORG_ID is not read by the app server, which scopes by org name: set INFLUX_ORG');

  const withToken = [upstream, ...more.map((c) => c.upstream)].find((u) => u.mode === 'standin' || u.token);
  if (withToken && !isLoopbackHost(host) && !allowRemote) {
    const whose = withToken.mode === 'standin' ? "the stand-in's operator token" : 'the token from ' + withToken.source;
    throw new ConfigError(
      `Refusing to listen on HOST=${host}: the server holds ${whose} and adds it to every request that carries none, ` +
        'so anyone who can reach this address could read, disable and delete your tokens. ' +
        'Listen on 127.0.0.1 (the default), or leave the token unset so people paste their own, ' +
        'or set ALLOW_REMOTE=1 if everyone on that network may do this (and ALLOWED_HOSTS to the names they use).',
    );
  }

  return {
    host,
    port,
    upstream,
    connectionName,
    production: production.has(connectionName),
    moreConnections,
    timeoutMs,
    bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
    allowedHosts,
    allowRemote,
    staticDir: env.STATIC_DIR?.trim() ? resolve(cwd, env.STATIC_DIR.trim()) : resolve(projectRoot, 'dist'),
    warnings,
    governance: readGovernance(env, cwd),
  };
}

function readGovernance(env: Env, cwd: string): GovernanceConfig {
  const dataDir = standinSettings({ DATA_DIR: env.DATA_DIR }, cwd).dataDir;
  const dbPath = env.CONSOLE_DB?.trim() ? resolve(cwd, env.CONSOLE_DB.trim()) : resolve(dataDir, 'console.sqlite');
  const maxLifetimeMs = env.MAX_TOKEN_LIFETIME?.trim()
    ? durationSetting(env.MAX_TOKEN_LIFETIME, 'MAX_TOKEN_LIFETIME')
    : null;
  const retentionMs = env.AUDIT_RETENTION?.trim()
    ? durationSetting(env.AUDIT_RETENTION, 'AUDIT_RETENTION')
    : 365 * 86_400_000;
  const header = env.AUTH_PROXY_HEADER?.trim();
  const trusted = (env.AUTH_PROXY_TRUSTED ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (header && trusted.length === 0)
    throw new ConfigError(
      'AUTH_PROXY_HEADER is set but AUTH_PROXY_TRUSTED is not: name the addresses of your authenticating proxy ' +
        '(comma-separated IPs), or anyone could claim any name in that header',
    );
  if (header && !/^[A-Za-z0-9-]+$/.test(header))
    throw new ConfigError(`AUTH_PROXY_HEADER="${header}" is not a header name (letters, digits and dashes)`);
  if (!header && trusted.length) throw new ConfigError('AUTH_PROXY_TRUSTED is set but AUTH_PROXY_HEADER is not');
  const checkIntervalMs = env.AUDIT_CHECK_INTERVAL?.trim()
    ? durationSetting(env.AUDIT_CHECK_INTERVAL, 'AUDIT_CHECK_INTERVAL')
    : undefined;
  const auditBucket = env.AUDIT_BUCKET?.trim() || undefined;
  return {
    dbPath,
    ...(auditBucket && { auditBucket }),
    maxLifetimeMs,
    retentionMs,
    ...(checkIntervalMs && { checkIntervalMs }),
    ...(header && { authProxy: { header, trusted } }),
  };
}

function durationSetting(raw: string, name: string): number {
  const ms = parseDuration(raw);
  if (ms === undefined)
    throw new ConfigError(
      `${name}="${raw}" is not a duration: write a whole number and a unit, such as 90d, 12h or 2w`,
    );
  return ms;
}

/** The default connection, its name, and the others INFLUX_CONFIGS offers (see resolveOfferedConnections). */
function readConnections(
  env: Env,
  cwd: string,
  home: string,
): { upstream: StandinUpstream | InfluxUpstream; connectionName: string; more: Omit<MoreConnection, 'production'>[] } {
  const offered = resolveOfferedConnections(env, home);
  if (offered) {
    const [first, ...rest] = offered.map((c) => ({
      name: c.name,
      upstream: {
        mode: 'influx',
        url: c.host.value,
        token: c.token?.value,
        org: c.org?.value,
        source: c.host.source,
      } as InfluxUpstream,
    }));
    return { upstream: first!.upstream, connectionName: first!.name, more: rest };
  }
  const { host, token, org, config } = resolveServerConnection(env, home);
  // One connection: named by its config (the page shows the name), else, or when the name cannot be a URL segment
  // (it worked before connections had names), "default".
  const connectionName = config && isConnectionName(config.name) ? config.name : 'default';
  const upstream: StandinUpstream | InfluxUpstream = host
    ? { mode: 'influx', url: host.value, token: token?.value, org: org?.value, source: host.source }
    : { mode: 'standin', ...standinSettings(env, cwd) };
  return { upstream, connectionName, more: [] };
}

/** INFLUX_PRODUCTION: the names of the connections to mark as production; each must be one offered. */
function readProduction(env: Env, offered: string[]): Set<string> {
  const names = (env.INFLUX_PRODUCTION ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!offered.includes(name))
      throw new ConfigError(
        `INFLUX_PRODUCTION names "${name}", which is not a connection this console offers (connections: ${offered.join(', ')})`,
      );
  }
  return new Set(names);
}

function parsePositiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value <= 0)
    throw new ConfigError(`${name}="${raw}" must be a positive whole number of milliseconds`);
  return value;
}

function parseFlag(raw: string | undefined, name: string): boolean {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === '0' || value === 'false' || value === 'no') return false;
  if (value === '1' || value === 'true' || value === 'yes') return true;
  throw new ConfigError(`${name}="${raw}" must be 1 or 0`);
}
