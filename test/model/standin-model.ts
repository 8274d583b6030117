// Model-based testing of the stand-in (fast-check fc.commands): random sequences of token operations by
// callers of different rights, each answer compared with what a plain in-memory model says InfluxDB answers
// (status, error code and message, every body field, list membership and order), plus restarts and
// SIGKILL-and-restart where the target allows them. Shared by the direct and the through-the-proxy tests.
//
// Size: MODEL_RUNS sequences (default per test, see callers) of up to MODEL_STEPS commands (default 40).
// Replay a failure with the seed and path fast-check prints: MODEL_SEED=<seed> MODEL_PATH=<path>
// (parameters.ts beside it reads them).
import fc from 'fast-check';
import { expect } from 'vitest';
import { newId } from '../../server/standin/ids';
import { storeNewAuthorization } from '../../server/standin/new-authorization';
import { AUTH, StandinStore } from '../../server/standin/store';

type Json = Record<string, unknown>;

export interface Perm {
  action: 'read' | 'write';
  resource: { type: string; id?: string; orgID?: string };
}

/** A token as the model says InfluxDB shows it in lists and GETs (token string "" after creation). */
export interface ModelToken {
  id: string;
  token: string;
  status: 'active' | 'inactive';
  description: string;
  orgID: string;
  org: string;
  userID: string;
  user: string;
  permissions: Json[];
  links: { self: string; user: string };
  createdAt: string;
  updatedAt: string;
}

export type CallerKind = 'operator' | 'allAccess' | 'readOnly' | 'inactive';
export const CALLERS: CallerKind[] = ['operator', 'allAccess', 'readOnly', 'inactive'];

/** What a caller may do while its token exists and is active. */
interface Rights {
  /** Whose tokens it may read and write: every user's, or one user's. */
  user: 'any' | string;
  /** In which org: every org's (the operator), or one org's (a token scoped to the model's org). */
  org: 'any' | string;
  write: boolean;
  /** Unscoped read:users (only the operator may hand it out). */
  allUsers: boolean;
}

export interface Model {
  /** The org the commands create tokens in (my-org); the list also holds second-org's tokens from the start. */
  orgID: string;
  orgName: string;
  users: { id: string; name: string }[];
  buckets: { id: string; name: string }[];
  /** Every token in creation order. */
  tokens: ModelToken[];
  /** Ids of deleted tokens: PATCH, GET and DELETE on them must answer 404. */
  deleted: string[];
  callers: Record<CallerKind, { token: string | null; id: string; rights: Rights }>;
  operatorID: string;
}

/** The system under test: where to send requests, and how to restart it (when the target can). */
export interface Target {
  url(): string;
  /** The operator's Authorization header value, or null when the target adds it (the proxy). */
  operatorAuth: string | null;
  restart?: () => Promise<void>;
  kill?: () => Promise<void>;
  /** The data folder, when another process may write to the database meanwhile (as `npm run seed` does). */
  dataDir?: string;
}

interface Answer {
  status: number;
  json: Json | undefined;
  text: string;
}

async function call(
  target: Target,
  auth: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (auth !== null) headers.Authorization = auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${target.url()}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text === '' ? undefined : (JSON.parse(text) as Json) };
}

const authOf = (m: Model, target: Target, kind: CallerKind) => {
  const token = m.callers[kind].token;
  return token === null ? target.operatorAuth : `Token ${token}`;
};

function expectError(answer: Answer, status: number, code: string, message: string): void {
  expect({ status: answer.status, body: answer.json }, answer.text).toEqual({ status, body: { code, message } });
}

/** The caller's current standing: its token row decides (deleted: unknown; inactive: may do nothing checked). */
function standing(m: Model, kind: CallerKind): 'unknown' | 'inactive' | Rights {
  const caller = m.callers[kind];
  const row = m.tokens.find((t) => t.id === caller.id);
  if (!row) return 'unknown';
  if (row.status === 'inactive') return 'inactive';
  return caller.rights;
}

const inOrg = (rights: Rights, t: ModelToken) => rights.org === 'any' || rights.org === t.orgID;
const ofUser = (rights: Rights, t: ModelToken) => rights.user === 'any' || rights.user === t.userID;
const mayTouch = (rights: Rights, t: ModelToken) => inOrg(rights, t) && ofUser(rights, t);

