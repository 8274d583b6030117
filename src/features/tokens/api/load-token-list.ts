// The list query's fetch: through the worker, which answers only what changed since its last answer; the
// array is rebuilt from this page's copy of that last server answer (never from the cache, which may hold
// optimistic edits the server never confirmed), so a refetch shows the server's values and unchanged tokens
// keep their objects. Without a worker, the client fetches and parses on the main thread as before.
import type { Query, QueryCache, QueryClient, QueryKey } from '@tanstack/react-query';
import type { InfluxClient } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { applyTokenListAnswer, type ServerList } from './token-list-diff';
import { TokenListWorkerUnavailable, tokenListWorker, type TokenListWorkerClient } from './token-list-worker-client';

interface Stream {
  id: string;
  /** The session's client: a new one (another token) starts a new stream. */
  client: InfluxClient;
  /** The last server answer this page took from the worker. */
  server?: ServerList;
}

const streams = new WeakMap<Query, Stream>();
const watchedCaches = new WeakSet<QueryCache>();
let streamCount = 0;

/** Once a list's query leaves the cache, its copies (here and in the worker) go too. */
function forgetRemovedLists(cache: QueryCache, worker: TokenListWorkerClient) {
  if (watchedCaches.has(cache)) return;
  watchedCaches.add(cache);
  cache.subscribe((event) => {
    if (event.type !== 'removed') return;
    const stream = streams.get(event.query);
    if (!stream) return;
    streams.delete(event.query);
    worker.forget(stream.id);
  });
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
  forgetRemovedLists(cache, worker);
  let stream = streams.get(query);
  if (!stream || stream.client !== client) {
    if (stream) worker.forget(stream.id);
    streamCount += 1;
    stream = { id: `tokens-${streamCount}`, client };
    streams.set(query, stream);
  }
  const request = client.prepareGet('/api/v2/authorizations', { orgID });
  try {
    let answer = await worker.load(stream.id, stream.server?.version ?? 0, request, signal);
    if (answer.kind === 'diff' && answer.base !== stream.server?.version) {
      // Cannot happen while page and worker keep step; if it does, start over rather than guess.
      stream.server = undefined;
      answer = await worker.load(stream.id, 0, request, signal);
    }
    stream.server = applyTokenListAnswer(stream.server, answer);
    return stream.server.tokens;
  } catch (error) {
    if (error instanceof TokenListWorkerUnavailable) return client.listAuthorizations({ orgID }, signal);
    throw error;
  }
}
