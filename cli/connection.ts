// Where the CLI connects and with which token: flags, then environment, then the active influx config,
// then (inside this project) the local stand-in with its operator token.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError, usageError } from './errors';
import { pickConfig, readInfluxConfigs, type InfluxConfig } from './influx-configs';
import type { CliIo } from './io';

export interface ConnectionFlags {
  host?: string;
  token?: string;
  configsPath?: string;
  activeConfig?: string;
}

export interface Connection {
  host: string;
  /** Where the host came from, in words ("--host", "INFLUX_HOST", 'config "x" in path', ...). */
  hostSource: string;
  token?: string;
  tokenSource?: string;
  /** Default org scope: INFLUX_ORG_ID, else INFLUX_ORG, else the config's org. */
  defaultOrg?: { org?: string; orgID?: string; source: string };
}

export function resolveConnection(flags: ConnectionFlags, io: Pick<CliIo, 'env' | 'cwd' | 'homedir'>): Connection {
  const { env } = io;
  const configsPath = flags.configsPath ?? nonEmpty(env.INFLUX_CONFIGS_PATH) ?? join(io.homedir, '.influxdbv2', 'configs');
  const configName = flags.activeConfig ?? nonEmpty(env.INFLUX_ACTIVE_CONFIG);
  // Read lazily: a config file only matters when flags and environment leave something open.
  let config: InfluxConfig | undefined | null = null;
  const activeConfig = (): InfluxConfig | undefined => {
    if (config !== null) return config;
    const configs = readInfluxConfigs(configsPath);
    if (!configs && (flags.configsPath || configName)) {
      throw new CliError(`the influx configs file ${configsPath} does not exist (check --configs-path / INFLUX_CONFIGS_PATH)`);
    }
    config = configs ? pickConfig(configs, configName, configsPath) : undefined;
    return config;
  };
  const configLabel = (c: InfluxConfig) => `config "${c.name}" in ${configsPath}`;

  let host: string;
  let hostSource: string;
  let standin = false;
  const configForHost = flags.host || nonEmpty(env.INFLUX_HOST) ? undefined : activeConfig();
  if (flags.host) [host, hostSource] = [flags.host, '--host'];
  else if (nonEmpty(env.INFLUX_HOST)) [host, hostSource] = [env.INFLUX_HOST as string, 'INFLUX_HOST'];
  else if (configForHost?.url) [host, hostSource] = [configForHost.url, configLabel(configForHost)];
  else {
    const port = nonEmpty(env.STANDIN_PORT) && env.STANDIN_PORT !== '0' ? env.STANDIN_PORT : '8086';
    [host, hostSource, standin] = [`http://127.0.0.1:${port}`, 'the local stand-in default', true];
  }
  host = checkHost(host, hostSource);

  let token: string | undefined;
  let tokenSource: string | undefined;
  if (flags.token) [token, tokenSource] = [flags.token, '--token'];
  else if (nonEmpty(env.INFLUX_TOKEN)) [token, tokenSource] = [env.INFLUX_TOKEN, 'INFLUX_TOKEN'];
  else {
    const fromConfig = activeConfig();
    if (fromConfig?.token) [token, tokenSource] = [fromConfig.token, configLabel(fromConfig)];
    else if (standin) {
      // Only ever sent to the stand-in's own default address, never to a host named elsewhere.
      const file = resolve(io.cwd, nonEmpty(env.DATA_DIR) ?? './data', 'operator-token');
      if (existsSync(file)) [token, tokenSource] = [readFileSync(file, 'utf8').trim() || undefined, file];
    }
  }

  let defaultOrg: Connection['defaultOrg'];
  if (nonEmpty(env.INFLUX_ORG_ID)) defaultOrg = { orgID: env.INFLUX_ORG_ID, source: 'INFLUX_ORG_ID' };
  else if (nonEmpty(env.INFLUX_ORG)) defaultOrg = { org: env.INFLUX_ORG, source: 'INFLUX_ORG' };
  else {
    const fromConfig = activeConfig();
    if (fromConfig?.org) defaultOrg = { org: fromConfig.org, source: configLabel(fromConfig) };
  }

  return { host, hostSource, token, tokenSource, defaultOrg };
}

/** The token, or an error that says where the CLI looked. */
export function requireToken(connection: Connection): string {
  if (connection.token) return connection.token;
  throw new CliError(
    `no token to authenticate with at ${connection.host}: pass --token, set INFLUX_TOKEN, or use an influx config with a token` +
      ' (for the local stand-in, start it once with `npm run standin` so that data/operator-token exists)',
  );
}

function checkHost(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`invalid host "${value}" from ${source}: give a URL such as http://localhost:8086`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`invalid host "${value}" from ${source}: only http:// and https:// URLs are supported`);
  }
  return value.replace(/\/+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
