// Hostile input: a seeded fuzz of every stand-in endpoint (directly, the stand-in in its own process) and every
// proxy path (the app server in front of it), over raw sockets. Never a 5xx, never a hang, both servers still
// answer /health afterwards, and no 4xx ever changes a single authorization.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Authorization } from '../../core/influx-types';
import { startAppServer, type RunningAppServer } from '../../server/app/app-server';
import { makeTempApp, type TempApp } from '../../server/test-support/temp-app';
import { api } from './support/api';
import { hostileCases, serialize, type HostileCase } from './support/hostile-requests';
import { LeakWatch } from './support/leak-watch';
import { sendRaw } from './support/raw-socket';
import { snapshotAuthorizations } from './support/snapshot';
import { spawnStandin, type StandinProcess } from './support/standin-process';

const SEED = 20240607;
const RANDOM_CASES = 240;

let dataDir: string;
let tempApp: TempApp;
let standin: StandinProcess;
let app: RunningAppServer;
const logs: string[] = [];
const watch = new LeakWatch();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'resilience-hostile-'));
  tempApp = makeTempApp();
  standin = await spawnStandin(dataDir);
  watch.add(standin.operatorToken);
  app = await startAppServer({
    mode: 'standin',
    upstreamUrl: standin.url,
    serverToken: standin.operatorToken,
    org: 'my-org',
    staticDir: tempApp.dir,
    timeoutMs: 10_000,
    log: (line) => logs.push(line),
  });
});
afterAll(async () => {
  await app?.close();
  await standin?.kill('SIGKILL');
  tempApp.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  sent: number;
  byStatus: Map<number, number>;
  changedOnSuccess: number;
}

async function fuzz(label: 'stand-in' | 'proxy', port: number, cases: HostileCase[]): Promise<Outcome> {
  const outcome: Outcome = { sent: 0, byStatus: new Map(), changedOnSuccess: 0 };
  const problems: string[] = [];
  let baseline = await snapshotAuthorizations(standin.url, standin.operatorToken);
  for (const c of cases) {
    const answer = await sendRaw(port, serialize(c, port, standin.operatorToken, label === 'stand-in'), {
      timeoutMs: 10_000,
      afterWrite: c.truncated,
    });
    outcome.sent++;
    watch.check(`${label} ${c.name}`, answer.text);
    // "100 Continue" is an interim answer; the final one follows it.
    const status = answer.statuses.find((s) => s >= 200) ?? 0;
    outcome.byStatus.set(status, (outcome.byStatus.get(status) ?? 0) + 1);
    if (answer.timedOut) problems.push(`${c.name}: no answer within 10 s`);
    else if (status === 0 && c.truncated !== 'destroy') problems.push(`${c.name}: connection closed without an answer`);
    else if (status >= 500)
      problems.push(`${c.name}: ${status} ${answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4, 300)}`);

    const after = await snapshotAuthorizations(standin.url, standin.operatorToken);
    // An empty list would mean the operator lost its sight, and every comparison after it would prove nothing.
    expect(after.length, `after ${c.name}`).toBeGreaterThanOrEqual(baseline.length);
    if (status >= 200 && status < 300) {
      if (JSON.stringify(after) !== JSON.stringify(baseline)) outcome.changedOnSuccess++;
    } else if (JSON.stringify(after) !== JSON.stringify(baseline)) {
      problems.push(`${c.name}: answered ${status} but changed ${describeChange(baseline, after)}`);
    }
    baseline = after;
  }
  expect(problems, `${label}: ${problems.length} of ${cases.length} hostile requests misbehaved`).toEqual([]);
  return outcome;
}

function describeChange(before: Authorization[], after: Authorization[]): string {
  const was = new Map(before.map((a) => [a.id, JSON.stringify(a)]));
  const now = new Map(after.map((a) => [a.id, JSON.stringify(a)]));
  const changed = [...now].filter(([id, text]) => was.get(id) !== text).map(([id]) => id);
  const gone = [...was.keys()].filter((id) => !now.has(id));
  return `changed/added ${changed.join(',') || 'none'}; removed ${gone.join(',') || 'none'}`;
}

const report = (label: string, o: Outcome) =>
  `[hostile] ${label}: ${o.sent} requests; statuses ${[...o.byStatus]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ')}; ` + `${o.changedOnSuccess} legitimate 2xx changes`;

describe('a seeded fuzz of hostile requests', () => {
  it('never gets a 5xx or a hang, and no 4xx changes anything, from the stand-in or through the proxy', async () => {
    const initial = await snapshotAuthorizations(standin.url, standin.operatorToken);
    const me = await api(standin.url, '/api/v2/me', { token: standin.operatorToken });
    // The operator's own authorization stays out of reach: disabling it would blind every later snapshot.
    const others = initial.filter((a) => a.description !== "admin's Token");
    expect(others.length).toBe(initial.length - 1);
    const ids = { existing: others.map((a) => a.id), orgID: initial[0]!.orgID, userID: me.json().id as string };
    const cases = hostileCases(SEED, RANDOM_CASES, ids);
    // Same seed, same requests: a failure names a case that replays exactly.
    expect(hostileCases(SEED, RANDOM_CASES, ids).map((c) => c.name)).toEqual(cases.map((c) => c.name));

    const direct = await fuzz('stand-in', standin.port, cases);
    const proxied = await fuzz('proxy', app.port, cases);

    expect(standin.alive()).toBe(true);
    expect((await api(standin.url, '/health', {})).status).toBe(200);
    expect((await api(app.url, '/health', {})).status).toBe(200);
    expect((await api(app.url, '/api/v2/me', {})).json().name).toBe('admin');
    // The stand-in logs only what it could not handle (a 500); the proxy only upstream trouble.
    expect(standin.output()).not.toMatch(/failed:/);
    // Every line, the first-start notice included: it names the token's file, never the token.
    for (const line of [...logs, standin.output()]) watch.check('log', line);
    expect(watch.leaks).toEqual([]);
    console.log(
      `${report('stand-in', direct)}\n${report('proxy', proxied)}\n[hostile] app server log lines: ${logs.length}`,
    );
  }, 60_000);
});
