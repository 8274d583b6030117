// What the token list's worker does, apart from being a worker (so tests can drive it directly): fetch the
// list with the client's own request and error mapping, cut it into each token's text, diff those against
// the copy of what the server sent last for that stream, and post the answer in chunks. Failures go back as
// plain data. The page parses every text it gets, so between them the whole answer is checked as JSON.
import { InfluxApiError, parseInfluxAnswer, readInfluxAnswer, type InfluxAnswerText } from '../../../lib/influx-client';
import type { AuthorizationList } from '../../../lib/influx-types';
import { diffTokenList, type ServerCopy } from './token-list-diff';
import { answerMessages, type FromWorker, type ToWorker, type WorkerFailure } from './token-list-protocol';
import { scanTokenList, type ListText } from './token-list-scan';

/** Lists kept at once; a page shows one org, so more only happens across sign-ins. */
const MAX_STREAMS = 4;

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The answer's tokens as texts, with the client's errors for a body that is not JSON or holds no list. */
function listText(answer: InfluxAnswerText, where: string): ListText {
  const scanned = scanTokenList(answer.text);
  // The scan left the envelope (all but the tokens) to check; the page parses the tokens.
  const body = parseInfluxAnswer<AuthorizationList | null>(scanned ? { status: answer.status, text: scanned.envelope } : answer);
  const tokens = body?.authorizations;
  if (!Array.isArray(tokens)) {
    throw new InfluxApiError(answer.status, 'invalid', `The answer from ${where} holds no token list ("authorizations" is missing).`);
  }
  if (scanned) return scanned;
  // Shaped unlike InfluxDB's answers (e.g. a token without a plain string id): parsed here instead.
  return { ids: tokens.map((t) => String(t?.id)), texts: tokens.map((t) => JSON.stringify(t)) };
}

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
      const answer = await readInfluxAnswer(request, controller.signal, doFetch);
      if (controller.signal.aborted) return;
      const list = listText(answer, request.where);
      const copies = streams.get(stream) ?? [];
      const previous = base === 0 ? undefined : copies.find((c) => c.version === base);
      const diff = diffTokenList(list, nextVersion++, previous);
      for (const message of answerMessages(requestId, answer.status, diff.answer, tokensPerMessage)) post(message);
      streams.delete(stream);
      streams.set(stream, previous ? [diff.copy, previous] : [diff.copy]);
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
