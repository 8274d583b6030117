// The only way in to the token list's sync from the rest of the app (README.md shows what crosses the worker boundary).
export { loadTokenList } from './load-token-list';
export { partialLists, usePartialList, type PartialList } from './partial-lists';
export { connectTokenListWorker, type TokenListWorkerClient, type WorkerLike } from './worker-client';
export { createTokenListWorker } from './worker-core';
export type { FromWorker, ToWorker } from './protocol';
