// The worker's code on the main thread, behind the same interface: for a browser (or a test DOM) with no Worker,
// or whose worker script could not load. Loaded on demand, so it costs the usual page nothing.
import type { FromWorker } from './protocol';
import { connectTokenListWorker, type WorkerLike } from './worker-client';
import { createTokenListWorker } from './worker-core';

export const mainThreadTokenList = connectTokenListWorker((): WorkerLike => {
  const listeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  const handle = createTokenListWorker((message) => {
    const event = new MessageEvent<FromWorker>('message', { data: message });
    for (const listener of listeners) listener(event);
  });
  return {
    postMessage: handle,
    addEventListener(type: string, listener: (event: never) => void) {
      if (type === 'message') listeners.push(listener as (event: MessageEvent<FromWorker>) => void);
    },
    terminate() {},
  };
});