/** The permission as InfluxDB renders it: names of buckets, orgs and users, and the org's name. */
function rendered(m: Model, p: Perm): Json {
  const { type, id, orgID } = p.resource;
  let name: string | undefined;
  if (id !== undefined) {
    if (type === 'buckets') name = m.buckets.find((b) => b.id === id)?.name;
    if (type === 'orgs') name = id === m.orgID ? m.orgName : undefined;
    if (type === 'users') name = m.users.find((u) => u.id === id)?.name;
  }
  return {
    action: p.action,
    resource: {
      type,
      ...(id !== undefined && { id }),
      ...(orgID !== undefined && { orgID }),
      ...(name !== undefined && { name }),
      ...(orgID !== undefined && { org: m.orgName }),
    },
  };
}

const permString = (p: Perm) => {
  const { type, id, orgID } = p.resource;
  const path =
    orgID !== undefined && id !== undefined
      ? `orgs/${orgID}/${type}/${id}`
      : orgID !== undefined
        ? `orgs/${orgID}/${type}`
        : id !== undefined
          ? `${type}/${id}`
          : type;
  return `${p.action}:${path}`;
};

export const PERMISSION_SETS = [
  'readBuckets',
  'oneBucket',
  'dashboards',
  'manageOwn',
  'orgRead',
  'readAllUsers',
] as const;
type PermissionSetName = (typeof PERMISSION_SETS)[number];

function permissionSet(m: Model, name: PermissionSetName, userID: string): Perm[] {
  const org = m.orgID;
  const telegraf = m.buckets.find((b) => b.name === 'telegraf')!.id;
  switch (name) {
    case 'readBuckets':
      return [{ action: 'read', resource: { type: 'buckets', orgID: org } }];
    case 'oneBucket':
      return [
        { action: 'read', resource: { type: 'buckets', id: telegraf, orgID: org } },
        { action: 'write', resource: { type: 'buckets', id: telegraf, orgID: org } },
      ];
    case 'dashboards':
      return [
        { action: 'read', resource: { type: 'dashboards', orgID: org } },
        { action: 'write', resource: { type: 'dashboards', orgID: org } },
      ];
    case 'manageOwn':
      return [
        { action: 'read', resource: { type: 'authorizations', orgID: org } },
        { action: 'write', resource: { type: 'authorizations', orgID: org } },
        { action: 'read', resource: { type: 'users', id: userID } },
        { action: 'write', resource: { type: 'users', id: userID } },
      ];
    case 'orgRead':
      return [{ action: 'read', resource: { type: 'orgs', id: org } }];
    case 'readAllUsers':
      return [{ action: 'read', resource: { type: 'users' } }];
  }
}

function checkToken(actual: unknown, expected: ModelToken): void {
  expect(actual).toEqual(expected);
}

/** Which token a command aims at: counted from the oldest or the newest live one, or a deleted one. */
export type Aim = readonly ['oldest' | 'newest' | 'deleted', number];

/** Picks a token id among live and deleted ones (deleted ones must stay gone). */
function pick(m: Model, [from, n]: Aim): string {
  if (from === 'deleted' && m.deleted.length > 0) return m.deleted[m.deleted.length - 1 - (n % m.deleted.length)]!;
  const i = n % m.tokens.length;
  return m.tokens[from === 'oldest' ? i : m.tokens.length - 1 - i]!.id;
}

type Cmd = fc.AsyncCommand<Model, Target>;

/** What InfluxDB stores for a description: lone UTF-16 surrogates become U+FFFD (Go's JSON decoder). */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Descriptions as people type them: any Unicode, emoji and combining marks, RTL, NUL, lone surrogates. */
export const descriptionArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '',
    'token A',
    "user2's 🔑 writer",
    'שלום עולם',
    'e\u0301\u0301',
    '"quoted" \\ back',
    'nul\u0000byte',
    '\uD800 lone',
  ),
);

