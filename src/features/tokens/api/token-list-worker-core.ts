// What the token list's worker does, apart from being a worker (so tests can drive it directly): fetch the
// list with the client's own request and error mapping, parse it, diff it against the copy of what the
// server sent last for that stream, and post the answer in chunks. Failures go back as plain data.
import { InfluxApiError, sendInfluxRequest } from '../../../lib/influx-client';
import type { AuthorizationList } from '../../../lib/influx-types';
import { diffTokenList, serverCopy, type ServerCopy } from './token-list-diff';
import { answerMessages, type FromWorker, type ToWorker, type WorkerFailure } from './token-list-protocol';

/** Lists kept at once; a page shows one org, so more only happens across sign-ins. */
const MAX_STREAMS = 4;

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

function failure(error: unknown): WorkerFailure {
  if (error instanceof InfluxApiError) return { status: error.status, code: error.code, message: error.message };
  const reason = error instanceof Error ? error.message : String(error);
  return { status: 0, code: 'internal error', message: `Reading the token list failed in the page's background worker: ${reason}. Reload the page.` };
}

export function createTokenListWorker(post: (message: FromWorker) => void, doFetch?: Fetch, tokensPerMessage?: number) {
  // Per stream: the newest copy first, then the one it was diffed against (the page holds one of the two,
  // depending on whether it took the newest answer or dropped it as cancelled).
  const streams = new Map<string, ServerCopy[]>();
  const inFlight = new Map<number, AbortController>();
  let nextVersion = 1;

  async function load({ requestId, stream, base, request }: Extract<ToWorker, { type: 'load' }>) {
    const controller = new AbortController();
    inFlight.set(requestId, controller);
    try {
      const body = await sendInfluxRequest<AuthorizationList | null>(request, controller.signal, doFetch);
      const tokens = body?.authorizations;
      if (!Array.isArray(tokens)) {
        throw new InfluxApiError(200, 'invalid', `The answer from ${request.where} holds no token list ("authorizations" is missing).`);
      }
      if (controller.signal.aborted) return;
      const copies = streams.get(stream) ?? [];
      const previous = base === 0 ? undefined : copies.find((c) => c.version === base);
      const version = nextVersion++;
      let copy: ServerCopy;
      if (previous) {
        const diff = diffTokenList(tokens, version, previous);
        for (const message of answerMessages(requestId, diff.answer, tokensPerMessage)) post(message);
        copy = diff.copy;
      } else {
        // A whole list goes out first: the page is waiting for it, not for the copy kept here.
        for (const message of answerMessages(requestId, { kind: 'full', version, tokens }, tokensPerMessage)) post(message);
        copy = serverCopy(tokens, version);
      }
      streams.delete(stream);
      streams.set(stream, previous ? [copy, previous] : [copy]);
      for (const oldest of streams.keys()) {
        if (streams.size <= MAX_STREAMS) break;
        streams.delete(oldest);
      }
    } catch (error) {
      if (!controller.signal.aborted) post({ type: 'failed', requestId, error: failure(error) });
    } finally {
      inFlight.delete(requestId);
    }
  }

  return function handle(message: ToWorker): void {
    if (message.type === 'load') void load(message);
    else if (message.type === 'cancel') inFlight.get(message.requestId)?.abort();
    else streams.delete(message.stream);
  };
}
