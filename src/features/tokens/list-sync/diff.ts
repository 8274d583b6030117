// The token list as a diff between two server answers. The worker keeps a copy of what the server sent
// last (each token's JSON text, by id, in order) and answers with only the texts that changed; the main thread
// rebuilds the array from its own copy of that same answer, so unchanged tokens keep their objects (and rows,
// and index). Comparing texts catches any change at all, and needs no parsing in the worker.
import type { Authorization } from '../../../../core/influx-types';
import type { ListText } from './scan';

/** What the page gets from the worker: the whole list, or the changes since the answer numbered `base`. */
export type TokenListAnswer =
  | { kind: 'full'; version: number; tokens: Authorization[] }
  | {
      kind: 'diff';
      version: number;
      base: number;
      /** Every id in the new order, or null when ids and order are exactly those of `base`. */
      ids: string[] | null;
      /** New tokens and tokens whose version changed since `base`. */
      changed: Authorization[];
    };

/** The worker's copy of one server answer: ids in order and each token's JSON text. */
export interface ServerCopy {
  version: number;
  ids: string[];
  texts: Map<string, string>;
}

/** What the worker sends: as TokenListAnswer, with tokens still as JSON texts (the page parses them). */
export type WorkerAnswer =
  | { kind: 'full'; version: number; texts: string[] }
  | { kind: 'diff'; version: number; base: number; ids: string[] | null; texts: string[] };

/** The main thread's copy of one server answer, as the objects it handed to the query (never the cache's). */
export interface ServerList {
  version: number;
  tokens: Authorization[];
}

/** Worker side: the copy of a server answer, to compare the next one with. */
function serverCopy(list: ListText, version: number): ServerCopy {
  return { version, ids: list.ids, texts: new Map(list.ids.map((id, i) => [id, list.texts[i]!])) };
}

/** Worker side: compares the new server answer with the copy of an earlier one (none: the whole list). */
export function diffTokenList(
  list: ListText,
  version: number,
  previous: ServerCopy | undefined,
): { answer: WorkerAnswer; copy: ServerCopy } {
  const copy = serverCopy(list, version);
  if (!previous) return { answer: { kind: 'full', version, texts: list.texts }, copy };
  const { ids, texts } = list;
  const changed = texts.filter((text, i) => previous.texts.get(ids[i]!) !== text);
  const sameOrder = ids.length === previous.ids.length && ids.every((id, i) => previous.ids[i] === id);
  return {
    answer: { kind: 'diff', version, base: previous.version, ids: sameOrder ? null : ids, texts: changed },
    copy,
  };
}

/**
 * Main side: the new server answer from the previous one and the worker's diff. Unchanged tokens are the
 * previous answer's objects; with no change at all the previous array itself comes back.
 */
export function applyTokenListAnswer(previous: ServerList | undefined, answer: TokenListAnswer): ServerList {
  if (answer.kind === 'full') return { version: answer.version, tokens: answer.tokens };
  if (!previous || previous.version !== answer.base) {
    throw new Error(
      `The token list's worker answered changes since answer ${answer.base}, but this page holds ${previous?.version ?? 'none'}`,
    );
  }
  const changed = new Map(answer.changed.map((t) => [t.id, t]));
  if (answer.ids === null) {
    if (changed.size === 0) return { version: answer.version, tokens: previous.tokens };
    return { version: answer.version, tokens: previous.tokens.map((t) => changed.get(t.id) ?? t) };
  }
  const before = new Map(previous.tokens.map((t) => [t.id, t]));
  const tokens = answer.ids.map((id) => {
    const token = changed.get(id) ?? before.get(id);
    if (!token)
      throw new Error(
        `The token list's worker named token ${id} as unchanged, but answer ${answer.base} did not hold it`,
      );
    return token;
  });
  return { version: answer.version, tokens };
}
