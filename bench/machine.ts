// Facts about the machine a benchmark ran on, stored beside the figures so they can be compared.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export function machineFacts(chromiumPath?: string) {
  let chromium = 'not found';
  if (chromiumPath) {
    try {
      chromium = execFileSync(chromiumPath, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      chromium = `unreadable (${chromiumPath})`;
    }
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
  };
}