class Create implements Cmd {
  constructor(
    readonly caller: CallerKind,
    readonly set: PermissionSetName,
    readonly description: string,
    readonly status: 'active' | 'inactive' | undefined,
    readonly forUser: number | undefined,
  ) {}
  check = () => true;
  async run(m: Model, target: Target): Promise<void> {
    const standingNow = standing(m, this.caller);
    const ownUser = m.callers[this.caller].rights.user;
    const userID =
      this.forUser === undefined
        ? ownUser === 'any'
          ? m.users.find((u) => u.name === 'admin')!.id
          : ownUser
        : m.users[this.forUser % m.users.length]!.id;
    const permissions = permissionSet(m, this.set, userID);
    const body = {
      orgID: m.orgID,
      description: this.description,
      permissions,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.forUser !== undefined && { userID }),
    };
    const answer = await call(target, authOf(m, target, this.caller), 'POST', '/api/v2/authorizations', body);
    if (standingNow === 'unknown') return expectError(answer, 401, 'unauthorized', 'unauthorized access');
    if (standingNow === 'inactive') return expectError(answer, 401, 'unauthorized', 'token is inactive');
    if (!standingNow.write)
      return expectError(answer, 401, 'unauthorized', `write:orgs/${m.orgID}/authorizations is unauthorized`);
    if (standingNow.user !== 'any' && standingNow.user !== userID)
      return expectError(answer, 401, 'unauthorized', `write:users/${userID} is unauthorized`);
    const denied = permissions.find(
      (p) => p.resource.type === 'users' && p.resource.id === undefined && !standingNow.allUsers,
    );
    if (denied) {
      const perm = permString(denied);
      return expectError(answer, 403, 'forbidden', `permission ${perm} is not allowed: ${perm} is unauthorized`);
    }
    expect(answer.status, answer.text).toBe(201);
    const json = answer.json as unknown as ModelToken;
    expect(json.id).toMatch(/^[0-9a-f]{16}$/);
    expect(json.token).toMatch(/^[A-Za-z0-9_-]{86}==$/);
    expect(m.tokens.some((t) => t.id === json.id) || m.deleted.includes(json.id)).toBe(false);
    expect(json.createdAt).toBe(json.updatedAt);
    expect(Number.isNaN(Date.parse(json.createdAt))).toBe(false);
    const user = m.users.find((u) => u.id === userID)!;
    const expected: ModelToken = {
      id: json.id,
      token: '',
      status: this.status ?? 'active',
      description: wellFormed(this.description),
      orgID: m.orgID,
      org: m.orgName,
      userID,
      user: user.name,
      permissions: permissions.map((p) => rendered(m, p)),
      links: { self: `/api/v2/authorizations/${json.id}`, user: `/api/v2/users/${userID}` },
      createdAt: json.createdAt,
      updatedAt: json.updatedAt,
    };
    checkToken({ ...json, token: '' }, expected);
    m.tokens.push(expected);
    await wholeList(m, target);
  }
  toString = () =>
    `Create(${this.caller}, ${this.set}, ${JSON.stringify(this.description)}, ${this.status}, user#${this.forUser})`;
}

/** The checks a GET, PATCH or DELETE of one token makes, in the real server's order; undefined when allowed. */
function refusal(
  m: Model,
  kind: CallerKind,
  id: string,
  reads: boolean,
  writes: boolean,
): [number, string, string] | undefined {
  const standingNow = standing(m, kind);
  if (standingNow === 'unknown') return [401, 'unauthorized', 'unauthorized access'];
  const row = m.tokens.find((t) => t.id === id);
  if (!row) return [404, 'not found', 'authorization not found'];
  if (standingNow === 'inactive') return [401, 'unauthorized', 'token is inactive'];
  if (reads && !inOrg(standingNow, row))
    return [401, 'unauthorized', `read:orgs/${row.orgID}/authorizations/${id} is unauthorized`];
  if (reads && !ofUser(standingNow, row)) return [401, 'unauthorized', `read:users/${row.userID} is unauthorized`];
  if (writes && (!standingNow.write || !inOrg(standingNow, row)))
    return [401, 'unauthorized', `write:orgs/${row.orgID}/authorizations/${id} is unauthorized`];
  if (writes && !ofUser(standingNow, row)) return [401, 'unauthorized', `write:users/${row.userID} is unauthorized`];
  return undefined;
}

