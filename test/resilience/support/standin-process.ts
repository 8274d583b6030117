// The stand-in as its own process (`node --import tsx server/standin/main.ts`), so a test can SIGKILL it
// mid-write and restart it on the same DATA_DIR, or watch that hostile input never brings it down.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface StandinProcess {
  /** e.g. http://127.0.0.1:43121 */
  url: string;
  port: number;
  operatorToken: string;
  /** Everything it printed (stdout and stderr) so far. */
  output(): string;
  /** True until the process has exited. */
  alive(): boolean;
  /** Sends the signal and waits for the exit; resolves with the exit code or signal name. */
  kill(signal: NodeJS.Signals): Promise<string>;
}

export async function spawnStandin(dataDir: string, startTimeoutMs = 20_000): Promise<StandinProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/standin/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, STANDIN_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not print its URL within ${startTimeoutMs} ms`), startTimeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      // The first start prints the operator token: keep it out of test failure messages.
      reject(new Error(`stand-in process ${why}; its output:\n${output.replace(/[A-Za-z0-9_-]{86}==/g, '<token>')}`));
    };
    const look = () => {
      const match = /InfluxDB stand-in listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    void exited.then((how) => fail(`exited (${how}) before listening`));
  });

  return {
    url,
    port: Number(new URL(url).port),
    operatorToken: readFileSync(join(dataDir, 'operator-token'), 'utf8').trim(),
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: (signal) => killAndWait(child, exited, signal),
  };
}

async function killAndWait(child: ChildProcess, exited: Promise<string>, signal: NodeJS.Signals): Promise<string> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  return exited;
}
