// Starts the app server in front of a fake upstream with a throwaway built app, capturing its log lines.
import { startAppServer, type AppServerConfig, type RunningAppServer } from '../app/app-server';
import { call, type CallInit, type CallResult } from './http-call';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream';
import { makeTempApp, type TempApp } from './temp-app';

export const TEST_SERVER_TOKEN = 'server-token-Zq8vX3kP9mL2nR7tY4wB6cD1fG5hJ0aS-never-leak==';

export interface Harness {
  app: RunningAppServer;
  upstream: FakeUpstream;
  tempApp: TempApp;
  logs: string[];
  call(path: string, init?: CallInit): Promise<CallResult>;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<AppServerConfig> = {}): Promise<Harness> {
  const upstream = await startFakeUpstream();
  const tempApp = makeTempApp();
  const logs: string[] = [];
  const app = await startAppServer({
    mode: 'influx',
    upstreamUrl: upstream.url,
    serverToken: TEST_SERVER_TOKEN,
    org: 'my-org',
    staticDir: tempApp.dir,
    log: (line) => logs.push(line),
    ...overrides,
  });
  return {
    app,
    upstream,
    tempApp,
    logs,
    call: (path, init) => call(app.url, path, init),
    async close() {
      await app.close();
      await upstream.close();
      tempApp.remove();
    },
  };
}
