// Where InfluxDB is and which token and org to use, for the app server and the CLI: one set of rules for reading
// and checking the settings, two orders of precedence.
//   CLI (as the `influx` CLI): flags > environment > the config named by --active-config / INFLUX_ACTIVE_CONFIG
//        > the config marked `active = true` in the influx CLI configs file.
//   app server: environment > the config named by INFLUX_ACTIVE_CONFIG; never a config just because it is marked
//        active (a shared page must not follow whichever CLI profile happens to be active). With INFLUX_CONFIGS the
//        server offers several connections, each one config as it is (resolveOfferedConnections).
// Each of host, token and org is resolved on its own, as influx does. Node only (reads files): the page never imports it.
import { resolve } from 'node:path';
import { defaultConfigsPath, readInfluxConfigs, type InfluxConfig } from './influx-configs';
import { SettingsError } from './settings-error';

export type Env = Readonly<Record<string, string | undefined>>;

/** A setting's value and where it came from, in words: "--host", "INFLUX_TOKEN", 'influx CLI config "lab"'. */
export interface Setting {
  value: string;
  source: string;
}

export interface ConnectionSettings {
  /** The InfluxDB base URL (no credentials, query or trailing slash); unset means the local stand-in. */
  host?: Setting;
  token?: Setting;
  /** The org's name. */
  org?: Setting;
  /** The org's ID (INFLUX_ORG_ID; CLI only), which beats `org`. */
  orgID?: Setting;
  /** The influx CLI config in use, if any. */
  config?: { name: string; path: string };
}

export interface CliConnectionFlags {
  host?: string;
  token?: string;
  configsPath?: string;
  activeConfig?: string;
}

/** The `influx` CLI's rules: flags, then environment, then the named config, then the one marked active. */
export function resolveCliConnection(flags: CliConnectionFlags, env: Env, homedir: string): ConnectionSettings {
  const flag = (name: string, value: string | undefined) => setting(value, name);
  const named =
    flag('--active-config', flags.activeConfig) ?? setting(env.INFLUX_ACTIVE_CONFIG, 'INFLUX_ACTIVE_CONFIG');
  const path = flag('--configs-path', flags.configsPath) ?? setting(env.INFLUX_CONFIGS_PATH, 'INFLUX_CONFIGS_PATH');
  const config = chooseConfig({ named, path, homedir, markedActive: true });
  return {
    host: pickHost(
      [flag('--host', flags.host), setting(env.INFLUX_HOST, 'INFLUX_HOST')],
      config,
      'pass the API token with --token or INFLUX_TOKEN',
    ),
    token: flag('--token', flags.token) ?? setting(env.INFLUX_TOKEN, 'INFLUX_TOKEN') ?? configValue(config, 'token'),
    org: setting(env.INFLUX_ORG, 'INFLUX_ORG') ?? configValue(config, 'org'),
    orgID: setting(env.INFLUX_ORG_ID, 'INFLUX_ORG_ID'),
    ...(config && { config: { name: config.name, path: config.path } }),
  };
}

/** The app server's rules: its environment, then the config INFLUX_ACTIVE_CONFIG names; nothing implicit. */
export function resolveServerConnection(env: Env, homedir: string): ConnectionSettings {
  const named = setting(env.INFLUX_ACTIVE_CONFIG, 'INFLUX_ACTIVE_CONFIG');
  const path = setting(env.INFLUX_CONFIGS_PATH, 'INFLUX_CONFIGS_PATH');
  const config = named ? chooseConfig({ named, path, homedir, markedActive: false }) : undefined;
  return {
    host: pickHost([setting(env.INFLUX_HOST, 'INFLUX_HOST')], config, 'put the API token in INFLUX_TOKEN instead'),
    token: setting(env.INFLUX_TOKEN, 'INFLUX_TOKEN') ?? configValue(config, 'token'),
    org: setting(env.INFLUX_ORG, 'INFLUX_ORG') ?? configValue(config, 'org'),
    ...(config && { config: { name: config.name, path: config.path } }),
  };
}

