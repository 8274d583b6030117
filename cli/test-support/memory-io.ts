// The CLI's outside world in memory, for running the program in-process: what it prints is kept for the test.
import type { CliIo } from '../io';

/** No terminal, no environment and no files unless `overrides` give them; stdin ends at once. */
export function memoryIo(overrides: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readLine: async () => undefined,
    stdinIsTTY: false,
    env: {},
    cwd: '/nonexistent',
    homedir: '/nonexistent',
    ...overrides,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
