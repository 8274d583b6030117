// The stand-in tells the truth after any sequence of operations: model-based tests (test/model/standin-model.ts).
// In process: many sequences with restarts. As its own process (`npm run standin`): fewer, with SIGKILL too.
// More: MODEL_RUNS=1000 npx vitest run server/standin/model.test.ts (MODEL_STEPS sets the longest sequence).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelParameters } from '../../test/model/parameters';
import { runModel, type Target } from '../../test/model/standin-model';
import { startStandin, type RunningStandin } from './start';
import { tempDataDir } from './test-support';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('the stand-in against the model', () => {
  it('in process: create, PATCH, DELETE, GET, list with each filter, by four callers, with restarts and writes by another process', async () => {
    const params = modelParameters({ runs: 30, steps: 50 });
    const size = await runModel({
      ...params,
      commands: { restart: true, kill: false, external: true },
      fresh: async () => {
        const dataDir = tempDataDir();
        let standin: RunningStandin = await startStandin({ dataDir, port: 0 });
        const target: Target = {
          url: () => standin.url,
          operatorAuth: `Token ${standin.operatorToken}`,
          dataDir,
          restart: async () => {
            await standin.close();
            standin = await startStandin({ dataDir, port: 0 });
          },
        };
        return {
          target,
          operatorToken: standin.operatorToken,
          close: async () => {
            await standin.close();
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    });
    expect(size.sequences).toBeGreaterThanOrEqual(params.runs);
    console.log(
      `[model] stand-in in process: ${size.sequences} sequences, ${size.steps} steps (up to ${params.steps} a sequence)`,
    );
  }, 600_000);

  it('as its own process: the same, with SIGTERM restarts and SIGKILL-and-restart', async () => {
    const params = modelParameters({ runs: 3, steps: 30 });
    const size = await runModel({
      ...params,
      commands: { restart: true, kill: true, external: true },
      fresh: async () => {
        const dataDir = tempDataDir();
        let running = await spawnStandin(dataDir);
        const operatorToken = readFileSync(join(dataDir, 'operator-token'), 'utf8').trim();
        const stop = async (signal: NodeJS.Signals) => {
          const exited = new Promise((resolve) => running.child.once('exit', resolve));
          running.child.kill(signal);
          await exited;
        };
        const target: Target = {
          url: () => running.url,
          operatorAuth: `Token ${operatorToken}`,
          dataDir,
          restart: async () => {
            await stop('SIGTERM');
            running = await spawnStandin(dataDir);
          },
          kill: async () => {
            await stop('SIGKILL');
            running = await spawnStandin(dataDir);
          },
        };
        return {
          target,
          operatorToken,
          close: async () => {
            if (running.child.exitCode === null && running.child.signalCode === null) await stop('SIGKILL');
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    });
    expect(size.sequences).toBeGreaterThanOrEqual(params.runs);
    console.log(
      `[model] stand-in as a process: ${size.sequences} sequences, ${size.steps} steps (up to ${params.steps} a sequence)`,
    );
  }, 600_000);
});

/** `npm run standin`'s entry point as its own process, on a free port. */
async function spawnStandin(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/standin/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, STANDIN_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stand-in did not start: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`stand-in exited (${code ?? signal}) before listening: ${output}`));
    });
  });
  return { child, url };
}
