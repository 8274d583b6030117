// The token list's worker, apart from being a worker (so tests can drive it directly): fetch with the client's own
// request and errors, scan, diff, post in chunks. The page parses every text it gets, so the whole answer is checked.
import {
  cutOffError,
  InfluxApiError,
  openInfluxAnswer,
  parseInfluxAnswer,
  type InfluxAnswerText,
} from '../../../../core/influx-client';
import type { AuthorizationList } from '../../../../core/influx-types';
import { diffTokenList, type ServerCopy } from './diff';
import {
  answerMessages,
  TOKENS_PER_MESSAGE,
  tokensMessage,
  type FromWorker,
  type ToWorker,
  type WorkerFailure,
} from './protocol';
import { TokenListScanner, type ListText } from './scan';

/** Tokens in the first message of a first load: about two screenfuls of rows. */
const FIRST_MESSAGE = 100;

/** Lists kept at once; a page shows one org, so more only happens across sign-ins. */
const MAX_STREAMS = 4;

/** The answer's list, with the client's errors for a body that is not JSON or holds no list. */
function listOf(answer: InfluxAnswerText, where: string): unknown[] {
  const tokens = parseInfluxAnswer<AuthorizationList | null>(answer)?.authorizations;
  if (Array.isArray(tokens)) return tokens;
  throw new InfluxApiError(
    answer.status,
    'invalid',
    `The answer from ${where} holds no token list ("authorizations" is missing).`,
  );
}

/** Reads the body piece by piece; a body that breaks off fails as the client's read would. */
async function readPieces(response: Response, where: string, signal: AbortSignal, onPiece: (piece: string) => void) {
  if (!response.body) {
    onPiece(await response.text());
    return;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    let read: ReadableStreamReadResult<string>;
    try {
      read = await reader.read();
    } catch (error) {
      if (signal.aborted) throw error;
      throw cutOffError(where);
    }
    if (read.done) return;
    onPiece(read.value);
  }
}

function failure(error: unknown): WorkerFailure {
  if (error instanceof InfluxApiError) return { status: error.status, code: error.code, message: error.message };
  const reason = error instanceof Error ? error.message : String(error);
  return {
    status: 0,
    code: 'internal error',
    message: `Reading the token list failed in the page's background worker: ${reason}. Reload the page.`,
  };
}

export function createTokenListWorker(
  post: (message: FromWorker) => void,
  doFetch?: Parameters<typeof openInfluxAnswer>[2],
  perMessage = TOKENS_PER_MESSAGE,
) {
  // Per stream: the newest copy first, then the one it was diffed against (the page holds one of the two,
  // depending on whether it took the newest answer or dropped it as cancelled).
  const streams = new Map<string, ServerCopy[]>();
  const inFlight = new Map<number, AbortController>();
  let nextVersion = 1;

  async function load({ requestId, stream, base, request }: Extract<ToWorker, { type: 'load' }>) {
    const controller = new AbortController();
    const { signal } = controller;
    inFlight.set(requestId, controller);
    try {
      const previous = base === 0 ? undefined : streams.get(stream)?.find((c) => c.version === base);
      const response = await openInfluxAnswer(request, signal, doFetch);
      const { status } = response;
      const scanner = new TokenListScanner();
      const pieces: string[] = [];
      let sent = 0;
      await readPieces(response, request.where, signal, (piece) => {
        pieces.push(piece);
        scanner.feed(piece);
        if (previous || !scanner.ok) return;
        // A first load: the page parses these while the rest downloads (they are dropped if the answer fails).
        let size = sent === 0 ? Math.min(perMessage, FIRST_MESSAGE) : perMessage;
        for (; scanner.texts.length - sent >= size; size = perMessage) {
          post(tokensMessage(requestId, status, scanner.texts.slice(sent, sent + size), true));
          sent += size;
        }
      });
      if (signal.aborted) return;
      const envelope = scanner.finish();
      let list: ListText = scanner;
      if (envelope !== null) listOf({ status, text: envelope }, request.where);
      else {
        // Shaped unlike InfluxDB's answers (e.g. a token without a plain string id): parsed here instead.
        if (sent > 0) post({ type: 'reset', requestId });
        sent = 0;
        const tokens = listOf({ status, text: pieces.join('') }, request.where) as Array<{ id?: unknown } | null>;
        list = { ids: tokens.map((t) => String(t?.id)), texts: tokens.map((t) => JSON.stringify(t)) };
      }
      const diff = diffTokenList(list, nextVersion++, previous);
      for (const message of answerMessages(requestId, status, diff.answer, perMessage, sent)) post(message);
      streams.delete(stream);
      streams.set(stream, previous ? [diff.copy, previous] : [diff.copy]);
      // One load adds at most one stream; the first key is the least recently loaded.
      if (streams.size > MAX_STREAMS) streams.delete(streams.keys().next().value!);
    } catch (error) {
      if (!signal.aborted) post({ type: 'failed', requestId, error: failure(error) });
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
