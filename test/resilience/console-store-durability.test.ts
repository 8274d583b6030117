// The console's own store keeps what it acknowledged: a process writing expiries and trail entries is SIGKILLed
// mid-stream; every entry it reported as written is there after reopening, with its expiry, and the file is intact.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { GovernanceStore } from '../../server/governance/store';

const dir = mkdtempSync(join(tmpdir(), 'console-store-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the console store under SIGKILL', () => {
  it('loses nothing it acknowledged', async () => {
    const file = join(dir, 'console.sqlite');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/resilience/support/console-store-writer.ts', file, 'i1'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const acknowledged: string[] = [];
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`only ${acknowledged.length} writes acknowledged in 20 s`));
      }, 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        acknowledged.push(...lines);
        if (acknowledged.length >= 300 && !child.killed) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('error', reject);
    });
    await new Promise((resolve) => child.once('exit', resolve));

    const integrity = new Database(file).pragma('integrity_check', { simple: true });
    expect(integrity).toBe('ok');
    const store = new GovernanceStore(file, 'i1');
    try {
      const recorded = new Set(store.activity({ orgID: 'org1', limit: 1_000_000 }).map((e) => e.tokenID));
      const missing = acknowledged.filter((id) => !recorded.has(id) || !store.expiry(id));
      expect(missing).toEqual([]);
      console.log(
        `[durability] console store: ${acknowledged.length} acknowledged, ${recorded.size} on disk after SIGKILL`,
      );
    } finally {
      store.close();
    }
  }, 60_000);
});
