// Flag parsing, in-process, with the network replaced at the fetch boundary by a recorder.
import { describe, expect, it } from 'vitest';
import type { Authorization, AuthorizationCreate } from '../core/influx-types';
import type { CliIo } from './io';
import { runCli } from './program';
import { memoryIo } from './test-support/memory-io';

const ORG = '1111111111111111';
const USER = '2222222222222222';

interface Recorded {
  method: string;
  url: URL;
  body?: unknown;
  authorization?: string;
}

function fakeServer(answer: (request: Recorded) => { status: number; body?: unknown } = () => ({ status: 500 })) {
  const requests: Recorded[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const request: Recorded = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: headers.Authorization,
    };
    requests.push(request);
    const { status, body } = answer(request);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { requests, fetchImpl };
}

function harness(fetchImpl: typeof fetch, overrides: Partial<CliIo> = {}) {
  const memory = memoryIo({ fetch: fetchImpl, ...overrides });
  const run = (...argv: string[]) =>
    runCli(['auth', ...argv, '--host', 'http://influx.test:8086', '--token', 'flag-token'], memory.io);
  return { ...memory, run };
}

function created(body: AuthorizationCreate): Authorization {
  return {
    id: '0a1b2c3d4e5f6a7b',
    token: 'brand-new-token==',
    status: 'active',
    description: body.description ?? '',
    orgID: body.orgID,
    org: 'my-org',
    userID: body.userID ?? USER,
    user: 'user2',
    permissions: body.permissions,
    links: { self: '/api/v2/authorizations/0a1b2c3d4e5f6a7b', user: `/api/v2/users/${USER}` },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('usage errors', () => {
  it('reject bad values with exit code 2 before sending anything', async () => {
    const server = fakeServer();
    const { run, stderr } = harness(server.fetchImpl);
    expect(await run('list', '--status', 'paused')).toBe(2);
    expect(await run('delete', '--id', 'not-an-id')).toBe(2);
    expect(await run('inactive', '--id', '0000000000000000')).toBe(2);
    expect(await run('list', '--bogus')).toBe(2);
    expect(await run('create', '--org-id', ORG)).toBe(2);
    expect(await run('create', '--org-id', ORG, '--all-access', '--read-buckets')).toBe(2);
    expect(await run('inactive')).toBe(2);
    expect(await run('inactive', '--id', 'abcdefabcdefabcd', '--user', 'user2')).toBe(2);
    expect(server.requests).toEqual([]);
    const text = stderr();
    expect(text).toContain(
      "Error: option '--status <status>' argument 'paused' is invalid. Allowed choices are active, inactive.",
    );
    expect(text).toContain('Error: invalid ID "not-an-id" for --id');
    expect(text).toContain("Error: unknown option '--bogus'");
    expect(text).toContain('Error: no permissions given');
    expect(text).toContain('do not combine it with other permission flags');
    expect(text).toContain('say which tokens to deactivate');
  });
});

describe('create flags', () => {
  it('generates --read-<type>/--write-<type> flags from the OSS types and repeatable bucket flags', async () => {
    const server = fakeServer((request) =>
      request.method === 'POST' ? { status: 201, body: created(request.body as AuthorizationCreate) } : { status: 404 },
    );
    const { run, stdout } = harness(server.fetchImpl);
    const code = await run(
      'create',
      '--org-id',
      ORG,
      '-d',
      'ci writer',
      '--read-bucket',
      'AAAAAAAAAAAAAAAA',
      '--read-bucket',
      'bbbbbbbbbbbbbbbb',
      '--write-dashboards',
      '--read-notificationRules',
      '--read-authorizations',
    );
    expect(code).toBe(0);
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.url.pathname).toBe('/api/v2/authorizations');
    expect(post?.authorization).toBe('Token flag-token');
    expect(post?.body).toEqual({
      orgID: ORG,
      description: 'ci writer',
      permissions: [
        { action: 'read', resource: { type: 'buckets', id: 'aaaaaaaaaaaaaaaa', orgID: ORG } },
        { action: 'read', resource: { type: 'buckets', id: 'bbbbbbbbbbbbbbbb', orgID: ORG } },
        { action: 'read', resource: { type: 'authorizations', orgID: ORG } },
        { action: 'write', resource: { type: 'dashboards', orgID: ORG } },
        { action: 'read', resource: { type: 'notificationRules', orgID: ORG } },
      ],
    });
    expect(stdout()).toContain('brand-new-token==');
  });

  it('resolves --org and --user names through /orgs?org= and /users?name=', async () => {
    const server = fakeServer((request) => {
      if (request.url.pathname === '/api/v2/orgs')
        return { status: 200, body: { orgs: [{ id: ORG, name: request.url.searchParams.get('org') }] } };
      if (request.url.pathname === '/api/v2/users')
        return { status: 200, body: { users: [{ id: USER, name: request.url.searchParams.get('name') }] } };
      return { status: 201, body: created(request.body as AuthorizationCreate) };
    });
    const { run } = harness(server.fetchImpl);
    expect(await run('create', '--org', 'my-org', '--user', 'user2', '--write-buckets', '--json')).toBe(0);
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      'GET /api/v2/orgs?org=my-org',
      'GET /api/v2/users?name=user2',
      'POST /api/v2/authorizations',
    ]);
    expect(server.requests[2]?.body).toMatchObject({ orgID: ORG, userID: USER });
  });

  it('without an org, counts every org it may see, paging past InfluxDB’s first page of 20', async () => {
    const orgs = Array.from({ length: 25 }, (_, i) => ({ id: String(i + 1).padStart(16, '0'), name: `org-${i}` }));
    const server = fakeServer((request) => {
      // InfluxDB's paging: 20 unless asked for more (at most 100), from `offset`.
      const limit = Number(request.url.searchParams.get('limit') ?? 20);
      const offset = Number(request.url.searchParams.get('offset') ?? 0);
      return { status: 200, body: { orgs: orgs.slice(offset, offset + limit) } };
    });
    const { run, stderr } = harness(server.fetchImpl);
    expect(await run('create', '--read-buckets')).toBe(1);
    expect(stderr()).toContain('which org? 25 orgs are visible');
    expect(server.requests.map((r) => r.url.search)).toEqual(['?limit=100', '?limit=100&offset=100']);
  });

  it('says which org is unknown', async () => {
    const server = fakeServer(() => ({
      status: 404,
      body: { code: 'not found', message: 'organization name "nope" not found' },
    }));
    const { run, stderr } = harness(server.fetchImpl);
    expect(await run('create', '--org', 'nope', '--read-buckets')).toBe(1);
    expect(stderr()).toContain('Error: organization "nope" not found at http://influx.test:8086');
  });
});

