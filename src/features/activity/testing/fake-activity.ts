// The app server's activity endpoint for the Activity view's tests: a trail served newest first, page by page.
import { http, HttpResponse } from 'msw';
import type { AuditEntry } from '../../../../core/governance';
import { FakeInflux } from '../../../testing/fake-influx';
import { mswServer } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';
import { makeToken, ORG_ID } from '../../../testing/token-factory';

export const CI = 'a000000000000c01';
export const WEB = 'a000000000000c02';
const MINUTE = 60_000;

export function entry(seq: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    at: new Date(Date.now() - (1000 - seq) * MINUTE).toISOString(),
    orgID: ORG_ID,
    tokenID: CI,
    description: 'ci deploy',
    action: 'deactivate',
    before: { status: 'active' },
    after: { status: 'inactive' },
    actor: { kind: 'server-token', tokenID: 'a000000000000a01', description: "admin's Token", user: 'admin' },
    via: 'page',
    ...overrides,
  };
}

/** The app server's GET /api/app/activity over `trail` (any order), as core/governance.ts describes it. */
export function serveActivity(trail: AuditEntry[], pageSize = 50) {
  const asked: URLSearchParams[] = [];
  /** Which requests (1 = the first) fail. */
  const failing = new Set<number>();
  mswServer.use(
    http.get('/api/app/activity', ({ request }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query);
      if (failing.has(asked.length)) {
        return HttpResponse.json({ code: 'internal error', message: 'the store is locked' }, { status: 500 });
      }
      const before = Number(query.get('before') ?? Infinity);
      const since = query.get('since');
      const matching = [...trail]
        .sort((a, b) => b.seq - a.seq)
        .filter(
          (e) =>
            e.orgID === query.get('orgID') &&
            e.seq < before &&
            (!query.get('tokenID') || e.tokenID === query.get('tokenID')) &&
            (!query.get('action') || e.action === query.get('action')) &&
            (!since || e.at >= since),
        );
      const entries = matching.slice(0, pageSize);
      const more = matching.length > pageSize;
      return HttpResponse.json({ entries, ...(more && { next: entries.at(-1)!.seq }) });
    }),
  );
  return { asked, failRequest: (n: number) => failing.add(n) };
}

export function setup(trail: AuditEntry[], path = '/activity', pageSize?: number) {
  new FakeInflux({ tokens: [makeToken({ id: CI, description: 'ci deploy' })] });
  const activity = serveActivity(trail, pageSize);
  return { activity, ...renderApp(path) };
}
