// Test harness for the stand-in: a fresh temporary DATA_DIR, a real loopback server on a free port,
// and small helpers to call it and check answers against the official contract.
import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Authorization, AuthorizationList } from '../../core/influx-types';
import { assertMatchesContract, contractMethodsOf, contractPathOf } from '../../test/contract';
import { startStandin, type RunningStandin } from './start';
import { StandinStore } from './store';

export interface Answer {
  /** What was asked, so checks can find the contract's operation. */
  request: { method: string; path: string };
  status: number;
  headers: Headers;
  text: string;
  // Parsed JSON of the body (undefined when empty); tests narrow it with their own expectations.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface CallOptions {
  /** Token to send as `Token <token>`; default the operator token; null sends no Authorization header. */
  token?: string | null;
  /** Serialized as JSON with Content-Type application/json. */
  body?: unknown;
  /** Sent as-is (no Content-Type unless given in headers). */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'standin-test-'));
}

export class Harness {
  dataDir = '';
  standin!: RunningStandin;
  readonly logLines: string[] = [];

  /** Starts the stand-in on `dataDir` (by default a fresh one), forgetting any earlier log lines. */
  async open(dataDir = tempDataDir()): Promise<void> {
    this.dataDir = dataDir;
    this.logLines.length = 0;
    this.standin = await startStandin({ dataDir, port: 0, log: (line) => this.logLines.push(line) });
  }

  get operatorToken(): string {
    return this.standin.operatorToken;
  }
  get orgID(): string {
    return this.standin.orgID;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.operatorToken : options.token;
    if (token !== null) headers.Authorization ??= `Token ${token}`;
    let body: string | Uint8Array | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    } else if (options.rawBody !== undefined) {
      body = options.rawBody;
    }
    const response = await fetch(`${this.standin.url}${path}`, { method, headers, body: body as BodyInit | undefined });
    const text = await response.text();
    let json: unknown;
    if (text !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { request: { method, path }, status: response.status, headers: response.headers, text, json };
  }

  /** Every authorization, as the operator sees it: the "did anything change?" snapshot. */
  async allAuthorizations(): Promise<Authorization[]> {
    const answer = await this.call('GET', '/api/v2/authorizations');
    expect(answer.status).toBe(200);
    return (answer.json as AuthorizationList).authorizations;
  }

  async userID(name: string): Promise<string> {
    const answer = await this.call('GET', `/api/v2/users?name=${encodeURIComponent(name)}`);
    expect(answer.status).toBe(200);
    return (answer.json as { users: { id: string }[] }).users[0]!.id;
  }

  async orgIDByName(name: string): Promise<string> {
    const answer = await this.call('GET', `/api/v2/orgs?org=${encodeURIComponent(name)}`);
    expect(answer.status).toBe(200);
    return (answer.json as { orgs: { id: string }[] }).orgs[0]!.id;
  }

  async bucketID(name: string): Promise<string> {
    const answer = await this.call('GET', `/api/v2/buckets?orgID=${this.orgID}&name=${encodeURIComponent(name)}`);
    expect(answer.status).toBe(200);
    return (answer.json as { buckets: { id: string }[] }).buckets[0]!.id;
  }

  /** Creates a token with the operator token (or `as`); returns the 201 body, which holds the token string. */
  async createToken(
    body: { permissions: unknown[]; description?: string; status?: string; userID?: string; orgID?: string },
    as?: string,
  ): Promise<Authorization> {
    const answer = await this.call('POST', '/api/v2/authorizations', {
      token: as,
      body: { orgID: this.orgID, ...body },
    });
    expect(answer.status, answer.text).toBe(201);
    assertMatchesContract('POST', '/authorizations', 201, answer.json);
    return answer.json as Authorization;
  }

  /**
   * Changes the database the way another process would (a second connection, one transaction), as
   * `npm run seed` does: the running stand-in sees the change on its next request.
   */
  change<T>(fn: (store: StandinStore) => T): T {
    const store = StandinStore.open(this.dataDir);
    try {
      return store.transaction(() => fn(store));
    } finally {
      store.close();
    }
  }

  /** Restarts on the database as an older stand-in left it: `sql` undoes what came since, at `version`. */
  async restartFromSchema(version: number, sql: string): Promise<void> {
    await this.standin.close();
    const db = new Database(join(this.dataDir, 'standin.sqlite'));
    db.exec(sql);
    db.pragma(`user_version = ${version}`);
    db.close();
    await this.restart();
  }

  async restart(): Promise<void> {
    await this.standin.close();
    this.standin = await startStandin({ dataDir: this.dataDir, port: 0, log: (line) => this.logLines.push(line) });
  }

  async close(): Promise<void> {
    await this.standin.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * The stand-in set-up every test file shares: a fresh DATA_DIR and server before each test (`per: 'test'`, the
 * default) or once for the file or describe block it is called in (`per: 'file'`), closed and removed after.
 * `ready` runs after each start, for what the tests need beside the bootstrap data.
 */
export function withStandin(options: { per?: 'test' | 'file'; ready?: (h: Harness) => Promise<void> } = {}): Harness {
  const harness = new Harness();
  const [before, after] = options.per === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    await harness.open();
    await options.ready?.(harness);
  });
  after(() => harness.close());
  return harness;
}

/**
 * Checks an InfluxDB error answer completely: status, body, header and content type, and the contract for any
 * path it has (a method it does not declare, such as a 405's, is checked as an error of the path's GET, else its
 * first method).
 */
export function expectError(answer: Answer, status: number, code: string, message: string | RegExp): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(answer.headers.get('x-platform-error-code')).toBe(code);
  expect(Object.keys(answer.json as object)).toEqual(['code', 'message']);
  expect(answer.json.code).toBe(code);
  if (typeof message === 'string') expect(answer.json.message).toBe(message);
  else expect(answer.json.message).toMatch(message);
  const { method, path } = answer.request;
  const template = contractPathOf(path);
  if (template) {
    const operations = contractMethodsOf(template);
    const checked = operations.includes(method) ? method : operations.includes('GET') ? 'GET' : operations[0]!;
    assertMatchesContract(checked, template, status, answer.json);
  }
}

export const readBuckets = (orgID: string) => ({ action: 'read', resource: { type: 'buckets', orgID } });
export const writeBuckets = (orgID: string) => ({ action: 'write', resource: { type: 'buckets', orgID } });
/** What a token needs to see and manage its own user's tokens in one org. */
export const manageOwnTokens = (orgID: string, userID: string) => [
  { action: 'read', resource: { type: 'authorizations', orgID } },
  { action: 'write', resource: { type: 'authorizations', orgID } },
  { action: 'read', resource: { type: 'users', id: userID } },
  { action: 'write', resource: { type: 'users', id: userID } },
];
