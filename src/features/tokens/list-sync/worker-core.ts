// What the token list's worker does, apart from being a worker (so tests can drive it directly): fetch the
// list with the client's own request and error mapping, cut it into each token's text as it streams in, diff
// those against the copy of what the server sent last for that stream, and post the answer in chunks (a first
// load's chunks go out while the rest is still downloading). Failures go back as plain data. The page parses
// every text it gets, so between them the whole answer is checked as JSON.
import {
  cutOffError,
  InfluxApiError,
  openInfluxAnswer,
  parseInfluxAnswer,
  type InfluxAnswerText,
  type PreparedInfluxRequest,
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

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The answer's list, with the client's errors for a body that is not JSON or holds no list. */
function listOf(answer: InfluxAnswerText, where: string): unknown[] {
  const tokens = parseInfluxAnswer<AuthorizationList | null>(answer)?.authorizations;
  if (!Array.isArray(tokens)) {
    throw new InfluxApiError(
      answer.status,
      'invalid',
      `The answer from ${where} holds no token list ("authorizations" is missing).`,
    );
  }
  return tokens;
}

/** Reads the body piece by piece; a body that breaks off fails as the client's read would. */
async function readPieces(
  response: Response,
  request: PreparedInfluxRequest,
  signal: AbortSignal,
  onPiece: (piece: string) => void,
) {
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
      throw cutOffError(request.where);
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
  doFetch?: Fetch,
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
      const copies = streams.get(stream) ?? [];
      const previous = base === 0 ? undefined : copies.find((c) => c.version === base);
      const response = await openInfluxAnswer(request, signal, doFetch);
      const { status } = response;
      const scanner = new TokenListScanner();
      const pieces: string[] = [];
      let sent = 0;
      await readPieces(response, request, signal, (piece) => {
        pieces.push(piece);
        scanner.feed(piece);
        // A first load: the page parses these while the rest downloads (they are dropped if the answer fails).
        // The first is small, so the first rows show as soon as a screenful has arrived.
        for (let size = sent === 0 ? Math.min(perMessage, FIRST_MESSAGE) : perMessage; ; size = perMessage) {
          if (previous || !scanner.ok || scanner.texts.length - sent < size) break;
          post(tokensMessage(requestId, status, scanner.texts.slice(sent, sent + size), true));
          sent += size;
        }
      });
      if (signal.aborted) return;
      const envelope = scanner.finish();
      let list: ListText;
      if (envelope !== null) {
        listOf({ status, text: envelope }, request.where);
        list = scanner;
      } else {
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
