// Errors the CLI reports in words: what failed, why, and what to do; with the exit code scripts see.
export const EXIT_FAILURE = 1;
/** The command line itself is wrong; nothing was sent to the server. */
export const EXIT_USAGE = 2;

export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_FAILURE) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}
