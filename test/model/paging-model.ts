// A plain model of how InfluxDB (main-2.x) lists users, orgs and buckets: what a page holds for any limit,
// offset, after and descending, over any set of them, for callers of any rights. Written from InfluxDB's source
// (paging.go, tenant/storage_*.go, tenant/middleware_*_auth.go, authorizer/authorize.go) as plain array
// operations, not as the stand-in's code is written, so each can catch the other.
export interface MOrg {
  id: string;
  name: string;
}
export interface MUser {
  id: string;
  name: string;
}
export interface MBucket {
  id: string;
  orgID: string;
  name: string;
  type: 'user' | 'system';
}

/** What a caller may read, as predicates over the model. */
export interface MCaller {
  token: string;
  userID: string;
  /** Unscoped read:orgs (and active): lists every org rather than its own. */
  readsAllOrgs: boolean;
  readsOrg: (id: string) => boolean;
  readsUser: (id: string) => boolean;
  readsBucket: (b: MBucket) => boolean;
}

export interface PagingModel {
  orgs: MOrg[];
  users: MUser[];
  buckets: MBucket[];
  members: { userID: string; orgID: string }[];
  callers: Record<string, MCaller>;
}

export type Query = Record<string, string | undefined>;
export type Expected =
  { status: 200; ids: string[]; links: Record<string, string> } | { status: number; code: string; message: string };

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const invalid = (message: string): never => {
  throw new Refusal(400, 'invalid', message);
};
const notFound = (message: string): never => {
  throw new Refusal(404, 'not found', message);
};

function idOf(text: string): string {
  if (text.length !== 16) invalid('id must have a length of 16 bytes');
  if (!/^[0-9a-f]{16}$/i.test(text) || /^0+$/.test(text)) invalid('invalid ID');
  return text.toLowerCase();
}

interface Options {
  limit: number;
  offset: number;
  after?: string;
  descending: boolean;
}