class Patch implements Cmd {
  constructor(
    readonly caller: CallerKind,
    readonly index: Aim,
    readonly description: string | undefined,
    readonly status: 'active' | 'inactive' | 'paused' | undefined,
  ) {}
  check = () => true;
  async run(m: Model, target: Target): Promise<void> {
    const id = pick(m, this.index);
    // The operator's own token stays active, or nothing could be checked any more.
    const status = id === m.operatorID && this.status !== undefined ? undefined : this.status;
    const body = {
      ...(this.description !== undefined && { description: this.description }),
      ...(status !== undefined && { status }),
    };
    const answer = await call(target, authOf(m, target, this.caller), 'PATCH', `/api/v2/authorizations/${id}`, body);
    const refused = refusal(m, this.caller, id, true, true);
    if (refused) return expectError(answer, ...refused);
    if (status === 'paused')
      return expectError(answer, 400, 'invalid', 'encodeAuthorization: unknown authorization status');
    expect(answer.status, answer.text).toBe(200);
    const row = m.tokens.find((t) => t.id === id)!;
    const updatedAt = (answer.json as { updatedAt: string }).updatedAt;
    // Fixed-width RFC 3339 with nanoseconds: text order is time order.
    expect(updatedAt >= row.updatedAt, `${updatedAt} >= ${row.updatedAt}`).toBe(true);
    if (this.description !== undefined) row.description = wellFormed(this.description);
    if (status !== undefined) row.status = status;
    row.updatedAt = updatedAt;
    checkToken(answer.json, row);
    await wholeList(m, target);
  }
  toString = () =>
    `Patch(${this.caller}, ${this.index.join(' ')}, ${JSON.stringify(this.description)}, ${this.status})`;
}

class Delete implements Cmd {
  constructor(
    readonly caller: CallerKind,
    readonly index: Aim,
  ) {}
  check = () => true;
  async run(m: Model, target: Target): Promise<void> {
    const id = pick(m, this.index);
    if (id === m.operatorID) return; // the operator's token is what restarts check the database against
    const answer = await call(target, authOf(m, target, this.caller), 'DELETE', `/api/v2/authorizations/${id}`);
    const refused = refusal(m, this.caller, id, false, true);
    if (refused) return expectError(answer, ...refused);
    expect(answer.status, answer.text).toBe(204);
    expect(answer.text).toBe('');
    m.tokens = m.tokens.filter((t) => t.id !== id);
    m.deleted.push(id);
    await wholeList(m, target);
  }
  toString = () => `Delete(${this.caller}, ${this.index.join(' ')})`;
}

class Get implements Cmd {
  constructor(
    readonly caller: CallerKind,
    readonly index: Aim,
  ) {}
  check = () => true;
  async run(m: Model, target: Target): Promise<void> {
    const id = pick(m, this.index);
    const answer = await call(target, authOf(m, target, this.caller), 'GET', `/api/v2/authorizations/${id}`);
    const refused = refusal(m, this.caller, id, true, false);
    if (refused) return expectError(answer, ...refused);
    expect(answer.status, answer.text).toBe(200);
    checkToken(
      answer.json,
      m.tokens.find((t) => t.id === id)!,
    );
  }
  toString = () => `Get(${this.caller}, ${this.index.join(' ')})`;
}

export type ListFilter = 'none' | 'user' | 'userID' | 'org' | 'orgID' | 'unknownUser';

class List implements Cmd {
  constructor(
    readonly caller: CallerKind,
    readonly filter: ListFilter,
    readonly userIndex: number,
  ) {}
  check = () => true;
  async run(m: Model, target: Target): Promise<void> {
    const user = m.users[this.userIndex % m.users.length]!;
    const query = {
      none: '',
      user: `?user=${encodeURIComponent(user.name)}`,
      userID: `?userID=${user.id}`,
      org: `?org=${encodeURIComponent(m.orgName)}`,
      orgID: `?orgID=${m.orgID}`,
      unknownUser: '?user=nobody',
    }[this.filter];
    const answer = await call(target, authOf(m, target, this.caller), 'GET', `/api/v2/authorizations${query}`);
    const standingNow = standing(m, this.caller);
    if (standingNow === 'unknown') return expectError(answer, 401, 'unauthorized', 'unauthorized access');
    if (this.filter === 'unknownUser') return expectError(answer, 404, 'not found', 'user not found');
    expect(answer.status, answer.text).toBe(200);
    const byUser = this.filter === 'user' || this.filter === 'userID';
    const byOrg = this.filter === 'org' || this.filter === 'orgID';
    const expected =
      standingNow === 'inactive'
        ? []
        : m.tokens.filter(
            (t) => (!byUser || t.userID === user.id) && (!byOrg || t.orgID === m.orgID) && mayTouch(standingNow, t),
          );
    expect(answer.json).toEqual({ links: { self: '/api/v2/authorizations' }, authorizations: expected });
  }
  toString = () => `List(${this.caller}, ${this.filter}, user#${this.userIndex})`;
}

/**
 * Another process writes to the database while the stand-in runs (as `npm run seed` does): a new user, or a
 * token. The stand-in must notice (its name catalog and rendered rows are caches).
 */
