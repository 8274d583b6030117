// For tests: the token list's worker code run in-process behind a Worker-shaped object. Messages are
// structured-cloned and delivered in later tasks, as between a real worker and the page; the test can hold
// the worker's answers (to abort before they land) or make the worker fail as a blocked script would.
import { createTokenListWorker, type FromWorker, type ToWorker, type WorkerLike } from '../features/tokens/list-sync';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export function inProcessTokenListWorker(options: { fetch?: Fetch; tokensPerMessage?: number } = {}) {
  const listeners = new Map<string, ((event: Event) => void)[]>();
  const emit = (type: string, event: Event) => listeners.get(type)?.forEach((listener) => listener(event));
  const received: ToWorker[] = [];
  const sent: FromWorker[] = [];
  let held: (() => void)[] | null = null;
  let terminated = false;

  const handle = createTokenListWorker(
    (message) => {
      if (terminated) return;
      sent.push(message);
      const deliver = () => emit('message', new MessageEvent('message', { data: structuredClone(message) }));
      if (held) held.push(deliver);
      else setTimeout(deliver, 0);
    },
    options.fetch,
    options.tokensPerMessage,
  );

  const worker: WorkerLike = {
    postMessage(message: ToWorker) {
      received.push(message);
      const copy = structuredClone(message);
      setTimeout(() => handle(copy), 0);
    },
    addEventListener(type: string, listener: (event: never) => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener as (event: Event) => void]);
    },
    terminate() {
      terminated = true;
    },
  };

  return {
    worker,
    /** Every message the page posted to the worker. */
    received,
    /** Every message the worker posted (delivered or not). */
    sent,
    /** Keeps the worker's answers back until release(). */
    hold() {
      held = [];
    },
    release() {
      const pending = held ?? [];
      held = null;
      for (const deliver of pending) setTimeout(deliver, 0);
    },
    /** Fires 'error' as a worker whose script could not load does. */
    fail() {
      emit('error', new Event('error', { cancelable: true }));
    },
  };
}
