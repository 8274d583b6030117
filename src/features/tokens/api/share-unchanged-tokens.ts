// Structural sharing for the token list that costs O(n) instead of a deep compare of every permission:
// a token whose id, updatedAt and visible fields match keeps its old object (InfluxDB bumps updatedAt on
// every change, and permissions never change), so its rows and search index are reused. With 100,000
// tokens this turns a multi-second deep comparison on each refetch into a few milliseconds.
import type { Authorization } from '../../../../core/influx-types';
import { sameTokenVersion } from './token-version';

export function shareUnchangedTokens(oldData: unknown, newData: unknown): unknown {
  if (oldData === newData) return oldData;
  if (!Array.isArray(oldData) || !Array.isArray(newData)) return newData;
  const previous = oldData as Authorization[];
  const next = newData as Authorization[];
  // Mostly a token sits where it was: look it up by id only when it does not (a map of 100,000 ids costs more than the rest).
  let byId: Map<string, Authorization> | undefined;
  const oldCopy = (token: Authorization, index: number) => {
    const there = previous[index];
    if (there?.id === token.id) return there;
    byId ??= new Map(previous.map((t) => [t.id, t]));
    return byId.get(token.id);
  };
  let unchanged = previous.length === next.length;
  const shared = next.map((token, index) => {
    const old = oldCopy(token, index);
    if (old && (old === token || sameTokenVersion(old, token))) {
      if (previous[index] !== old) unchanged = false;
      return old;
    }
    unchanged = false;
    return token;
  });
  return unchanged ? previous : shared;
}