/** DecodeFindOptions: offset, after, limit, descending, each refused in its words. */
function options(q: Query): Options {
  const o: Options = { limit: 20, offset: 0, descending: false };
  if (q.offset) o.offset = /^[+-]?\d+$/.test(q.offset) ? Number(q.offset) : invalid('offset is invalid');
  if (q.after) {
    try {
      o.after = idOf(q.after);
    } catch (e) {
      invalid(`decoding after: ${(e as Error).message}`);
    }
  }
  if (q.limit) {
    o.limit = /^[+-]?\d+$/.test(q.limit) ? Number(q.limit) : invalid('limit is invalid');
    if (o.limit < 1 || o.limit > 100) invalid('limit must be between 1 and 100');
  }
  if (q.descending) {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(q.descending)) o.descending = true;
    else if (!['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(q.descending)) invalid('descending is invalid');
  }
  return o;
}

const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
const skip = <T>(items: T[], offset: number) => items.slice(Math.max(0, offset));

/** A bolt cursor over IDs: after seeks to after+1; descending runs down from there (or from the last). */
function overIds<T extends { id: string }>(items: readonly T[], o: Options, keep: (t: T) => boolean = () => true) {
  let run = byId(items);
  if (o.after !== undefined) {
    if (o.after === 'ffffffffffffffff') invalid('invalid ID');
    const after = o.after;
    if (!o.descending) run = run.filter((t) => t.id > after);
    else {
      const pivot = run.find((t) => t.id > after);
      if (pivot) run = run.filter((t) => t.id <= pivot.id);
    }
  }
  if (o.descending) run.reverse();
  return skip(run, o.offset).filter(keep).slice(0, o.limit);
}

/** The bucket index of one org: by name as UTF-8 bytes; offset first, then past `after` (nothing if absent). */
function overBucketNames(buckets: readonly MBucket[], o: Options): MBucket[] {
  const run = [...buckets].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  if (o.descending) run.reverse();
  let rest = skip(run, o.offset);
  if (o.after !== undefined) {
    const at = rest.findIndex((b) => b.id === o.after);
    rest = at < 0 ? [] : rest.slice(at + 1);
  }
  return rest.slice(0, o.limit);
}

function answer(find: () => Expected): Expected {
  try {
    return find();
  } catch (e) {
    if (e instanceof Refusal) return { status: e.status, code: e.code, message: e.message };
    throw e;
  }
}

const orgNamed = (m: PagingModel, name: string) => m.orgs.find((o) => o.name.trim() === name.trim());

export function expectedUsers(m: PagingModel, c: MCaller, q: Query): Expected {
  return answer(() => {
    const o = options(q);
    const id = q.id ? idOf(q.id) : undefined;
    let users: MUser[];
    if (id) users = [m.users.find((u) => u.id === id) ?? notFound('user not found')];
    else if (q.name) users = [m.users.find((u) => u.name === q.name) ?? notFound('user not found')];
    else users = overIds(m.users, o);
    return {
      status: 200,
      ids: users.filter((u) => c.readsUser(u.id)).map((u) => u.id),
      links: { self: '/api/v2/users' },
    };
  });
}

export function expectedOrgs(m: PagingModel, c: MCaller, q: Query): Expected {
  return answer(() => {
    const o = options(q);
    const valid = (text?: string) => (text && /^[0-9a-f]{16}$/i.test(text) && !/^0+$/.test(text) ? text : undefined);
    const id = valid(q.orgID)?.toLowerCase();
    let userID = valid(q.userID)?.toLowerCase();
    let orgs: MOrg[];
    if (id) orgs = [m.orgs.find((org) => org.id === id) ?? notFound('organization not found')];
    else if (q.org) orgs = [orgNamed(m, q.org) ?? notFound(`organization name "${q.org}" not found`)];
    else {
      if (!userID && !c.readsAllOrgs) userID = c.userID;
      const memberships = byId(m.members.filter((x) => x.userID === userID).map((x) => ({ ...x, id: x.orgID })));
      orgs = userID
        ? skip(memberships, o.offset)
            .slice(0, o.limit)
            .map((x) => m.orgs.find((org) => org.id === x.orgID)!)
        : skip(byId(m.orgs), o.offset).slice(0, o.limit);
    }
    return {
      status: 200,
      ids: orgs.filter((org) => c.readsOrg(org.id)).map((org) => org.id),
      links: { self: '/api/v2/orgs' },
    };
  });
}

export function expectedBuckets(m: PagingModel, c: MCaller, q: Query): Expected {
  return answer(() => {
    const o = options(q);
    const orgID = q.orgID ? idOf(q.orgID) : undefined;
    const id = q.id ? idOf(q.id) : undefined;
    let buckets: MBucket[];
    if (id) buckets = [m.buckets.find((b) => b.id === id) ?? notFound('bucket not found')];
    else {
      const inOrg =
        orgID ?? (q.org ? (orgNamed(m, q.org) ?? notFound(`organization name "${q.org}" not found`)).id : undefined);
      const ofOrg = m.buckets.filter((b) => b.orgID === inOrg);
      if (inOrg && q.name) buckets = [ofOrg.find((b) => b.name === q.name) ?? notFound(`bucket "${q.name}" not found`)];
      else if (inOrg) buckets = overBucketNames(ofOrg, o);
      else buckets = overIds(m.buckets, o, (b) => !q.name || b.name === q.name);
    }
    const ids = buckets.filter((b) => c.readsBucket(b)).map((b) => b.id);
    // NewPagingLinks: the filter as sent (name as `bucket`), then the options; next on a page still full.
    const filter = { id, bucket: q.name, orgID, org: q.org };
    const params = {
      ...filter,
      descending: String(o.descending),
      offset: String(o.offset),
      after: o.after,
      limit: String(o.limit),
    };
    const link = (offset: number) => {
      const entries = Object.entries({ ...params, offset: String(offset) }).filter(([, v]) => v) as [string, string][];
      return `/api/v2/buckets?${new URLSearchParams(entries.sort(([a], [b]) => (a < b ? -1 : 1))).toString()}`;
    };
    const links: Record<string, string> = {};
    if (o.offset > 0) links.prev = link(Math.max(0, o.offset - o.limit));
    links.self = link(o.offset);
    if (ids.length >= o.limit) links.next = link(o.offset + o.limit);
    return { status: 200, ids, links };
  });
}
