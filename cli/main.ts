// Runs the CLI in this process with the real terminal, environment and network.
import { homedir } from 'node:os';
import { createInterface } from 'node:readline';
import type { CliIo } from './io';
import { runCli } from './program';

const io: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readLine: () =>
    new Promise((resolve) => {
      const lines = createInterface({ input: process.stdin });
      let answered = false;
      lines.once('line', (line) => {
        answered = true;
        lines.close();
        resolve(line);
      });
      lines.once('close', () => {
        if (!answered) resolve(undefined);
      });
    }),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  env: process.env,
  cwd: process.cwd(),
  homedir: homedir(),
};

// exitCode, not exit(): lets piped stdout drain before the process ends.
process.exitCode = await runCli(process.argv.slice(2), io);
