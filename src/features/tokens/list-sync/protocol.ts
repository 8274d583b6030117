// The messages between the page and the token list's worker. Tokens travel as chunks of JSON text (the
// server's own), each its own message: the page parses one chunk per task, so even a first load of 100,000
// tokens never holds the main thread long. (Text, not objects: in Chromium, JSON.parse of a chunk costs the
// page about half of what unpacking the same tokens from a structured clone does.)
import { parseInfluxAnswer, type PreparedInfluxRequest } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import type { TokenListAnswer, WorkerAnswer } from './diff';

export type ToWorker =
  /** Fetch the list; `base` is the answer the page holds for this stream (0: none), so only changes since it come back. */
  | { type: 'load'; requestId: number; stream: string; base: number; request: PreparedInfluxRequest }
  | { type: 'cancel'; requestId: number }
  /** The page dropped this list (its query left the cache): the worker drops its copy too. */
  | { type: 'forget'; stream: string };

/** The answer without its tokens: those came before it in 'tokens' messages. */
export type AnswerHead =
  { kind: 'full'; version: number } | { kind: 'diff'; version: number; base: number; ids: string[] | null };

export interface WorkerFailure {
  status: number;
  code: string;
  message: string;
}

export type FromWorker =
  /**
   * A chunk of the answer's tokens as a JSON array, and the answer's HTTP status (for the error if it is not JSON).
   * `arriving`: sent while the answer is still downloading, so the chunks so far are the start of a whole list
   * (a first load) that the page may show as partial; false for the chunks sent once the answer is complete.
   */
  | { type: 'tokens'; requestId: number; status: number; json: string; arriving: boolean }
  /** Forget this request's chunks so far: the answer was not shaped as expected, and its tokens come again. */
  | { type: 'reset'; requestId: number }
  | { type: 'done'; requestId: number; head: AnswerHead }
  | { type: 'failed'; requestId: number; error: WorkerFailure };

export const TOKENS_PER_MESSAGE = 2_000;

/** One message with these tokens' texts. */
export function tokensMessage(
  requestId: number,
  status: number,
  texts: readonly string[],
  arriving = false,
): FromWorker {
  return { type: 'tokens', requestId, status, json: `[${texts.join(',')}]`, arriving };
}

/**
 * The messages that carry one answer, made one at a time so the first can be posted before the last is made;
 * `alreadySent` tokens of a whole list went out while it was still arriving.
 */
export function* answerMessages(
  requestId: number,
  status: number,
  answer: WorkerAnswer,
  perMessage = TOKENS_PER_MESSAGE,
  alreadySent = 0,
): Generator<FromWorker> {
  const texts = answer.kind === 'full' ? answer.texts.slice(alreadySent) : answer.texts;
  for (let i = 0; i < texts.length; i += perMessage)
    yield tokensMessage(requestId, status, texts.slice(i, i + perMessage));
  const head: AnswerHead =
    answer.kind === 'full'
      ? { kind: 'full', version: answer.version }
      : { kind: 'diff', version: answer.version, base: answer.base, ids: answer.ids };
  yield { type: 'done', requestId, head };
}

/** One 'tokens' message's tokens; text that is not JSON fails as the client's own parse would. */
export function chunkTokens(message: Extract<FromWorker, { type: 'tokens' }>): Authorization[] {
  return parseInfluxAnswer<Authorization[]>({ status: message.status, text: message.json });
}

/** The answer again from its head and the chunks that came before it, in order. */
export function joinAnswer(head: AnswerHead, chunks: Authorization[][]): TokenListAnswer {
  const tokens = chunks.length === 1 ? chunks[0]! : chunks.flat();
  return head.kind === 'full' ? { ...head, tokens } : { ...head, changed: tokens };
}
