// Reads one named config from the influx CLI's configs file (TOML), so people reuse what `influx config` saved.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { ConfigError } from './config-error';

export interface InfluxCliConfig {
  name: string;
  url: string;
  token?: string;
  org?: string;
}

export function defaultConfigsPath(): string {
  return join(homedir(), '.influxdbv2', 'configs');
}

/** Returns the config called `name` from the configs file at `path`; throws ConfigError saying what is wrong. */
export function readInfluxCliConfig(path: string, name: string): InfluxCliConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message;
    throw new ConfigError(
      `INFLUX_ACTIVE_CONFIG=${name}: cannot read the influx CLI configs file ${path} (${reason}). ` +
        'Create it with `influx config create`, or point INFLUX_CONFIGS_PATH at it.',
    );
  }
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`The influx CLI configs file ${path} is not valid TOML: ${(error as Error).message.split('\n')[0]}`);
  }
  const entry = doc[name];
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
    const known = Object.keys(doc).filter((key) => typeof doc[key] === 'object');
    throw new ConfigError(
      `INFLUX_ACTIVE_CONFIG=${name}: no config named "${name}" in ${path}` +
        (known.length ? ` (it has: ${known.join(', ')})` : ' (it has none)'),
    );
  }
  const fields = entry as Record<string, unknown>;
  const url = stringField(fields, 'url');
  if (!url) throw new ConfigError(`INFLUX_ACTIVE_CONFIG=${name}: the config in ${path} has no "url"`);
  return { name, url, token: stringField(fields, 'token'), org: stringField(fields, 'org') };
}

function stringField(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