class External implements Cmd {
  constructor(
    readonly kind: 'user' | 'token',
    readonly set: PermissionSetName,
    readonly description: string,
    readonly userIndex: number,
  ) {}
  check = () => true;
  async run(m: Model, target: Target): Promise<void> {
    const store = StandinStore.open(target.dataDir!);
    try {
      if (this.kind === 'user') {
        const user = {
          id: newId(),
          name: `outside-${m.users.length}-${Array.from(this.description).slice(0, 8).join('')}`,
        };
        store.insertUser({ ...user, status: 'active' });
        m.users.push(user);
      } else {
        const user = m.users[this.userIndex % m.users.length]!;
        const permissions = permissionSet(m, this.set, user.id);
        const { row } = storeNewAuthorization(store, {
          status: 'active',
          description: this.description,
          orgID: m.orgID,
          userID: user.id,
          permissions,
        });
        const id = row[AUTH.id];
        m.tokens.push({
          id,
          token: '',
          status: 'active',
          description: this.description,
          orgID: m.orgID,
          org: m.orgName,
          userID: user.id,
          user: user.name,
          permissions: permissions.map((p) => rendered(m, p)),
          links: { self: `/api/v2/authorizations/${id}`, user: `/api/v2/users/${user.id}` },
          createdAt: row[AUTH.createdAt],
          updatedAt: row[AUTH.updatedAt],
        });
      }
    } finally {
      store.close();
    }
    await wholeList(m, target);
  }
  toString = () => `External(${this.kind}, ${this.set}, ${JSON.stringify(this.description)}, user#${this.userIndex})`;
}

/** After every change: the whole list, as the operator sees it, is the model's. */
const wholeList = (m: Model, target: Target) => new List('operator', 'none', 0).run(m, target);

class Restart implements Cmd {
  constructor(readonly kill: boolean) {}
  check = () => true;
  async run(m: Model, target: Target): Promise<void> {
    await (this.kill ? target.kill!() : target.restart!());
    // Everything acknowledged is still there, exactly.
    await wholeList(m, target);
  }
  toString = () => (this.kill ? 'SigkillAndRestart' : 'Restart');
}

export interface CommandOptions {
  restart: boolean;
  kill: boolean;
  /** Writes by another process (needs Target.dataDir). */
  external?: boolean;
}

export function commandArbs(options: CommandOptions): fc.Arbitrary<Cmd>[] {
  // The operator succeeds most, so it moves the state most; the others probe the refusals.
  const caller = fc.constantFrom<CallerKind>('operator', 'operator', 'operator', ...CALLERS);
  // Newest tokens matter most (a deleted newest row's position was once handed to the next new row).
  const index: fc.Arbitrary<Aim> = fc.tuple(
    fc.constantFrom('oldest' as const, 'newest' as const, 'newest' as const, 'deleted' as const),
    fc.oneof(fc.constant(0), fc.nat(12)),
  );
  const arbs: fc.Arbitrary<Cmd>[] = [
    fc
      .tuple(
        caller,
        fc.constantFrom(...PERMISSION_SETS),
        descriptionArb,
        fc.constantFrom('active' as const, 'inactive' as const, undefined),
        fc.option(fc.nat(10), { nil: undefined }),
      )
      .map(([c, set, d, s, u]) => new Create(c, set, d, s, u)),
    fc
      .tuple(
        caller,
        index,
        fc.option(descriptionArb, { nil: undefined }),
        fc.constantFrom('active' as const, 'inactive' as const, 'paused' as const, undefined),
      )
      .map(([c, i, d, s]) => new Patch(c, i, d, s)),
    fc.tuple(caller, index).map(([c, i]) => new Delete(c, i)),
    fc.tuple(caller, index).map(([c, i]) => new Get(c, i)),
    fc
      .tuple(caller, fc.constantFrom<ListFilter>('none', 'user', 'userID', 'org', 'orgID', 'unknownUser'), fc.nat(10))
      .map(([c, f, u]) => new List(c, f, u)),
  ];
  if (options.restart) arbs.push(fc.constant(new Restart(false)));
  if (options.kill) arbs.push(fc.constant(new Restart(true)));
  if (options.external) {
    arbs.push(
      fc
        .tuple(
          fc.constantFrom('user' as const, 'token' as const),
          fc.constantFrom(...PERMISSION_SETS),
          fc.string({ unit: 'grapheme', maxLength: 12 }),
          fc.nat(10),
        )
        .map(([k, set, d, u]) => new External(k, set, d, u)),
    );
  }
  return arbs;
}