describe('list filters', () => {
  it('passes user, org and ID filters to the server and filters --status itself', async () => {
    const server = fakeServer(() => ({
      status: 200,
      body: {
        links: { self: '/api/v2/authorizations' },
        authorizations: [
          created({ orgID: ORG, description: 'on', permissions: [] }),
          {
            ...created({ orgID: ORG, description: 'off', permissions: [] }),
            id: 'ffffffffffffffff',
            status: 'inactive',
          },
        ],
      },
    }));
    const { run, stdout } = harness(server.fetchImpl);
    expect(await run('ls', '--user', 'user2', '--org-id', ORG, '--status', 'inactive', '--hide-headers')).toBe(0);
    expect(server.requests[0]?.url.search).toBe(`?user=user2&orgID=${ORG}`);
    expect(stdout()).toMatch(/^ffffffffffffffff\s+off\s/);
    expect(stdout().trim().split('\n')).toHaveLength(1);
  });
});

describe('bulk changes', () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      ...created({ orgID: ORG, description: `token ${i}`, permissions: [] }),
      id: `1${i.toString(16).padStart(15, '0')}`,
    }));

  it('keep at most 8 updates in flight and report in list order', async () => {
    const auths = many(30);
    let inFlight = 0;
    let peak = 0;
    const requests: string[] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      requests.push(`${init?.method} ${url.pathname}`);
      if (init?.method !== 'PATCH') return Response.json({ links: { self: '' }, authorizations: auths });
      inFlight++;
      peak = Math.max(peak, inFlight);
      // Later tokens answer sooner, so completion order differs from list order.
      await new Promise((resolve) => setTimeout(resolve, 30 - (requests.length % 30)));
      inFlight--;
      if (url.pathname.endsWith(auths[7]?.id as string))
        return Response.json({ code: 'internal error', message: 'disk full' }, { status: 500 });
      return Response.json({ ...auths.find((a) => url.pathname.endsWith(a.id)), status: 'inactive' });
    };
    const { run, stdout } = harness(fetchImpl);
    expect(await run('inactive', '--org', 'my-org', '--yes')).toBe(1);
    expect(peak).toBe(8);
    expect(requests.filter((r) => r.startsWith('PATCH'))).toHaveLength(30);
    const lines = stdout().trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual(
      auths.map((a, i) => `${a.id}  ${i === 7 ? 'failed: disk full (HTTP 500)' : 'ok'}`),
    );
    expect(lines.at(-1)).toBe('29 deactivated, 1 failed');
  });

  it('show at most 20 tokens before asking on a terminal', async () => {
    const fetchImpl: typeof fetch = async () => Response.json({ links: { self: '' }, authorizations: many(25) });
    const { run, stderr } = harness(fetchImpl, { stdinIsTTY: true, readLine: async () => 'no' });
    expect(await run('inactive', '--user', 'user2')).toBe(1);
    expect(stderr()).toContain('token 19');
    expect(stderr()).not.toContain('token 20');
    expect(stderr()).toContain('... and 5 more\nDeactivate 25 tokens of user2? [y/N] ');
    expect(stderr()).toContain('Error: cancelled: nothing was changed');
  });
});
