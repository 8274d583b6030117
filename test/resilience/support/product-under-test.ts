// The product as `npm start` runs it (stand-in + app server with the operator token), in a fresh temporary
// directory, with every log line kept and every answer of the run passed through one LeakWatch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProduct, type RunningProduct } from '../../../server/app/start';
import { makeTempApp, type TempApp } from '../../../server/test-support/temp-app';
import { api, type ApiAnswer, type ApiCall } from './api';
import { LeakWatch } from './leak-watch';
import { sendRaw, type RawAnswer, type RawOptions } from './raw-socket';
import { snapshotAuthorizations } from './snapshot';
import type { Authorization } from '../../../core/influx-types';

export interface ProductUnderTest {
  product: RunningProduct;
  dataDir: string;
  tempApp: TempApp;
  appLogs: string[];
  standinLogs: string[];
  watch: LeakWatch;
  operatorToken: string;
  /** Through the app server (no Authorization unless given: the server token is added). */
  viaProxy(path: string, call?: ApiCall): Promise<ApiAnswer>;
  /** Straight to the stand-in. */
  direct(path: string, call?: ApiCall): Promise<ApiAnswer>;
  raw(port: number, bytes: string | Buffer, options?: RawOptions): Promise<RawAnswer>;
  snapshot(): Promise<Authorization[]>;
  close(): Promise<void>;
}

export async function startProductUnderTest(): Promise<ProductUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'resilience-access-'));
  const tempApp = makeTempApp();
  const appLogs: string[] = [];
  const standinLogs: string[] = [];
  const product = await startProduct({
    dataDir,
    staticDir: tempApp.dir,
    log: (line) => appLogs.push(line),
    standinLog: (line) => standinLogs.push(line),
  });
  const watch = new LeakWatch();
  const operatorToken = product.standin.operatorToken;
  watch.add(operatorToken);
  return {
    product,
    dataDir,
    tempApp,
    appLogs,
    standinLogs,
    watch,
    operatorToken,
    viaProxy: (path, call = {}) => api(product.url, path, call, watch),
    direct: (path, call = {}) => api(product.standin.url, path, call, watch),
    async raw(port, bytes, options) {
      const answer = await sendRaw(port, bytes, options);
      watch.check(`raw to ${port}`, answer.text);
      return answer;
    },
    snapshot: () => snapshotAuthorizations(product.standin.url, operatorToken, watch),
    async close() {
      await product.close();
      tempApp.remove();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
