// A small typed client for the InfluxDB v2 endpoints this product uses.
// Shared by the browser app (base URL "", through the proxy) and the CLI (base URL of the host).
import type {
  Authorization,
  AuthorizationCreate,
  AuthorizationFilters,
  AuthorizationList,
  AuthorizationUpdate,
  Bucket,
  InfluxErrorBody,
  Organization,
  User,
} from './influx-types';
import { PAGE_SIZE, pageThrough } from './paging';

/** A failed request, with what a person needs to act on it. `status` is 0 when no answer came. */
export class InfluxApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'InfluxApiError';
    this.status = status;
    this.code = code;
  }

  /** True when the request never got an HTTP answer (network down, refused, aborted). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export interface InfluxClientOptions {
  /** Base URL such as "http://localhost:8086"; "" means same origin (the browser app). */
  baseUrl: string;
  /** Sent as `Authorization: Token <token>` when set. */
  token?: string;
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

type Query = Record<string, string | undefined>;

/** Which buckets to list: one org's (by ID), and of those (or of all) the ones with a name. */
export interface BucketFilter {
  orgID?: string;
  name?: string;
}

/** One request as the client sends it; plain data, so it can be posted to a Web Worker and sent from there. */
export interface PreparedInfluxRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Who answers, as failure messages name it: the base URL, or "the server" for the same origin. */
  where: string;
}

/** A successful answer's status and body text, before parsing. */
export interface InfluxAnswerText {
  status: number;
  text: string;
}

type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The error for an answer whose body broke off: whatever was asked may or may not have happened. */
export function cutOffError(where: string): InfluxApiError {
  return new InfluxApiError(
    0,
    'unavailable',
    `The answer from ${where} was cut off before it was complete; the request may or may not have taken effect.`,
  );
}

async function readText(response: Response, where: string, signal?: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    // Headers came, then the connection dropped.
    throw cutOffError(where);
  }
}

/**
 * Sends a prepared request and returns a successful answer with its body still unread (to read it as a
 * stream). Failures are InfluxApiErrors (no answer: status 0 'unavailable'; HTTP errors: InfluxDB's code and
 * message), except that an abort by the caller's own signal is rethrown as it is.
 */
