// The list query's fetch through the worker, which answers what changed since its last answer. The array is rebuilt
// from this page's copy of that answer, never from the cache (which may hold unconfirmed optimistic edits), so a
// refetch shows the server's values and unchanged tokens keep their objects (the query has no structural sharing).
import type { Query, QueryCache, QueryFunctionContext } from '@tanstack/react-query';
import type { InfluxClient } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { applyTokenListAnswer, type ServerList } from './diff';
import { partialLists, type PartialLists } from './partial-lists';
import { TokenListWorkerUnavailable, tokenListWorker, type TokenListWorkerClient } from './worker-client';

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
    streams.delete(event.query);
    stream?.via.forget(stream.id);
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
    const tokens = latest.flat();
    const shown = partials.get(query.queryHash);
    if (shown && shown.tokens.length > tokens.length) {
      if (shown.failed) partials.set(query.queryHash, { ...shown, failed: null });
      return;
    }
    partials.set(query.queryHash, { tokens, failed: null });
  };
  const onArriving = (chunks: readonly Authorization[][]) => {
    latest = chunks;
    if (timer !== undefined) return;
    const wait = shownAt + PARTIAL_EVERY_MS - Date.now();
    if (wait <= 0) show();
    else timer = setTimeout(show, wait);
  };
  return { onArriving, stop: () => clearTimeout(timer) };
}

export async function loadTokenList(
  { client: queryClient, queryKey, signal }: Pick<QueryFunctionContext, 'client' | 'queryKey' | 'signal'>,
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
  if (stream?.client !== client) {
    stream?.via.forget(stream.id);
    stream = { id: `tokens-${++streamCount}`, client, via: worker };
    streams.set(query, stream);
  }
  const request = client.prepareGet('/api/v2/authorizations', { orgID });
  const arriving = showArriving(query, partials);
  const load = async () => {
    const base = stream.server?.version ?? 0;
    // Only a first load streams: a refetch (base > 0) answers changes, shown once they are all in.
    let answer = await stream.via.load(stream.id, base, request, signal, base === 0 ? arriving.onArriving : undefined);
    if (answer.kind === 'diff' && answer.base !== stream.server?.version) {
      // Cannot happen while page and worker keep step; if it does, start over rather than guess.
      stream.server = undefined;
      answer = await stream.via.load(stream.id, 0, request, signal, arriving.onArriving);
    }
    stream.server = applyTokenListAnswer(stream.server, answer);
    return stream.server.tokens;
  };
  try {
    try {
      return await load();
    } catch (error) {
      if (!(error instanceof TokenListWorkerUnavailable)) throw error;
      // From now on this stream runs the worker's code here; that copy holds none of the worker's answers.
      stream.via = (await import('./main-thread-worker')).mainThreadTokenList;
      stream.server = undefined;
      return await load();
    }
  } catch (error) {
    const shown = partials.get(query.queryHash);
    // A load that broke off keeps what arrived, marked incomplete (a cancelled one is simply under way again soon).
    if (shown && !signal.aborted)
      partials.set(query.queryHash, { ...shown, failed: error instanceof Error ? error : new Error(String(error)) });
    throw error;
  } finally {
    arriving.stop();
  }
}
