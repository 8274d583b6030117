// The messages between the page and the token list's worker. Tokens travel in chunks, each its own message:
// the page unpacks one chunk per task, so even a first load of 100,000 tokens never holds the main thread long.
import type { PreparedInfluxRequest } from '../../../lib/influx-client';
import type { Authorization } from '../../../lib/influx-types';
import type { TokenListAnswer } from './token-list-diff';

export type ToWorker =
  /** Fetch the list; `base` is the answer the page holds for this stream (0: none), so only changes since it come back. */
  | { type: 'load'; requestId: number; stream: string; base: number; request: PreparedInfluxRequest }
  | { type: 'cancel'; requestId: number }
  /** The page dropped this list (its query left the cache): the worker drops its copy too. */
  | { type: 'forget'; stream: string };

/** The answer without its tokens: those came before it in 'tokens' messages. */
export type AnswerHead = { kind: 'full'; version: number } | { kind: 'diff'; version: number; base: number; ids: string[] | null };

export interface WorkerFailure {
  status: number;
  code: string;
  message: string;
}

export type FromWorker =
  | { type: 'tokens'; requestId: number; tokens: Authorization[] }
  | { type: 'done'; requestId: number; head: AnswerHead }
  | { type: 'failed'; requestId: number; error: WorkerFailure };

export const TOKENS_PER_MESSAGE = 2_000;

/** The messages that carry one answer: its tokens (the whole list, or the changed ones) in chunks, then its head. */
export function answerMessages(requestId: number, answer: TokenListAnswer, perMessage = TOKENS_PER_MESSAGE): FromWorker[] {
  const tokens = answer.kind === 'full' ? answer.tokens : answer.changed;
  const messages: FromWorker[] = [];
  for (let i = 0; i < tokens.length; i += perMessage) messages.push({ type: 'tokens', requestId, tokens: tokens.slice(i, i + perMessage) });
  const head: AnswerHead =
    answer.kind === 'full'
      ? { kind: 'full', version: answer.version }
      : { kind: 'diff', version: answer.version, base: answer.base, ids: answer.ids };
  messages.push({ type: 'done', requestId, head });
  return messages;
}

/** The answer again from its head and the chunks that came before it, in order. */
export function joinAnswer(head: AnswerHead, chunks: Authorization[][]): TokenListAnswer {
  const tokens = chunks.length === 1 ? chunks[0]! : chunks.flat();
  return head.kind === 'full' ? { ...head, tokens } : { ...head, changed: tokens };
}
