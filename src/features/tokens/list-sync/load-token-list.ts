// The list query's fetch: through the worker, which answers only what changed since its last answer; the
// array is rebuilt from this page's copy of that last server answer (never from the cache, which may hold
// optimistic edits the server never confirmed), so a refetch shows the server's values and unchanged tokens
// keep their objects (the only place objects are reused: the query has no structural sharing of its own).
// A first load's tokens go to the partial lists while the rest downloads. Without a worker, the same worker
// code runs on the main thread.
import type { Query, QueryCache, QueryClient, QueryKey } from '@tanstack/react-query';
import type { InfluxClient } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { applyTokenListAnswer, type ServerList } from './diff';
import { partialLists, type PartialLists } from './partial-lists';
import {
  TokenListWorkerUnavailable,
  tokenListWorker,
  type OnArriving,
  type TokenListWorkerClient,
} from './worker-client';

/** At most this often a first load's partial list is shown again (each showing indexes and sorts what arrived). */
const PARTIAL_EVERY_MS = 300;

interface Stream {
  id: string;
  /** The session's client: a new one (another token) starts a new stream. */
  client: InfluxClient;
  /** The worker, or its code on the main thread once the worker turned out unavailable. */
  via: TokenListWorkerClient;
  /** The last server answer this page took from the worker. */
  server?: ServerList;
}

// Module-level, one per page: each list query's stream (its worker copy and the last answer taken).
const streams = new WeakMap<Query, Stream>();
const watchedCaches = new WeakSet<QueryCache>();
let streamCount = 0;

/** Once a list's query leaves the cache, its copies (here and in the worker) go too; once it holds data, its partial list. */
function watchListQueries(cache: QueryCache, partials: PartialLists) {
  if (watchedCaches.has(cache)) return;
  watchedCaches.add(cache);
  cache.subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success') partials.set(event.query.queryHash, undefined);
    if (event.type !== 'removed') return;
    partials.set(event.query.queryHash, undefined);
    const stream = streams.get(event.query);
    if (!stream) return;
    streams.delete(event.query);
    stream.via.forget(stream.id);
  });
}

/**
 * Shows a first load's tokens as they arrive: the first chunk at once, then at most every PARTIAL_EVERY_MS. Never
 * over a complete list (a refetch keeps the previous answer on screen until the new one is whole), and never
 * fewer tokens than an earlier, broken-off load already showed.
 */
function showArriving(query: Query, partials: PartialLists) {
  let latest: readonly Authorization[][] = [];
  let shownAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = () => {
    timer = undefined;
    shownAt = Date.now();
    if (query.state.data !== undefined) return;
    const tokens = latest.length === 1 ? latest[0]! : latest.flat();
    const shown = partials.get(query.queryHash);
    if (shown && shown.tokens.length > tokens.length) {
      if (shown.failed) partials.set(query.queryHash, { ...shown, failed: null });
      return;
    }
    partials.set(query.queryHash, { tokens, failed: null });
  };
  const onArriving: OnArriving = (chunks) => {
    latest = chunks;
    if (timer !== undefined) return;
    const wait = shownAt + PARTIAL_EVERY_MS - Date.now();
    if (wait <= 0) show();
    else timer = setTimeout(show, wait);
  };
  return { onArriving, stop: () => clearTimeout(timer) };
}

/** The parts of the query function's context used here. */
export interface ListQueryContext {
  client: QueryClient;
  queryKey: QueryKey;
  signal: AbortSignal;
}

export async function loadTokenList(
  { client: queryClient, queryKey, signal }: ListQueryContext,
  client: InfluxClient,
  orgID: string,
  worker: TokenListWorkerClient = tokenListWorker,
): Promise<Authorization[]> {
  const cache = queryClient.getQueryCache();
  const query = cache.find({ queryKey, exact: true });
  if (!query) return client.listAuthorizations({ orgID }, signal);
  const partials = partialLists(queryClient);
  watchListQueries(cache, partials);
  let stream = streams.get(query);
  if (!stream || stream.client !== client) {
    if (stream) stream.via.forget(stream.id);
    streamCount += 1;
    stream = { id: `tokens-${streamCount}`, client, via: worker };
    streams.set(query, stream);
  }
  const request = client.prepareGet('/api/v2/authorizations', { orgID });
  const arriving = showArriving(query, partials);
  const load = async (current: Stream) => {
    const base = current.server?.version ?? 0;
    // Only a first load streams: a refetch (base > 0) answers changes, shown once they are all in.
    let answer = await current.via.load(
      current.id,
      base,
      request,
      signal,
      base === 0 ? arriving.onArriving : undefined,
    );
    if (answer.kind === 'diff' && answer.base !== current.server?.version) {
      // Cannot happen while page and worker keep step; if it does, start over rather than guess.
      current.server = undefined;
      answer = await current.via.load(current.id, 0, request, signal, arriving.onArriving);
    }
    current.server = applyTokenListAnswer(current.server, answer);
    return current.server.tokens;
  };
  try {
    try {
      return await load(stream);
    } catch (error) {
      if (!(error instanceof TokenListWorkerUnavailable)) throw error;
      // From now on this stream runs the worker's code here; that copy holds none of the worker's answers.
      stream.via = (await import('./main-thread-worker')).mainThreadTokenList;
      stream.server = undefined;
      return await load(stream);
    }
  } catch (error) {
    arriving.stop();
    const shown = partials.get(query.queryHash);
    // A load that broke off keeps what arrived, marked incomplete (a cancelled one is simply under way again soon).
    if (shown && !signal.aborted)
      partials.set(query.queryHash, { ...shown, failed: error instanceof Error ? error : new Error(String(error)) });
    throw error;
  } finally {
    arriving.stop();
  }
}
