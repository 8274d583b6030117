// The token list's sync, from the server's answer to the list query's data: the only way in from the rest of
// the app (README.md in this folder shows what crosses the worker boundary).
export { loadTokenList, type ListQueryContext } from './load-token-list';
export { partialLists, usePartialList, type PartialList } from './partial-lists';
export {
  connectTokenListWorker,
  TokenListWorkerUnavailable,
  type TokenListWorkerClient,
  type WorkerLike,
} from './worker-client';
export { createTokenListWorker } from './worker-core';
export type { FromWorker, ToWorker } from './protocol';
