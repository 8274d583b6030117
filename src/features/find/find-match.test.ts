import { describe, expect, it } from 'vitest';
import { makeToken } from '../../testing/token-factory';
import { findMatches, findTokenID } from './find-match';

const tokens = [
  makeToken({ id: 'aaaaaaaaaaaaaaa1', description: 'Telegraf writer (prod)' }),
  makeToken({ id: 'aaaaaaaaaaaaaaa2', description: 'CI reader' }),
  makeToken({ id: 'aaaaaaaaaaaaaaa3', description: 'writer for ci' }),
  makeToken({ id: 'aaaaaaaaaaaaaaa4', description: '' }),
];

describe('find a token', () => {
  it('matches every word of the description in any case and order, A → Z', () => {
    expect(findMatches(tokens, 'WRITER').map((t) => t.id)).toEqual(['aaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaaa3']);
    expect(findMatches(tokens, 'ci writer').map((t) => t.id)).toEqual(['aaaaaaaaaaaaaaa3']);
    expect(findMatches(tokens, 'prod telegraf').map((t) => t.id)).toEqual(['aaaaaaaaaaaaaaa1']);
  });

  it('finds a token by its whole ID, also one without a description', () => {
    expect(findMatches(tokens, ' AAAAAAAAAAAAAAA4 ').map((t) => t.id)).toEqual(['aaaaaaaaaaaaaaa4']);
    expect(findTokenID('aaaaaaaaaaaaaaa4')).toBe('aaaaaaaaaaaaaaa4');
    expect(findTokenID('aaaa')).toBeUndefined();
  });

  it('finds nothing for empty text, rather than everything', () => {
    expect(findMatches(tokens, '   ')).toEqual([]);
  });
});
