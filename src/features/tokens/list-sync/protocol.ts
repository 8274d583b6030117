// The messages between the page and the token list's worker. Tokens travel as chunks of the server's JSON text, one
// per message, so the page parses one chunk per task and never holds the main thread long. (Text, not objects: in
// Chromium, JSON.parse of a chunk costs about half of unpacking the same tokens from a structured clone.)
import { parseInfluxAnswer, type InfluxApiError, type PreparedInfluxRequest } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import type { AnswerHead, TokenListAnswer, WorkerAnswer } from './diff';

export type ToWorker =
  /** Fetch the list; `base` is the answer the page holds for this stream (0: none), so only changes since it come back. */
  | { type: 'load'; requestId: number; stream: string; base: number; request: PreparedInfluxRequest }
  | { type: 'cancel'; requestId: number }
  /** The page dropped this list (its query left the cache): the worker drops its copy too. */
  | { type: 'forget'; stream: string };

export type WorkerFailure = Pick<InfluxApiError, 'status' | 'code' | 'message'>;

export type FromWorker =
  /**
   * A chunk of the answer's tokens as a JSON array, and the answer's HTTP status (for the error if it is not JSON).
   * `arriving`: sent while a first load still downloads, so the page may show the chunks so far as partial.
   */
  | { type: 'tokens'; requestId: number; status: number; json: string; arriving: boolean }
  /** Forget this request's chunks so far: the answer was not shaped as expected, and its tokens come again. */
  | { type: 'reset'; requestId: number }
  /** The answer without its tokens: those came before it in 'tokens' messages. */
  | { type: 'done'; requestId: number; head: AnswerHead }
  | { type: 'failed'; requestId: number; error: WorkerFailure };

export const TOKENS_PER_MESSAGE = 2_000;

export function tokensMessage(requestId: number, status: number, texts: string[], arriving = false): FromWorker {
  return { type: 'tokens', requestId, status, json: `[${texts.join(',')}]`, arriving };
}

/** One answer's messages, each made as it is posted; its first `alreadySent` tokens went out while it arrived. */
export function* answerMessages(
  requestId: number,
  status: number,
  { texts, ...head }: WorkerAnswer,
  perMessage = TOKENS_PER_MESSAGE,
  alreadySent = 0,
): Generator<FromWorker> {
  for (let i = alreadySent; i < texts.length; i += perMessage)
    yield tokensMessage(requestId, status, texts.slice(i, i + perMessage));
  yield { type: 'done', requestId, head };
}

/** One 'tokens' message's tokens; text that is not JSON fails as the client's own parse would. */
export function chunkTokens(message: Extract<FromWorker, { type: 'tokens' }>): Authorization[] {
  return parseInfluxAnswer<Authorization[]>({ status: message.status, text: message.json });
}

/** The answer again from its head and the chunks that came before it, in order. */
export function joinAnswer(head: AnswerHead, chunks: Authorization[][]): TokenListAnswer {
  return { ...head, tokens: chunks.flat() };
}
