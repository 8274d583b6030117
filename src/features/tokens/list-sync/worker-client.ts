// The page's side of the token list's worker, started on first use. A worker that cannot start (no Worker,
// blocked script) makes every caller fall back to its code run on the main thread (main-thread-worker.ts).
import { InfluxApiError, type PreparedInfluxRequest } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import type { TokenListAnswer } from './diff';
import { chunkTokens, joinAnswer, type FromWorker, type ToWorker } from './protocol';

/** The part of a Worker this client uses (a test can stand in for it). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** No worker could run (none in this browser, or its script failed to load): do the work on the main thread. */
export class TokenListWorkerUnavailable extends Error {
  constructor() {
    super('The token list worker is not available in this browser');
    this.name = 'TokenListWorkerUnavailable';
  }
}

/** The tokens of a first load that have arrived so far, in order, as chunks (the page shows them as partial). */
export type OnArriving = (chunks: readonly Authorization[][]) => void;

export interface TokenListWorkerClient {
  /** The list for `stream`, given the answer `base` the page holds (0: none); `onArriving` sees a first load arrive. */
  load(
    stream: string,
    base: number,
    request: PreparedInfluxRequest,
    signal: AbortSignal,
    onArriving?: OnArriving,
  ): Promise<TokenListAnswer>;
  forget(stream: string): void;
}

interface Pending {
  chunks: Authorization[][];
  onArriving?: OnArriving;
  /** Both also drop the request from the pending ones. */
  resolve: (answer: TokenListAnswer) => void;
  reject: (error: unknown) => void;
}

export function connectTokenListWorker(spawn: () => WorkerLike): TokenListWorkerClient {
  let worker: WorkerLike | null | undefined;
  const pending = new Map<number, Pending>();
  let nextRequestId = 1;

  const giveUp = () => {
    worker?.terminate();
    worker = null;
    for (const request of pending.values()) request.reject(new TokenListWorkerUnavailable());
  };

  const receive = (message: FromWorker) => {
    const request = pending.get(message.requestId);
    if (!request) return; // cancelled: whatever it still sends is dropped
    if (message.type === 'tokens') {
      try {
        request.chunks.push(chunkTokens(message));
      } catch (error) {
        request.reject(error);
        return;
      }
      if (message.arriving) request.onArriving?.(request.chunks);
    } else if (message.type === 'reset') request.chunks = [];
    else if (message.type === 'done') request.resolve(joinAnswer(message.head, request.chunks));
    else request.reject(new InfluxApiError(message.error.status, message.error.code, message.error.message));
  };

  const start = (): WorkerLike | null => {
    if (worker !== undefined) return worker;
    try {
      worker = spawn();
    } catch {
      worker = null;
      return null;
    }
    worker.addEventListener('message', (event) => receive(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      giveUp();
    });
    worker.addEventListener('messageerror', giveUp);
    return worker;
  };

  return {
    load(stream, base, request, signal, onArriving) {
      const running = start();
      if (!running) return Promise.reject(new TokenListWorkerUnavailable());
      if (signal.aborted) return Promise.reject(signal.reason);
      return new Promise<TokenListAnswer>((resolve, reject) => {
        const requestId = nextRequestId++;
        const settle = () => (pending.delete(requestId), signal.removeEventListener('abort', onAbort));
        const onAbort = () => {
          settle();
          running.postMessage({ type: 'cancel', requestId });
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        pending.set(requestId, {
          chunks: [],
          onArriving,
          resolve: (answer) => (settle(), resolve(answer)),
          reject: (error) => (settle(), reject(error)),
        });
        running.postMessage({ type: 'load', requestId, stream, base, request });
      });
    },
    forget(stream) {
      worker?.postMessage({ type: 'forget', stream });
    },
  };
}

/** The page's one worker; Vite bundles it as its own same-origin module script (allowed by script-src 'self'). */
export const tokenListWorker = connectTokenListWorker(() => {
  if (typeof Worker === 'undefined') throw new TokenListWorkerUnavailable();
  return new Worker(new URL('./token-list.worker.ts', import.meta.url), {
    type: 'module',
    name: 'token-list',
  }) as WorkerLike;
});
