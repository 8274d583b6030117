// An in-memory InfluxDB (and app server config) behind MSW, at the fetch boundary: the app's real
// client, queries and mutations run unchanged. Tests change its state, queue failures, or hold requests.
import { http, HttpResponse, type JsonBodyType } from 'msw';
import type { AppConfig } from '../lib/session/app-config';
import type { OwnToken } from '../lib/session/own-token';
import {
  OSS_RESOURCE_TYPES,
  type Authorization,
  type AuthorizationCreate,
  type AuthorizationUpdate,
  type Bucket,
  type Permission,
  type User,
} from '../../core/influx-types';
import { ACTION_HEADER, ACTIVITY_PATH, EXPIRY_PATH_PREFIX, GOVERNANCE_PATH } from '../../core/governance';
import { FakeGovernance, type GovernanceAnswer } from './fake-governance';
import { mswServer } from './msw-server';
import { makeToken, ORG_ID, ORG_NAME } from './token-factory';

export interface RecordedRequest {
  method: string;
  path: string;
  body?: unknown;
  authorization: string | null;
  /** The page's ACTION_HEADER (clone, rotate), when sent. */
  action: string | null;
}

interface Failure {
  method: string;
  path?: RegExp;
  status: number;
  code: string;
  message: string;
}

export interface FakeInfluxOptions {
  tokens?: Authorization[];
  config?: Partial<AppConfig>;
  /** When set, requests must carry `Authorization: Token <validToken>`. */
  validToken?: string;
  buckets?: Bucket[];
  /** The signed-in user (GET /api/v2/me); admin by default. */
  me?: User;
  /** Where this InfluxDB answers: "" (the default connection), or "/c/<name>" for another connection. */
  prefix?: string;
  /** The orgs the token can read; my-org alone by default. */
  orgs?: { id: string; name: string }[];
}

export const ADMIN_USER: User = {
  id: '1000000000000001',
  name: 'admin',
  status: 'active',
  links: { self: '/api/v2/users/1000000000000001' },
};

function orgJson(org: { id: string; name: string }) {
  return { ...org, description: '', createdAt: '', updatedAt: '', links: {} };
}

export function makeBucket(id: string, name: string, type: Bucket['type'] = 'user'): Bucket {
  return {
    id,
    orgID: ORG_ID,
    type,
    name,
    retentionRules: [{ type: 'expire', everySeconds: 0 }],
    createdAt: '',
    updatedAt: '',
    links: {},
  };
}

export class FakeInflux {
  tokens: Authorization[];
  config: AppConfig;
  validToken?: string;
  requests: RecordedRequest[] = [];
  private failures: Failure[] = [];
  private gate?: { promise: Promise<void>; release: () => void };
  /** Milliseconds each following PATCH waits before it is applied (to make answers arrive out of order). */
  patchDelays: number[] = [];
  buckets: Bucket[];
  me: User;
  orgs: { id: string; name: string }[];
  prefix: string;
  /** Permissions the caller may not grant: POST answers 403 "permission ... is not allowed" like InfluxDB. */
  refuseGrant?: (permission: Permission) => boolean;
  private created = 0;
  /** What /api/app/own-token answers: which token the page runs on. Default: it works, but which one is unknown. */
  ownToken: OwnToken = { state: 'unknown', source: 'server', recoverable: false };
  /** The app server's expiries and trail (/api/app/governance, /expiry/, /activity): seed them, set the policy. */
  governance = new FakeGovernance(() => this.tokens);

  constructor(options: FakeInfluxOptions = {}) {
    this.tokens = structuredClone(options.tokens ?? []);
    const config = {
      mode: 'standin' as const,
      upstream: 'http://127.0.0.1:8086',
      org: null,
      needsToken: false,
      ...options.config,
    };
    // One connection unless the test offers several: the default, as the app server describes it.
    this.config = {
      connection: 'default',
      connections: [
        {
          name: 'default',
          upstream: config.upstream,
          production: false,
          org: config.org,
          needsToken: config.needsToken,
        },
      ],
      ...config,
    };
    this.validToken = options.validToken;
    this.buckets = options.buckets ?? [
      makeBucket('b000000000000001', 'telemetry'),
      makeBucket('b000000000000002', 'telegraf'),
    ];
    this.me = options.me ?? ADMIN_USER;
    this.prefix = options.prefix ?? '';
    this.orgs = options.orgs ?? [{ id: ORG_ID, name: ORG_NAME }];
    mswServer.use(...this.handlers());
  }

  /** The next request matching `method` (and `path`) fails with this InfluxDB error. */
  failNext(
    method: string,
    status: number,
    message: string,
    path?: RegExp,
    code = status === 401 ? 'unauthorized' : 'unavailable',
  ) {
    this.failures.push({ method, path, status, code, message });
  }

