// The `influx` CLI's configs file (TOML, ~/.influxdbv2/configs): one table per named config with url, token,
// org and `active`. Read by the connection resolver (core/connection.ts); never echoes the file (it holds tokens).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { SettingsError } from './settings-error';

export interface InfluxConfig {
  name: string;
  /** `active = true`: the influx CLI's current config. */
  active: boolean;
  /** url, token and org as written; checked only when used, so a broken config nobody uses does not matter. */
  values: Readonly<Record<string, unknown>>;
}

export function defaultConfigsPath(homedir: string): string {
  return join(homedir, '.influxdbv2', 'configs');
}

/** The configs in the file at `path`; undefined when it does not exist. */
export function readInfluxConfigs(path: string): InfluxConfig[] | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SettingsError(
      `could not read the influx configs file ${path}: ${(error as Error).message}`,
      'configs-file',
    );
  }
  return parseInfluxConfigs(text, path);
}

function parseInfluxConfigs(text: string, path: string): InfluxConfig[] {
  let document: Record<string, unknown>;
  try {
    document = parse(text);
  } catch (error) {
    const where = error instanceof TomlError ? ` at line ${error.line}, column ${error.column}` : '';
    // The first line only: smol-toml's later lines quote the file, token included.
    const reason = (error as Error).message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML';
    throw new SettingsError(`the influx configs file ${path} is not valid TOML${where}: ${reason}`, 'configs-file');
  }
  return Object.entries(document)
    .filter((entry): entry is [string, Record<string, unknown>] => isTable(entry[1]))
    .map(([name, values]) => ({ name, active: values.active === true, values }));
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