/**
 * Reads the starting state through the target (as the operator) and creates the three other callers:
 * user1's all-access token, user2's read-only token, and user2's inactive all-access token.
 */
export async function initialModel(target: Target, operatorToken: string): Promise<Model> {
  const op = target.operatorAuth;
  const get = async (path: string) => {
    const answer = await call(target, op, 'GET', path);
    expect(answer.status, answer.text).toBe(200);
    return answer.json as Json;
  };
  const orgs = (await get('/api/v2/orgs')).orgs as { id: string; name: string }[];
  const { id: orgID, name: orgName } = orgs.find((o) => o.name === 'my-org')!;
  const users = ((await get('/api/v2/users')).users as { id: string; name: string }[]).map(({ id, name }) => ({
    id,
    name,
  }));
  const buckets = ((await get(`/api/v2/buckets?orgID=${orgID}`)).buckets as { id: string; name: string }[]).map(
    ({ id, name }) => ({ id, name }),
  );
  const tokens = (await get('/api/v2/authorizations')).authorizations as ModelToken[];
  const operatorID = tokens.find((t) => t.description === "admin's Token")!.id;
  expect(operatorToken).not.toBe('');
  const userID = (name: string) => users.find((u) => u.name === name)!.id;
  const m: Model = {
    orgID,
    orgName,
    users,
    buckets,
    tokens,
    deleted: [],
    operatorID,
    callers: {
      operator: {
        token: op === null ? null : operatorToken,
        id: operatorID,
        rights: { user: 'any', org: 'any', write: true, allUsers: true },
      },
      allAccess: { token: '', id: '', rights: { user: userID('user1'), org: orgID, write: true, allUsers: false } },
      readOnly: { token: '', id: '', rights: { user: 'any', org: orgID, write: false, allUsers: false } },
      inactive: { token: '', id: '', rights: { user: userID('user2'), org: orgID, write: true, allUsers: false } },
    },
  };
  const allAccess = (uid: string): Perm[] => [
    ...['authorizations', 'buckets', 'dashboards', 'orgs', 'users'].flatMap((type) =>
      (['read', 'write'] as const).map((action): Perm => ({ action, resource: { type, orgID } })),
    ),
    { action: 'read', resource: { type: 'orgs', id: orgID } },
    { action: 'read', resource: { type: 'users', id: uid } },
    { action: 'write', resource: { type: 'users', id: uid } },
  ];
  const make = async (kind: CallerKind, userName: string, permissions: Perm[], status: 'active' | 'inactive') => {
    const body = { orgID, userID: userID(userName), description: `model caller ${kind}`, status, permissions };
    const answer = await call(target, op, 'POST', '/api/v2/authorizations', body);
    expect(answer.status, answer.text).toBe(201);
    const json = answer.json as unknown as ModelToken;
    m.callers[kind].token = json.token;
    m.callers[kind].id = json.id;
    m.tokens.push({ ...json, token: '', permissions: permissions.map((p) => rendered(m, p)) });
    // The model's rendering of the permissions is the server's.
    expect(json.permissions).toEqual(permissions.map((p) => rendered(m, p)));
  };
  await make('allAccess', 'user1', allAccess(userID('user1')), 'active');
  await make(
    'readOnly',
    'user2',
    [
      { action: 'read', resource: { type: 'authorizations', orgID } },
      { action: 'read', resource: { type: 'users' } },
    ],
    'active',
  );
  await make('inactive', 'user2', allAccess(userID('user2')), 'inactive');
  return m;
}

/** Runs `runs` sequences against fresh targets; fast-check's error names the seed and path to replay. */
export async function runModel(options: {
  runs: number;
  steps: number;
  assertOptions: fc.Parameters<[Iterable<Cmd>]>;
  commands: CommandOptions;
  fresh: () => Promise<{ target: Target; operatorToken: string; close: () => Promise<void> }>;
}): Promise<{ sequences: number; steps: number }> {
  let sequences = 0;
  let steps = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.commands(commandArbs(options.commands), { maxCommands: options.steps, size: 'max' }),
      async (cmds) => {
        const { target, operatorToken, close } = await options.fresh();
        try {
          const model = await initialModel(target, operatorToken);
          sequences++;
          steps += [...cmds].length;
          await fc.asyncModelRun(() => ({ model, real: target }), cmds);
          // And at the end, the whole list once more.
          await wholeList(model, target);
        } finally {
          await close();
        }
      },
    ),
    { ...options.assertOptions, verbose: 1 },
  );
  return { sequences, steps };
}