/** One connection INFLUX_CONFIGS offers: a config of the configs file, by its name, with what it holds. */
export interface OfferedConnection {
  name: string;
  host: Setting;
  token?: Setting;
  org?: Setting;
  config: { name: string; path: string };
}

/** A name that can stand in a URL path segment as it is (/c/<name>/...): the page's URLs carry it. */
export function isConnectionName(name: string): boolean {
  return /^[A-Za-z0-9._-]{1,64}$/.test(name) && name !== '.' && name !== '..';
}

/**
 * INFLUX_CONFIGS="dev,prod": those configs of the configs file, in that order (the first is the default), each with
 * the url, token and org it holds; undefined when unset. Each connection is its config alone, so the settings that
 * describe one connection (INFLUX_HOST, INFLUX_TOKEN, INFLUX_ORG, INFLUX_ACTIVE_CONFIG) are refused beside it:
 * applied to all, a dev token would go to prod.
 */
export function resolveOfferedConnections(env: Env, homedir: string): OfferedConnection[] | undefined {
  const list = setting(env.INFLUX_CONFIGS, 'INFLUX_CONFIGS');
  if (!list) return undefined;
  for (const single of ['INFLUX_HOST', 'INFLUX_TOKEN', 'INFLUX_ORG', 'INFLUX_ACTIVE_CONFIG']) {
    if (env[single])
      throw new SettingsError(
        `INFLUX_CONFIGS and ${single} are both set: with INFLUX_CONFIGS each connection takes its host, token and org ` +
          `from its own config, and the first one named is the default; unset ${single}`,
        'value',
      );
  }
  const names = list.value.split(',').map((name) => name.trim());
  if (names.some((name) => name === ''))
    throw new SettingsError(`INFLUX_CONFIGS="${list.value}" has an empty name: write names like dev,prod`, 'value');
  const path = setting(env.INFLUX_CONFIGS_PATH, 'INFLUX_CONFIGS_PATH')?.value ?? defaultConfigsPath(homedir);
  const configs = readInfluxConfigs(path);
  if (!configs)
    throw new SettingsError(
      `INFLUX_CONFIGS names configs of ${path}, which does not exist; create them with \`influx config create\`, ` +
        'or point INFLUX_CONFIGS_PATH at the right file',
      'configs-file',
    );
  const seen = new Set<string>();
  return names.map((name) => {
    if (seen.has(name.toLowerCase())) throw new SettingsError(`INFLUX_CONFIGS names "${name}" twice`, 'value');
    seen.add(name.toLowerCase());
    if (!isConnectionName(name))
      throw new SettingsError(
        `INFLUX_CONFIGS: "${name}" cannot name a connection, as it appears in the page's URLs: ` +
          'config names offered must use only letters, digits, ".", "_" and "-"',
        'value',
      );
    const found = configs.find((c) => c.name === name);
    if (!found) {
      const known = configs.map((c) => c.name).join(', ') || 'none';
      throw new SettingsError(
        `INFLUX_CONFIGS names "${name}", which is not a config in ${path} (configs there: ${known})`,
        'configs-file',
      );
    }
    const config = { ...found, path };
    const url = configValue(config, 'url');
    if (!url)
      throw new SettingsError(
        `INFLUX_CONFIGS names "${name}", but that config in ${path} has no "url"; add one with \`influx config set\``,
        'configs-file',
      );
    const token = configValue(config, 'token');
    const org = configValue(config, 'org');
    return {
      name,
      host: {
        value: normalizeHost(url.value, url.source, 'put the API token in its "token" instead'),
        source: url.source,
      },
      ...(token && { token }),
      ...(org && { org }),
      config: { name, path },
    };
  });
}

/** Where the local stand-in keeps its data and listens (DATA_DIR, STANDIN_PORT). */
export function standinSettings(env: Env, cwd: string): { dataDir: string; port: number } {
  return {
    dataDir: resolve(cwd, setting(env.DATA_DIR, 'DATA_DIR')?.value ?? './data'),
    port: parsePort(env.STANDIN_PORT, 'STANDIN_PORT', 8086),
  };
}

