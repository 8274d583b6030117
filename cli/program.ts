// The `influx-tokens` command tree; runCli parses argv, runs one command and returns the exit code.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { InfluxApiError } from '../core/influx-client';
import { auditCommand } from './commands/audit';
import { createCommand } from './commands/create';
import { deleteCommand } from './commands/delete';
import { expiryCommand } from './commands/expiry';
import { listCommand } from './commands/list';
import { setStatusCommand } from './commands/set-status';
import type { RunState } from './context';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './errors';
import { explainApiError } from './explain-error';
import type { CliIo } from './io';

function buildProgram(state: RunState): Command {
  const { io } = state;
  const program = new Command('influx-tokens')
    .description(
      'Manage InfluxDB API tokens from scripts: a twin of `influx auth` with status filters and bulk changes',
    )
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (message, write) => write(message.replace(/^error: /, 'Error: ')),
    })
    .showHelpAfterError('(add --help for usage)');
  const auth = program.command('auth').description('Authorization (API token) management commands');
  auth.addCommand(listCommand(state));
  auth.addCommand(createCommand(state));
  auth.addCommand(setStatusCommand(state, 'active'));
  auth.addCommand(setStatusCommand(state, 'inactive'));
  auth.addCommand(deleteCommand(state));
  program.addCommand(auditCommand(state));
  program.addCommand(expiryCommand(state));
  // Subcommands made by `new Command` do not inherit these settings from their parent.
  for (const command of program.commands.flatMap((command) => [command, ...command.commands])) {
    command.exitOverride().configureOutput(program.configureOutput()).showHelpAfterError('(add --help for usage)');
  }
  return program;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const state: RunState = { io, exitCode: 0 };
  try {
    await buildProgram(state).parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed the message (or the help/version asked for).
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      io.stderr(`Error: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof InfluxApiError && state.connection) {
      io.stderr(`Error: ${explainApiError(error, state.connection)}\n`);
      return EXIT_FAILURE;
    }
    io.stderr(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
