// What "Find token by ID or description" matches: a whole token ID exactly, or every word of the text in the
// description (any case, any order). A leaked token is often reported by its ID, or by what someone remembers it was
// called.
import type { Authorization } from '../../../core/influx-types';

const TOKEN_ID = /^[0-9a-f]{16}$/i;

/** The ID to look up directly when the text is one, else undefined. */
export function findTokenID(text: string): string | undefined {
  const trimmed = text.trim();
  return TOKEN_ID.test(trimmed) ? trimmed.toLowerCase() : undefined;
}

/** The tokens whose ID is the text, or whose description holds every word of it; A → Z by description. */
export function findMatches(tokens: Authorization[], text: string): Authorization[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const id = findTokenID(text);
  return tokens
    .filter((token) => {
      if (token.id === id) return true;
      const description = (token.description ?? '').toLowerCase();
      return words.every((word) => description.includes(word));
    })
    .sort((a, b) => (a.description ?? '').localeCompare(b.description ?? ''));
}
