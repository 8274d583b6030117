// The token list's Web Worker: the download (76 MB for 100,000 tokens), cutting it into tokens and comparing
// them with the last answer happen here, so the page's main thread only parses the tokens that changed.
import { createTokenListWorker } from './worker-core';
import type { FromWorker, ToWorker } from './protocol';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createTokenListWorker((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
