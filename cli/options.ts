// Flags shared by several commands, so every command spells them the same way `influx` does.
import { Option, type Command } from 'commander';
import { parseId } from './ids';

export interface OutputFlags {
  json?: boolean;
  hideHeaders?: boolean;
}

export function addConnectionOptions(command: Command): Command {
  return command
    .option('--host <url>', 'InfluxDB URL (else INFLUX_HOST, the active influx config, or the local stand-in)')
    .option(
      '-t, --token <token>',
      'API token (else INFLUX_TOKEN, the active influx config, or the stand-in operator token)',
    )
    .option('--configs-path <path>', 'influx CLI configs file (else INFLUX_CONFIGS_PATH, or ~/.influxdbv2/configs)')
    .option(
      '-c, --active-config <name>',
      'config to use from that file (else INFLUX_ACTIVE_CONFIG, or the one marked active)',
    );
}

export function addOutputOptions(command: Command): Command {
  return command
    .option('--json', 'print JSON objects shaped like `influx auth --json` output')
    .option('--hide-headers', 'print the table without its header row');
}

/** An option whose value must be an InfluxDB ID; validated before anything is sent. */
export function idOption(flags: string, description: string): Option {
  const long = flags.split(/[ ,]+/).find((part) => part.startsWith('--')) ?? flags;
  return new Option(flags, description).argParser((value: string) => parseId(value, long));
}

/** A repeatable ID option (`--read-bucket A --read-bucket B`). */
export function repeatableIdOption(flags: string, description: string): Option {
  const long = flags.split(/[ ,]+/).find((part) => part.startsWith('--')) ?? flags;
  return new Option(flags, description).argParser((value: string, previous: string[] | undefined) => [
    ...(previous ?? []),
    parseId(value, long),
  ]);
}
