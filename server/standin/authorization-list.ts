// GET /api/v2/authorizations at scale: read only the key columns, keep what the caller may read,
// reuse each row's rendered bytes while it is unchanged, and read whole rows only for the rest.
import type { StandinContext } from './context';
import type { Caller } from './permissions';
import { callerMayRead, resolveListFilter, type ListFilter } from './authorization-service';
import { AUTH, KEY, type AuthKey, type AuthTuple } from './store';

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

/** The list the caller may see (the rest silently left out; an inactive token sees nothing), as body chunks. */
export function listAuthorizationsBody(ctx: StandinContext, caller: Caller, filter: ListFilter): ListBody {
  const resolved = resolveListFilter(ctx, filter);
  const { store, renderer } = ctx;
  let keys: AuthKey[];
  let fullRows: AuthTuple[] | undefined;
  if (resolved.row) {
    fullRows = [resolved.row];
  } else if (!renderer.hasCachedRows()) {
    // Nothing rendered yet (first list since start): one full read beats a key read plus a full read.
    fullRows = store.listAuthorizations(resolved);
  }
  if (fullRows) {
    keys = fullRows.map((row) => [row[AUTH.id], row[AUTH.orgID], row[AUTH.userID], row[AUTH.updatedAt]]);
  } else {
    keys = store.listAuthorizationKeys(resolved);
  }
  const seesAll = caller.permissions.allowsEvery('read', 'authorizations') && caller.permissions.allowsEvery('read', 'users');
  const visible = !caller.active
    ? []
    : seesAll
      ? keys
      : keys.filter((k) => callerMayRead(caller, k[KEY.id], k[KEY.orgID], k[KEY.userID]));

  const rendered: (Buffer | undefined)[] = visible.map((k) => renderer.cachedRow(k[KEY.id], k[KEY.updatedAt]));
  const misses = rendered.reduce<number[]>((acc, buf, i) => (buf ? acc : (acc.push(i), acc)), []);
  if (misses.length > 0) {
    const rowOf = missingRowLookup(ctx, fullRows, resolved, misses.length);
    for (const i of misses) {
      const row = rowOf(visible[i]![KEY.id]);
      // Gone between the two reads (deleted by another process): leave it out.
      if (row) rendered[i] = renderer.renderRow(row);
    }
  }

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

function missingRowLookup(
  ctx: StandinContext,
  fullRows: AuthTuple[] | undefined,
  filter: { userID?: string; orgID?: string },
  missCount: number,
): (id: string) => AuthTuple | undefined {
  if (!fullRows && missCount > FULL_SCAN_THRESHOLD) fullRows = ctx.store.listAuthorizations(filter);
  if (fullRows) {
    const rows = new Map(fullRows.map((r) => [r[AUTH.id], r]));
    return (id) => rows.get(id);
  }
  return (id) => ctx.store.authorizationById(id);
}