  /** Holds every PATCH until the returned function is called (to see optimistic state, and races). */
  holdPatches(): () => void {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.gate = { promise, release };
    return () => {
      this.gate = undefined;
      release();
    };
  }

  patches(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'PATCH');
  }

  /** Requests with this method (e.g. every POST or DELETE). */
  sent(method: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method);
  }

  token(id: string): Authorization | undefined {
    return this.tokens.find((t) => t.id === id);
  }

  private takeFailure(method: string, path: string): Failure | undefined {
    const index = this.failures.findIndex((f) => f.method === method && (!f.path || f.path.test(path)));
    if (index === -1) return undefined;
    return this.failures.splice(index, 1)[0];
  }

  private async guard(request: Request, body?: unknown): Promise<HttpResponse<JsonBodyType> | undefined> {
    const url = new URL(request.url);
    const authorization = request.headers.get('Authorization');
    const action = request.headers.get(ACTION_HEADER);
    this.requests.push({ method: request.method, path: url.pathname + url.search, body, authorization, action });
    const failure = this.takeFailure(request.method, url.pathname);
    if (failure) return error(failure.status, failure.code, failure.message);
    if (this.validToken && authorization !== `Token ${this.validToken}`)
      return error(401, 'unauthorized', 'unauthorized access');
    return undefined;
  }

  private handlers() {
    // Another connection's InfluxDB answers under /c/<name>/ (the app server's own config only at the top).
    const p = this.prefix;
    return [
      // Not recorded and never failed by failNext: tests of other requests need not know about it.
      http.get(`${p}/api/app/own-token`, ({ request }) =>
        this.validToken && request.headers.get('Authorization') !== `Token ${this.validToken}`
          ? HttpResponse.json({ ...this.ownToken, state: 'refused', message: 'unauthorized access', source: 'pasted' })
          : HttpResponse.json(this.ownToken),
      ),
      // InfluxDB's /ping, which the page asks every few seconds while visible: answered, not recorded.
      http.get(`${p}/ping`, () => new HttpResponse(null, { status: 204 })),
      ...(p
        ? []
        : [
            http.get(
              '/api/app/config',
              async ({ request }) => (await this.guardConfig(request)) ?? HttpResponse.json(this.config),
            ),
          ]),
      // As InfluxDB pages them (limit ≤ 100, offset); by name, the one org or 404.
      http.get(`${p}/api/v2/orgs`, async ({ request }) => {
        const refused = await this.guard(request);
        if (refused) return refused;
        const query = new URL(request.url).searchParams;
        const name = query.get('org');
        if (name) {
          const named = this.orgs.filter((org) => org.name === name);
          if (named.length === 0) return error(404, 'not found', `organization name "${name}" not found`);
          return HttpResponse.json({ orgs: named.map(orgJson) });
        }
        const offset = Number(query.get('offset') ?? 0);
        const limit = Number(query.get('limit') ?? 20);
        return HttpResponse.json({ orgs: this.orgs.slice(offset, offset + limit).map(orgJson) });
      }),
      http.get(`${p}/api/v2/orgs/:id`, async ({ request, params }) => {
        const refused = await this.guard(request);
        if (refused) return refused;
        const org = this.orgs.find((each) => each.id === params.id);
        if (!org) return error(404, 'not found', 'organization not found');
        return HttpResponse.json(orgJson(org));
      }),
      http.get(`${p}/api/v2/authorizations`, async ({ request }) => {
        const refused = await this.guard(request);
        if (refused) return refused;
        const orgID = new URL(request.url).searchParams.get('orgID');
        const list = this.tokens.filter((t) => !orgID || t.orgID === orgID);
        return HttpResponse.json({ links: { self: '/api/v2/authorizations' }, authorizations: structuredClone(list) });
      }),
      http.get(`${p}/api/v2/authorizations/:id`, async ({ request, params }) => {
        const refused = await this.guard(request);
        if (refused) return refused;
        const token = this.token(String(params.id));
        return token ? HttpResponse.json(structuredClone(token)) : error(404, 'not found', 'authorization not found');
      }),
      http.patch(`${p}/api/v2/authorizations/:id`, async ({ request, params }) => {
        const body = (await request.json()) as AuthorizationUpdate;
        const refused = await this.guard(request, body);
        await this.gate?.promise;
        const delay = this.patchDelays.shift();
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        if (refused) return refused;
        const token = this.token(String(params.id));
        if (!token) return error(404, 'not found', 'authorization not found');
        if (body.description !== undefined && body.description !== token.description)
          this.governance.record(
            'rename',
            token,
            { description: token.description },
            { description: body.description },
          );
        if (body.status !== undefined && body.status !== token.status)
          this.governance.record(
            body.status === 'active' ? 'activate' : 'deactivate',
            token,
            { status: token.status },
            {
              status: body.status,
            },
          );
        if (body.description !== undefined) token.description = body.description;
        if (body.status !== undefined) token.status = body.status;
        token.updatedAt = new Date().toISOString();
        return HttpResponse.json(structuredClone(token));
      }),
      http.get(
        `${p}/api/v2/resources`,
        async ({ request }) => (await this.guard(request)) ?? HttpResponse.json([...OSS_RESOURCE_TYPES]),
      ),
      http.get(`${p}/api/v2/me`, async ({ request }) => (await this.guard(request)) ?? HttpResponse.json(this.me)),
      http.get(`${p}/api/v2/buckets`, async ({ request }) => {
        const refused = await this.guard(request);
        if (refused) return refused;
        const query = new URL(request.url).searchParams;
        const orgID = query.get('orgID');
        // Paged like InfluxDB: `limit` 1..100 (default 20), `offset`.
        const limit = Number(query.get('limit') ?? 20);
        const offset = Number(query.get('offset') ?? 0);
        const buckets = this.buckets.filter((b) => !orgID || b.orgID === orgID).slice(offset, offset + limit);
        return HttpResponse.json({ links: { self: '/api/v2/buckets' }, buckets });
      }),
      http.get(`${p}/api/v2/users`, async ({ request }) => {
        const refused = await this.guard(request);
        if (refused) return refused;
        const users = new Map<string, User>([[this.me.id, this.me]]);
        for (const t of this.tokens) {
          if (!users.has(t.userID))
            users.set(t.userID, {
              id: t.userID,
              name: t.user,
              status: 'active',
              links: { self: `/api/v2/users/${t.userID}` },
            });
        }
        return HttpResponse.json({ links: { self: '/api/v2/users' }, users: [...users.values()] });
      }),
      http.post(`${p}/api/v2/authorizations`, async ({ request }) => {
        const body = (await request.json()) as AuthorizationCreate;
        const refused = await this.guard(request, body);
        if (refused) return refused;
        if (!body.permissions?.length) return error(400, 'invalid', 'authorization must have at least one permission');
        const denied = body.permissions.find((p) => p.resource.type === 'instance' || this.refuseGrant?.(p));
        if (denied)
          return error(403, 'forbidden', `permission ${denied.action}:${denied.resource.type} is not allowed`);
        this.created += 1;
        const user =
          body.userID && body.userID !== this.me.id
            ? (this.tokens.find((t) => t.userID === body.userID)?.user ?? 'user')
            : this.me.name;
        const now = new Date().toISOString();
        const token = makeToken({
          id: `c${this.created.toString(16).padStart(15, '0')}`,
          token: `new-token-${this.created}-${'x'.repeat(70)}==`,
          status: body.status ?? 'active',
          description: body.description ?? '',
          orgID: body.orgID,
          userID: body.userID ?? this.me.id,
          user,
          permissions: body.permissions,
          createdAt: now,
          updatedAt: now,
        });
        // Stored without its string, like InfluxDB with hashed tokens: only this answer carries it.
        this.tokens.push({ ...token, token: '' });
        this.governance.record('create', token);
        return HttpResponse.json(token, { status: 201 });
      }),
      http.get(`${p}${GOVERNANCE_PATH}`, async ({ request }) => {
        const refused = await this.guard(request);
        return refused ?? answer(this.governance.state(new URL(request.url).searchParams.get('orgID')));
      }),
      http.put(`${p}${EXPIRY_PATH_PREFIX}:id`, async ({ request, params }) => {
        const body = (await request.json().catch(() => ({}))) as Record<string, never>;
        const refused = await this.guard(request, body);
        return refused ?? answer(this.governance.setExpiry(String(params.id), body));
      }),
      http.get(`${p}${ACTIVITY_PATH}`, async ({ request }) => {
        const refused = await this.guard(request);
        return refused ?? answer(this.governance.activityPage(new URL(request.url).searchParams));
      }),
      http.delete(`${p}/api/v2/authorizations/:id`, async ({ request, params }) => {
        const refused = await this.guard(request);
        if (refused) return refused;
        const index = this.tokens.findIndex((t) => t.id === String(params.id));
        if (index === -1) return error(404, 'not found', 'authorization not found');
        this.governance.record('delete', this.tokens[index]!);
        this.tokens.splice(index, 1);
        return new HttpResponse(null, { status: 204 });
      }),
    ];
  }

  private async guardConfig(request: Request) {
    const failure = this.takeFailure('GET', new URL(request.url).pathname);
    return failure ? error(failure.status, failure.code, failure.message) : undefined;
  }
}

function answer({ status, body }: GovernanceAnswer) {
  if (body === undefined) return new HttpResponse(null, { status });
  const { code } = body as { code?: string };
  return HttpResponse.json(body as JsonBodyType, {
    status,
    ...(code && { headers: { 'X-Platform-Error-Code': code } }),
  });
}

function error(status: number, code: string, message: string) {
  return HttpResponse.json({ code, message }, { status, headers: { 'X-Platform-Error-Code': code } });
}
