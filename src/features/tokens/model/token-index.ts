// Precomputed search and sort keys, built once per token object: the list's sync hands back unchanged tokens
// as the same objects across refetches, so only changed ones are re-indexed.
import type { Authorization } from '../../../../core/influx-types';

export interface IndexedToken {
  token: Authorization;
  /** Lower-cased description, ID and owner, separated so a match cannot span two fields. */
  searchKey: string;
  descriptionKey: string;
  created: number;
  updated: number;
}

const cache = new WeakMap<Authorization, IndexedToken>();

export function ownerName(token: Authorization): string {
  return token.user || token.userID;
}

export function indexToken(token: Authorization): IndexedToken {
  let indexed = cache.get(token);
  if (!indexed) {
    const descriptionKey = token.description.toLowerCase();
    indexed = {
      token,
      // join() builds one flat string; a template literal builds a rope that every search walks through (3x slower).
      searchKey: [descriptionKey, token.id.toLowerCase(), ownerName(token).toLowerCase()].join('\u0000'),
      descriptionKey,
      created: Date.parse(token.createdAt) || 0,
      updated: Date.parse(token.updatedAt) || 0,
    };
    cache.set(token, indexed);
  }
  return indexed;
}

export function indexTokens(tokens: readonly Authorization[]): IndexedToken[] {
  return tokens.map(indexToken);
}

/** Names in the order people expect: numbers by value (user-2 before user-10), case aside. */
export const naturalCompare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/** Every owner's name once, in natural order, for the owner filter. */
export function ownersOf(tokens: readonly Authorization[]): string[] {
  const names = new Set<string>();
  for (const token of tokens) names.add(ownerName(token));
  return [...names].sort((a, b) => naturalCompare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}
