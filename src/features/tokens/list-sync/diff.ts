// The token list as a diff between two server answers: the worker answers only the token texts that changed since
// its copy, and the page rebuilds the array from its own copy, so unchanged tokens keep their objects (and rows, and
// index). Comparing texts catches any change at all, and needs no parsing in the worker.
import type { Authorization } from '../../../../core/influx-types';
import type { ListText } from './scan';

/**
 * An answer without its tokens: the whole list, or the changes since the answer numbered `base` (`ids`: every id
 * in the new order, or null when ids and order are exactly those of `base`).
 */
export type AnswerHead =
  { kind: 'full'; version: number } | { kind: 'diff'; version: number; base: number; ids: string[] | null };

/** What the worker sends: the tokens as JSON texts (the page parses them); a diff's are only the new and changed. */
export type WorkerAnswer = AnswerHead & { texts: string[] };

/** What the page gets from the worker: as WorkerAnswer, with the tokens parsed. */
export type TokenListAnswer = AnswerHead & { tokens: Authorization[] };

/** The worker's copy of one server answer: ids in order and each token's JSON text. */
export interface ServerCopy {
  version: number;
  ids: string[];
  texts: Map<string, string>;
}

/** The main thread's copy of one server answer, as the objects it handed to the query (never the cache's). */
export interface ServerList {
  version: number;
  tokens: Authorization[];
}

/** Worker side: compares the new server answer with the copy of an earlier one (none: the whole list). */
export function diffTokenList(
  { ids, texts }: ListText,
  version: number,
  previous: ServerCopy | undefined,
): { answer: WorkerAnswer; copy: ServerCopy } {
  const copy = { version, ids, texts: new Map(ids.map((id, i) => [id, texts[i]!])) };
  if (!previous) return { answer: { kind: 'full', version, texts }, copy };
  const changed = texts.filter((text, i) => previous.texts.get(ids[i]!) !== text);
  const sameOrder = ids.length === previous.ids.length && ids.every((id, i) => previous.ids[i] === id);
  return {
    answer: { kind: 'diff', version, base: previous.version, ids: sameOrder ? null : ids, texts: changed },
    copy,
  };
}

/** Main side: the new answer from the previous one and the diff; unchanged tokens (or the whole array) are reused. */
export function applyTokenListAnswer(previous: ServerList | undefined, answer: TokenListAnswer): ServerList {
  const { version } = answer;
  if (answer.kind === 'full') return { version, tokens: answer.tokens };
  if (!previous || previous.version !== answer.base) {
    throw new Error(
      `The token list's worker answered changes since answer ${answer.base}, but this page holds ${previous?.version ?? 'none'}`,
    );
  }
  const changed = new Map(answer.tokens.map((t) => [t.id, t]));
  if (answer.ids === null && changed.size === 0) return { version, tokens: previous.tokens };
  if (answer.ids === null) return { version, tokens: previous.tokens.map((t) => changed.get(t.id) ?? t) };
  const before = new Map(previous.tokens.map((t) => [t.id, t]));
  const tokens = answer.ids.map((id) => {
    const token = changed.get(id) ?? before.get(id);
    if (!token)
      throw new Error(
        `The token list's worker named token ${id} as unchanged, but answer ${answer.base} did not hold it`,
      );
    return token;
  });
  return { version, tokens };
}
