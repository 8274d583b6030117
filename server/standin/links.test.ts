// Every `links` value of every answer, followed: each resolves (200), or answers what InfluxDB answers there.
// InfluxDB links an org's logs and labels without routing them (Go's plain 404), and a bucket's write link
// takes only POST (405).
import { describe, expect, it } from 'vitest';
import { allAccessPermissions } from './permissions';
import { withStandin, type Answer } from './test-support';

const h = withStandin({ per: 'file' });

/** What InfluxDB answers a GET on a link it sends but does not serve. */
function expectInfluxAnswerOnUnservedLink(path: string, answer: Answer): void {
  if (/^\/api\/v2\/orgs\/[0-9a-f]{16}\/(logs|labels)$/.test(path)) {
    expect(answer.status, path).toBe(404);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.text).toBe('404 page not found\n');
  } else {
    expect(path).toMatch(/^\/api\/v2\/write\?org=[0-9a-f]{16}&bucket=[0-9a-f]{16}$/);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('OPTIONS, POST');
    expect(answer.json).toEqual({ code: 'method not allowed', message: 'allow: OPTIONS, POST' });
  }
}

function linksOf(value: unknown, out: string[]): string[] {
  if (Array.isArray(value)) for (const v of value) linksOf(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'links') out.push(...Object.values(v as Record<string, string>));
      else linksOf(v, out);
    }
  }
  return out;
}

describe('links', () => {
  it('every links value of every answer resolves, or answers as InfluxDB does', async () => {
    const user1 = await h.userID('user1');
    const created = await h.createToken({
      userID: user1,
      description: 'links',
      permissions: allAccessPermissions(h.orgID, user1),
    });
    // second-org and its buckets, which the all-access token of my-org may not read.
    const secondOrgID = await h.orgIDByName('second-org');
    const secondOrgBuckets = await h.call('GET', `/api/v2/buckets?orgID=${secondOrgID}`);
    const ofSecondOrg = [secondOrgID, ...secondOrgBuckets.json.buckets.map((b: { id: string }) => b.id)];
    expect(ofSecondOrg).toHaveLength(5);
    const queue = [
      '/api/v2/authorizations',
      `/api/v2/authorizations/${created.id}`,
      `/api/v2/authorizations?user=user1`,
      '/api/v2/me',
      '/api/v2/users',
      '/api/v2/orgs',
      `/api/v2/buckets?orgID=${h.orgID}`,
      '/api/v2/buckets?limit=2&offset=1',
    ];
    const seen = new Set<string>();
    const unserved = new Set<string>();
    let followed = 0;
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      // As the operator and as a user's all-access token (which sees less, all of which resolves).
      for (const token of [undefined, created.token]) {
        const answer = await h.call('GET', path, { token });
        if (token !== undefined && answer.status === 401) continue; // not this caller's to read (e.g. another user)
        const nested =
          /^\/api\/v2\/(?:orgs|buckets)\/([0-9a-f]{16})\/(?:members|owners|secrets)$/.exec(path) ??
          /^\/api\/v2\/buckets\/([0-9a-f]{16})\/labels$/.exec(path);
        if (token !== undefined && ofSecondOrg.includes(nested?.[1] ?? '') && answer.status === 404) {
          // What second-org's org and buckets link to: InfluxDB's bare 404 (ValidResource) for a caller that may
          // not read the org or bucket.
          expect(answer.json, path).toEqual({ code: 'not found', message: '404 page not found' });
          continue;
        }
        if (answer.status !== 200) {
          expectInfluxAnswerOnUnservedLink(path, answer);
          unserved.add(path.replace(/[0-9a-f]{16}/g, '<id>'));
          continue;
        }
        followed++;
        for (const link of linksOf(answer.json, [])) {
          expect(link, `a link in ${path}`).toMatch(/^\/api\/v2\//);
          queue.push(link);
        }
      }
    }
    // Every kind of link was reached.
    for (const pattern of [
      /^\/api\/v2\/authorizations\/[0-9a-f]{16}$/,
      /^\/api\/v2\/users\/[0-9a-f]{16}$/,
      /^\/api\/v2\/orgs\/[0-9a-f]{16}$/,
      /^\/api\/v2\/orgs\/[0-9a-f]{16}\/(members|owners|secrets)$/,
      /^\/api\/v2\/buckets\/[0-9a-f]{16}$/,
      /^\/api\/v2\/buckets\/[0-9a-f]{16}\/(members|owners|labels)$/,
      /^\/api\/v2\/(tasks|dashboards)\?org=my-org$/,
      /^\/api\/v2\/buckets\?descending=false&limit=2&offset=3$/,
    ]) {
      expect(
        [...seen].some((p) => pattern.test(p)),
        String(pattern),
      ).toBe(true);
    }
    expect([...unserved].sort()).toEqual([
      '/api/v2/orgs/<id>/labels',
      '/api/v2/orgs/<id>/logs',
      '/api/v2/write?org=<id>&bucket=<id>',
    ]);
    expect(followed).toBeGreaterThan(40);
  });
});
