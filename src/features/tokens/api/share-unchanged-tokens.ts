// Structural sharing for the token list that costs O(n) instead of a deep compare of every permission:
// a token whose id, updatedAt and visible fields match keeps its old object (InfluxDB bumps updatedAt on
// every change, and permissions never change), so its rows and search index are reused. With 100,000
// tokens this turns a multi-second deep comparison on each refetch into a few milliseconds.
import type { Authorization } from '../../../lib/influx-types';
import { sameTokenVersion } from './token-version';

export function shareUnchangedTokens(oldData: unknown, newData: unknown): unknown {
  if (oldData === newData) return oldData;
  if (!Array.isArray(oldData) || !Array.isArray(newData)) return newData;
  const previous = oldData as Authorization[];
  const next = newData as Authorization[];
  const byId = new Map(previous.map((t) => [t.id, t]));
  let unchanged = previous.length === next.length;
  const shared = next.map((token, index) => {
    const old = byId.get(token.id);
    if (old && sameTokenVersion(old, token)) {
      if (previous[index] !== old) unchanged = false;
      return old;
    }
    unchanged = false;
    return token;
  });
  return unchanged ? previous : shared;
}
