// What the CLI touches outside itself, passed in so tests can drive it without a terminal.
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** One line typed on stdin (for confirmations); undefined when stdin ends first. */
  readLine: () => Promise<string | undefined>;
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  homedir: string;
  fetch?: typeof fetch;
}