/**
 * A set value, or undefined for unset or empty. Surrounding spaces or line breaks are refused rather than trimmed:
 * they are a copy-and-paste slip, and trimming a token or URL silently would hide which value is really used.
 */
export function setting(raw: string | undefined, source: string): Setting | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.trim() !== raw) {
    throw new SettingsError(
      `${source} starts or ends with a space or line break; remove it (it is not trimmed)`,
      'value',
    );
  }
  return { value: raw, source };
}

/** Accepts "http(s)://host[:port][/prefix]" only: every API URL is built from this origin and prefix. */
export function normalizeHost(raw: string, source: string, tokenHint: string): string {
  const invalid = (why: string) => new SettingsError(`invalid host "${raw}" from ${source}: ${why}`, 'value');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(
      'it must be an http:// or https:// URL, such as http://localhost:8086 or https://cloud2.influxdata.com',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(
      'it must be an http:// or https:// URL, such as http://localhost:8086 or https://cloud2.influxdata.com',
    );
  }
  if (url.username || url.password) {
    // The URL is not repeated: it holds a password.
    throw new SettingsError(
      `invalid host from ${source}: the URL must not contain a user name or password; ${tokenHint}`,
      'value',
    );
  }
  if (url.search || url.hash) throw invalid('the URL must not have a query or fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function parsePort(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > 65535) {
    throw new SettingsError(`${name}="${raw}" is not a port number (0-65535; 0 picks a free port)`, 'value');
  }
  return Number(raw);
}

interface ChosenConfig extends InfluxConfig {
  path: string;
}

function chooseConfig(options: {
  named?: Setting;
  path?: Setting;
  homedir: string;
  markedActive: boolean;
}): ChosenConfig | undefined {
  const { named, path } = options;
  const file = path?.value ?? defaultConfigsPath(options.homedir);
  const configs = readInfluxConfigs(file);
  if (!configs) {
    if (!named && !path) return undefined;
    const wantedBy = named ? `${named.source} names config "${named.value}" in it` : `${path!.source} points at it`;
    throw new SettingsError(
      `the influx configs file ${file} does not exist (${wantedBy}); create it with \`influx config create\`, or give the right path` +
        ` (${options.markedActive ? '--configs-path or ' : ''}INFLUX_CONFIGS_PATH)`,
      'configs-file',
    );
  }
  const config = named
    ? configs.find((c) => c.name === named.value)
    : options.markedActive
      ? configs.find((c) => c.active)
      : undefined;
  if (named && !config) {
    const known = configs.map((c) => c.name).join(', ') || 'none';
    throw new SettingsError(
      `no config named "${named.value}" in ${file} (from ${named.source}; configs there: ${known})`,
      'configs-file',
    );
  }
  return config && { ...config, path: file };
}

function label(config: ChosenConfig): string {
  return `influx CLI config "${config.name}"`;
}

function configValue(config: ChosenConfig | undefined, key: 'url' | 'token' | 'org'): Setting | undefined {
  if (!config) return undefined;
  const value = config.values[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new SettingsError(`${label(config)} in ${config.path}: "${key}" must be a string`, 'configs-file');
  }
  const checked = setting(value, `${label(config)} (its "${key}", in ${config.path})`);
  return checked && { value: checked.value, source: label(config) };
}

function pickHost(
  explicit: (Setting | undefined)[],
  config: ChosenConfig | undefined,
  tokenHint: string,
): Setting | undefined {
  const given = explicit.find(Boolean);
  const fromConfig = configValue(config, 'url');
  // The influx CLI cannot use a config without a URL either; say so rather than fall back to the stand-in.
  if (config && !fromConfig) throw new SettingsError(`${label(config)} in ${config.path} has no "url"`, 'configs-file');
  const host = given ?? fromConfig;
  return host && { value: normalizeHost(host.value, host.source, tokenHint), source: host.source };
}
