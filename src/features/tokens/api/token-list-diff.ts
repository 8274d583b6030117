// The token list as a diff between two server answers. The worker keeps a light copy of what the server
// sent last (id → version key, in order) and answers with only what changed; the main thread rebuilds the
// array from its own copy of that same answer, so unchanged tokens keep their objects (and rows, and index).
import type { Authorization } from '../../../lib/influx-types';
import { tokenVersionKey } from './token-version';

/** What the worker answers: the whole list, or the changes since the answer numbered `base`. */
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

/** The worker's copy of one server answer: ids in order and each token's version key. */
export interface ServerCopy {
  version: number;
  ids: string[];
  keys: Map<string, string>;
}

/** The main thread's copy of one server answer, as the objects it handed to the query (never the cache's). */
export interface ServerList {
  version: number;
  tokens: Authorization[];
}

/** Worker side: the light copy of a server answer, to compare the next one with. */
export function serverCopy(tokens: Authorization[], version: number): ServerCopy {
  return { version, ids: tokens.map((t) => t.id), keys: new Map(tokens.map((t) => [t.id, tokenVersionKey(t)])) };
}

/** Worker side: compares the new server answer with the copy of an earlier one (none: the whole list). */
export function diffTokenList(
  tokens: Authorization[],
  version: number,
  previous: ServerCopy | undefined,
): { answer: TokenListAnswer; copy: ServerCopy } {
  const copy = serverCopy(tokens, version);
  if (!previous) return { answer: { kind: 'full', version, tokens }, copy };
  const { ids, keys } = copy;
  const changed = tokens.filter((t) => previous.keys.get(t.id) !== keys.get(t.id));
  const sameOrder = ids.length === previous.ids.length && ids.every((id, i) => previous.ids[i] === id);
  return { answer: { kind: 'diff', version, base: previous.version, ids: sameOrder ? null : ids, changed }, copy };
}

/**
 * Main side: the new server answer from the previous one and the worker's diff. Unchanged tokens are the
 * previous answer's objects; with no change at all the previous array itself comes back.
 */
export function applyTokenListAnswer(previous: ServerList | undefined, answer: TokenListAnswer): ServerList {
  if (answer.kind === 'full') return { version: answer.version, tokens: answer.tokens };
  if (!previous || previous.version !== answer.base) {
    throw new Error(`The token list's worker answered changes since answer ${answer.base}, but this page holds ${previous?.version ?? 'none'}`);
  }
  const changed = new Map(answer.changed.map((t) => [t.id, t]));
  if (answer.ids === null) {
    if (changed.size === 0) return { version: answer.version, tokens: previous.tokens };
    return { version: answer.version, tokens: previous.tokens.map((t) => changed.get(t.id) ?? t) };
  }
  const before = new Map(previous.tokens.map((t) => [t.id, t]));
  const tokens = answer.ids.map((id) => {
    const token = changed.get(id) ?? before.get(id);
    if (!token) throw new Error(`The token list's worker named token ${id} as unchanged, but answer ${answer.base} did not hold it`);
    return token;
  });
  return { version: answer.version, tokens };
}
