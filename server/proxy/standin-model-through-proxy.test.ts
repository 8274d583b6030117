// The model-based test of the stand-in (test/model/standin-model.ts), through the app server's proxy: the operator
// sends no token (the proxy adds the server's), the other callers send their own; the stand-in restarts behind
// the proxy on the same port. More: MODEL_RUNS=1000 npx vitest run server/proxy/standin-model-through-proxy.test.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelParameters } from '../../test/model/parameters';
import { runModel, type Target } from '../../test/model/standin-model';
import { startProduct } from '../app/start';
import { startStandin, type RunningStandin } from '../standin/start';
import { makeTempApp } from '../test-support/temp-app';

describe('the stand-in through the proxy against the model', () => {
  it('answers every sequence of token operations by four callers, with stand-in restarts, as the model says', async () => {
    const params = modelParameters({ runs: 12, steps: 40 });
    const size = await runModel({
      ...params,
      commands: { restart: true, kill: false },
      fresh: async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'token-manager-model-proxy-'));
        const app = makeTempApp();
        const product = await startProduct({ dataDir, staticDir: app.dir });
        let standin: RunningStandin = product.standin;
        const port = Number(new URL(standin.url).port);
        const target: Target = {
          url: () => product.url,
          operatorAuth: null,
          restart: async () => {
            await standin.close();
            standin = await startStandin({ dataDir, port });
          },
        };
        return {
          target,
          operatorToken: standin.operatorToken,
          close: async () => {
            await product.close();
            await standin.close();
            app.remove();
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    });
    expect(size.sequences).toBeGreaterThanOrEqual(params.runs);
    console.log(
      `[model] stand-in through the proxy: ${size.sequences} sequences, ${size.steps} steps (up to ${params.steps} a sequence)`,
    );
  }, 600_000);
});
