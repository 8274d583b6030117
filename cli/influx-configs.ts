// Reads the `influx` CLI's configs file (TOML: one table per named config with url, token, org, active).
import { readFileSync } from 'node:fs';
import { parse, TomlError } from 'smol-toml';
import { CliError } from './errors';

export interface InfluxConfig {
  name: string;
  url?: string;
  token?: string;
  org?: string;
  active: boolean;
}

/** Parses the file; undefined when it does not exist. Never echoes file content (it holds tokens). */
export function readInfluxConfigs(path: string): InfluxConfig[] | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`could not read the influx configs file ${path}: ${(error as Error).message}`);
  }
  let document: Record<string, unknown>;
  try {
    document = parse(text);
  } catch (error) {
    const where = error instanceof TomlError ? ` at line ${error.line}, column ${error.column}` : '';
    const reason = (error as Error).message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML';
    throw new CliError(`the influx configs file ${path} is not valid TOML${where}: ${reason}`);
  }
  return Object.entries(document)
    .filter((entry): entry is [string, Record<string, unknown>] => isTable(entry[1]))
    .map(([name, table]) => ({
      name,
      url: stringField(table.url),
      token: stringField(table.token),
      org: stringField(table.org),
      active: table.active === true,
    }));
}

/** The config named `name`, else the one marked `active = true`, else none. */
export function pickConfig(configs: readonly InfluxConfig[], name: string | undefined, path: string): InfluxConfig | undefined {
  if (name) {
    const named = configs.find((config) => config.name === name);
    if (!named) {
      const known = configs.map((config) => config.name).join(', ') || 'none';
      throw new CliError(`no config named "${name}" in ${path} (configs there: ${known})`);
    }
    return named;
  }
  return configs.find((config) => config.active);
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
