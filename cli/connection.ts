// Where the CLI connects and with which token: the `influx` CLI's rules (core/connection.ts), then (inside this
// project) the local stand-in with its operator token.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveCliConnection, standinSettings, type CliConnectionFlags } from '../core/connection';
import { SettingsError } from '../core/settings-error';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './errors';
import type { CliIo } from './io';

export type ConnectionFlags = CliConnectionFlags;

export interface Connection {
  host: string;
  /** Where the host came from, in words ("--host", "INFLUX_HOST", 'influx CLI config "x"', ...). */
  hostSource: string;
  token?: string;
  tokenSource?: string;
  /** Default org scope: INFLUX_ORG_ID, else INFLUX_ORG, else the config's org. */
  defaultOrg?: { org?: string; orgID?: string; source: string };
}

export function resolveConnection(flags: ConnectionFlags, io: Pick<CliIo, 'env' | 'cwd' | 'homedir'>): Connection {
  try {
    return resolveOrStandin(flags, io);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    // A wrong value is a wrong command line (exit 2); a missing or broken configs file is a failure (exit 1).
    throw new CliError(error.message, error.kind === 'value' ? EXIT_USAGE : EXIT_FAILURE);
  }
}

function resolveOrStandin(flags: ConnectionFlags, io: Pick<CliIo, 'env' | 'cwd' | 'homedir'>): Connection {
  const settings = resolveCliConnection(flags, io.env, io.homedir);
  const { orgID, org } = settings;
  const defaultOrg = orgID
    ? { orgID: orgID.value, source: orgID.source }
    : org
      ? { org: org.value, source: org.source }
      : undefined;
  const token = settings.token && { token: settings.token.value, tokenSource: settings.token.source };
  if (settings.host) return { host: settings.host.value, hostSource: settings.host.source, ...token, defaultOrg };

  const standin = standinSettings(io.env, io.cwd);
  // STANDIN_PORT=0 lets the stand-in pick a free port, which the CLI cannot know: it tries the default then.
  const host = `http://127.0.0.1:${standin.port || 8086}`;
  if (token) return { host, hostSource: 'the local stand-in default', ...token, defaultOrg };
  // Only ever sent to the stand-in's own default address, never to a host named elsewhere.
  const file = join(standin.dataDir, 'operator-token');
  const operatorToken = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return {
    host,
    hostSource: 'the local stand-in default',
    ...(operatorToken && { token: operatorToken, tokenSource: file }),
    defaultOrg,
  };
}

/** The token, or an error that says where the CLI looked. */
export function requireToken(connection: Connection): string {
  if (connection.token) return connection.token;
  throw new CliError(
    `no token to authenticate with at ${connection.host}: pass --token, set INFLUX_TOKEN, or use an influx config with a token` +
      ' (for the local stand-in, start it once with `npm run standin` so that data/operator-token exists)',
  );
}
