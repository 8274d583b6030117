// GET /api/v2/authorizations at scale: read only the columns that decide visibility and cache validity,
// reuse each row's rendered bytes while its rev is unchanged, and read whole rows only for the rest.
import { callerMayRead, resolveListFilter, type ListFilter } from './authorization-service';
import type { StandinContext } from './context';
import type { Caller } from './permissions';
import { AUTH, KEY, type AuthTuple, type ListFilter as StoreFilter } from './store';

const LIST_HEAD = Buffer.from('{"links":{"self":"/api/v2/authorizations"},"authorizations":[');
const LIST_TAIL = Buffer.from(']}');
const COMMA = Buffer.from(',');
const ROWS_PER_CHUNK = 1000;
/** Past this many uncached rows one full scan beats point lookups. */
const FULL_SCAN_THRESHOLD = 200;

export interface ListBody {
  chunks: Buffer[];
  length: number;
  count: number;
}

/** A visible row: its position and revision, and the whole row when it was read already. */
type Entry = { seq: number; rev: number; row?: AuthTuple };

/** The list the caller may see (the rest silently left out; an inactive token sees nothing), as body chunks. */
export function listAuthorizationsBody(ctx: StandinContext, caller: Caller, filter: ListFilter): ListBody {
  const resolved = resolveListFilter(ctx, filter);
  const { entries, filter: narrowed } = caller.active
    ? visibleEntries(ctx, caller, resolved)
    : { entries: [], filter: {} };
  const { renderer } = ctx;

  const rendered = entries.map((e) => (e.row ? renderer.renderRow(e.row) : renderer.cachedRow(e.seq, e.rev)));
  const misses = entries.filter((_e, i) => rendered[i] === undefined);
  if (misses.length > 0) {
    const rowOf = rowLookup(ctx, narrowed, misses.length);
    entries.forEach((entry, i) => {
      if (rendered[i] !== undefined) return;
      const row = rowOf(entry.seq);
      // Gone between the two reads (deleted by another process): leave it out.
      if (row) rendered[i] = renderer.renderRow(row);
    });
  }
  return assemble(rendered);
}

function visibleEntries(
  ctx: StandinContext,
  caller: Caller,
  resolved: ReturnType<typeof resolveListFilter>,
): { entries: Entry[]; filter: StoreFilter } {
  const { store, renderer } = ctx;
  const perms = caller.permissions;
  const filter: StoreFilter = {};
  if (resolved.userID !== undefined) filter.userID = resolved.userID;
  if (resolved.orgID !== undefined) filter.orgID = resolved.orgID;
  const entries = (list: Entry[]) => ({ entries: list, filter });
  const mayRead = (id: string, orgID: string, userID: string) => callerMayRead(caller, id, orgID, userID);
  if (resolved.row) {
    const row = resolved.row;
    return entries(
      mayRead(row[AUTH.id], row[AUTH.orgID], row[AUTH.userID]) ? [{ seq: row[AUTH.seq], rev: row[AUTH.rev], row }] : [],
    );
  }
  if (!perms.allowsEvery('read', 'users')) {
    // Only tokens of users the caller may read can be listed: let SQL narrow to them when there is one.
    const readable = perms.idsFor('read', 'users');
    if (filter.userID !== undefined ? !readable.has(filter.userID) : readable.size === 0) return entries([]);
    if (filter.userID === undefined && readable.size === 1) filter.userID = [...readable][0]!;
  }
  const seesAll = perms.allowsEvery('read', 'authorizations') && perms.allowsEvery('read', 'users');

  renderer.checkGeneration();
  if (!renderer.hasCachedRows()) {
    // Nothing rendered yet (first list since start): one full read beats a key read plus a full read.
    const rows = store.listAuthorizations(filter);
    const visible = seesAll ? rows : rows.filter((r) => mayRead(r[AUTH.id], r[AUTH.orgID], r[AUTH.userID]));
    return entries(visible.map((row) => ({ seq: row[AUTH.seq], rev: row[AUTH.rev], row })));
  }
  if (seesAll) return entries(store.listAuthorizationVersions(filter).map(([seq, rev]) => ({ seq, rev })));
  return entries(
    store
      .listAuthorizationKeys(filter)
      .filter((k) => mayRead(k[KEY.id], k[KEY.orgID], k[KEY.userID]))
      .map((k) => ({ seq: k[KEY.seq], rev: k[KEY.rev] })),
  );
}

function rowLookup(
  ctx: StandinContext,
  filter: StoreFilter,
  missCount: number,
): (seq: number) => AuthTuple | undefined {
  if (missCount > FULL_SCAN_THRESHOLD) {
    const rows = new Map(ctx.store.listAuthorizations(filter).map((r) => [r[AUTH.seq], r]));
    return (seq) => rows.get(seq);
  }
  return (seq) => ctx.store.authorizationBySeq(seq);
}

function assemble(rendered: (Buffer | undefined)[]): ListBody {
  const chunks: Buffer[] = [LIST_HEAD];
  let count = 0;
  let batch: Buffer[] = [];
  for (const buf of rendered) {
    if (!buf) continue;
    if (count > 0) batch.push(COMMA);
    batch.push(buf);
    count++;
    if (batch.length >= ROWS_PER_CHUNK * 2) {
      chunks.push(Buffer.concat(batch));
      batch = [];
    }
  }
  if (batch.length > 0) chunks.push(Buffer.concat(batch));
  chunks.push(LIST_TAIL);
  return { chunks, length: chunks.reduce((sum, c) => sum + c.length, 0), count };
}