export async function openInfluxAnswer(
  prepared: PreparedInfluxRequest,
  signal?: AbortSignal,
  doFetch: FetchLike = (input, init) => fetch(input, init),
): Promise<Response> {
  const { url, method, headers, body, where } = prepared;
  let response: Response;
  try {
    response = await doFetch(url, { method, headers, body, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    const cause =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new InfluxApiError(0, 'unavailable', `Could not reach ${where}: ${cause}`);
  }
  if (!response.ok) throw errorFromResponse(response, await readText(response, where, signal));
  return response;
}

/** As openInfluxAnswer, reading the whole body (cut off: status 0 'unavailable'). */
async function readInfluxAnswer(
  prepared: PreparedInfluxRequest,
  signal?: AbortSignal,
  doFetch?: FetchLike,
): Promise<InfluxAnswerText> {
  const response = await openInfluxAnswer(prepared, signal, doFetch);
  if (response.status === 204) return { status: 204, text: '' };
  return { status: response.status, text: await readText(response, prepared.where, signal) };
}

/** The JSON of a successful answer (nothing for 204); a body that is not JSON is an InfluxApiError 'invalid'. */
export function parseInfluxAnswer<T>({ status, text }: InfluxAnswerText): T {
  if (status === 204) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new InfluxApiError(status, 'invalid', `The server sent a response that is not JSON (HTTP ${status})`);
  }
}

/** Sends a prepared request and parses its JSON answer, with the failures of readInfluxAnswer and parseInfluxAnswer. */
export async function sendInfluxRequest<T>(
  prepared: PreparedInfluxRequest,
  signal?: AbortSignal,
  doFetch?: FetchLike,
): Promise<T> {
  return parseInfluxAnswer<T>(await readInfluxAnswer(prepared, signal, doFetch));
}

export function createInfluxClient(options: InfluxClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  function prepare(method: string, path: string, query?: Query, body?: unknown): PreparedInfluxRequest {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') search.set(key, value);
    }
    const qs = search.toString();
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.token) headers.Authorization = `Token ${options.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return {
      url: `${baseUrl}${path}${qs ? `?${qs}` : ''}`,
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      where: baseUrl || 'the server',
    };
  }

  async function request<T>(
    method: string,
    path: string,
    query?: Query,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    return sendInfluxRequest<T>(prepare(method, path, query, body), signal, doFetch);
  }

  /** One page of PAGE_SIZE items of a list from `offset`: the list's field of the answer. */
  const page = <T>(path: string, field: string, query: Query, offset: number) =>
    request<Record<string, T[] | undefined>>('GET', path, {
      ...query,
      limit: String(PAGE_SIZE),
      offset: offset ? String(offset) : undefined,
    }).then((r) => r[field] ?? []);
  const bucketPage = ({ offset = 0, ...filter }: BucketFilter & { offset?: number } = {}) =>
    page<Bucket>('/api/v2/buckets', 'buckets', filter, offset);
  /**
   * Every user the token may read. Beyond the pages, its own user: a token that reads users one by one (an
   * all-access token reads only its own) can meet 100 it may not read before that one, and an empty page ends
   * a list (core/paging.ts); /api/v2/me finds it wherever it is, or answers 401 when the token may not read it.
   */
  const listEveryUser = async () => {
    const [users, me] = await Promise.all([
      pageThrough((offset) => page<User>('/api/v2/users', 'users', {}, offset)),
      request<User>('GET', '/api/v2/me').catch((error: unknown) => {
        if (error instanceof InfluxApiError && error.status === 401) return undefined;
        throw error;
      }),
    ]);
    return me && !users.some((user) => user.id === me.id) ? [...users, me] : users;
  };
  const listEveryOrg = () => pageThrough((offset) => page<Organization>('/api/v2/orgs', 'orgs', {}, offset));

  return {
    listAuthorizations: (filters: AuthorizationFilters = {}, signal?: AbortSignal) =>
      request<AuthorizationList>('GET', '/api/v2/authorizations', { ...filters }, undefined, signal).then(
        (r) => r.authorizations,
      ),
    getAuthorization: (id: string, signal?: AbortSignal) =>
      request<Authorization>('GET', `/api/v2/authorizations/${encodeURIComponent(id)}`, undefined, undefined, signal),
    /** `headers`: extra ones for this request (the page's ACTION_HEADER, a label for the console's trail). */
    createAuthorization: (body: AuthorizationCreate, headers?: Record<string, string>) => {
      const prepared = prepare('POST', '/api/v2/authorizations', undefined, body);
      return sendInfluxRequest<Authorization>(
        { ...prepared, headers: { ...prepared.headers, ...headers } },
        undefined,
        doFetch,
      );
    },
    updateAuthorization: (id: string, update: AuthorizationUpdate) =>
      request<Authorization>('PATCH', `/api/v2/authorizations/${encodeURIComponent(id)}`, undefined, update),
    deleteAuthorization: (id: string) => request<void>('DELETE', `/api/v2/authorizations/${encodeURIComponent(id)}`),
    me: () => request<User>('GET', '/api/v2/me'),
    /** One user by name (InfluxDB answers 404 for an unknown one), or every user the token may read. */
    listUsers: (name?: string) =>
      name ? request<{ users: User[] }>('GET', '/api/v2/users', { name }).then((r) => r.users) : listEveryUser(),
    listEveryUser,
    /** One org by name (404 for an unknown one), or every org the token may read. */
    listOrgs: (org?: string) =>
      org ? request<{ orgs: Organization[] }>('GET', '/api/v2/orgs', { org }).then((r) => r.orgs) : listEveryOrg(),
    listEveryOrg,
    getOrg: (id: string, signal?: AbortSignal) =>
      request<Organization>('GET', `/api/v2/orgs/${encodeURIComponent(id)}`, undefined, undefined, signal),
    /** One page of at most 100 buckets (InfluxDB's largest), from `offset`. */
    listBuckets: bucketPage,
    /** Every bucket the token may read, of one org or all, paged through to the end. */
    listEveryBucket: (filter: BucketFilter = {}) => pageThrough((offset) => bucketPage({ ...filter, offset })),
    listResourceTypes: () => request<string[]>('GET', '/api/v2/resources'),
    /** A GET exactly as this client would send it, to be sent elsewhere with sendInfluxRequest (the token list's Web Worker). */
    prepareGet: (path: string, query?: Query) => prepare('GET', path, query),
  };
}

export type InfluxClient = ReturnType<typeof createInfluxClient>;

function errorFromResponse(response: Response, text: string): InfluxApiError {
  let body: Partial<InfluxErrorBody> = {};
  try {
    body = JSON.parse(text) as Partial<InfluxErrorBody>;
  } catch {
    // Not an InfluxDB error body (e.g. an HTML page from a load balancer): fall back to the status.
  }
  const code = body.code ?? response.headers.get('X-Platform-Error-Code') ?? 'internal error';
  const message = body.message || text.trim().slice(0, 200) || response.statusText || `HTTP ${response.status}`;
  return new InfluxApiError(response.status, code, message);
}
