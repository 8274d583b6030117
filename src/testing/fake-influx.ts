// An in-memory InfluxDB (and app server config) behind MSW, at the fetch boundary: the app's real
// client, queries and mutations run unchanged. Tests change its state, queue failures, or hold requests.
import { http, HttpResponse, type JsonBodyType } from 'msw';
import type { AppConfig } from '../features/session/app-config';
import type { Authorization, AuthorizationUpdate } from '../lib/influx-types';
import { mswServer } from './msw-server';
import { ORG_ID, ORG_NAME } from './token-factory';

export interface RecordedRequest {
  method: string;
  path: string;
  body?: unknown;
  authorization: string | null;
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

  constructor(options: FakeInfluxOptions = {}) {
    this.tokens = structuredClone(options.tokens ?? []);
    this.config = { mode: 'standin', upstream: 'http://127.0.0.1:8086', org: null, needsToken: false, ...options.config };
    this.validToken = options.validToken;
    mswServer.use(...this.handlers());
  }

  /** The next request matching `method` (and `path`) fails with this InfluxDB error. */
  failNext(method: string, status: number, message: string, path?: RegExp, code = status === 401 ? 'unauthorized' : 'unavailable') {
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
    this.requests.push({ method: request.method, path: url.pathname + url.search, body, authorization });
    const failure = this.takeFailure(request.method, url.pathname);
    if (failure) return error(failure.status, failure.code, failure.message);
    if (this.validToken && authorization !== `Token ${this.validToken}`) return error(401, 'unauthorized', 'unauthorized access');
    return undefined;
  }

  private handlers() {
    return [
      http.get('/api/app/config', async ({ request }) => (await this.guardConfig(request)) ?? HttpResponse.json(this.config)),
      http.get('/api/v2/orgs', async ({ request }) => {
        const refused = await this.guard(request);
        if (refused) return refused;
        const name = new URL(request.url).searchParams.get('org');
        if (name && name !== ORG_NAME) return error(404, 'not found', `organization name "${name}" not found`);
        return HttpResponse.json({ orgs: [{ id: ORG_ID, name: ORG_NAME, description: '', createdAt: '', updatedAt: '', links: {} }] });
      }),
      http.get('/api/v2/authorizations', async ({ request }) => {
        const refused = await this.guard(request);
        if (refused) return refused;
        const orgID = new URL(request.url).searchParams.get('orgID');
        const list = this.tokens.filter((t) => !orgID || t.orgID === orgID);
        return HttpResponse.json({ links: { self: '/api/v2/authorizations' }, authorizations: structuredClone(list) });
      }),
      http.get('/api/v2/authorizations/:id', async ({ request, params }) => {
        const refused = await this.guard(request);
        if (refused) return refused;
        const token = this.token(String(params.id));
        return token ? HttpResponse.json(structuredClone(token)) : error(404, 'not found', 'authorization not found');
      }),
      http.patch('/api/v2/authorizations/:id', async ({ request, params }) => {
        const body = (await request.json()) as AuthorizationUpdate;
        const refused = await this.guard(request, body);
        await this.gate?.promise;
        const delay = this.patchDelays.shift();
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        if (refused) return refused;
        const token = this.token(String(params.id));
        if (!token) return error(404, 'not found', 'authorization not found');
        if (body.description !== undefined) token.description = body.description;
        if (body.status !== undefined) token.status = body.status;
        token.updatedAt = new Date().toISOString();
        return HttpResponse.json(structuredClone(token));
      }),
    ];
  }

  private async guardConfig(request: Request) {
    const failure = this.takeFailure('GET', new URL(request.url).pathname);
    return failure ? error(failure.status, failure.code, failure.message) : undefined;
  }
}

function error(status: number, code: string, message: string) {
  return HttpResponse.json({ code, message }, { status, headers: { 'X-Platform-Error-Code': code } });
}
