import { describe, expect, it } from 'vitest';
import { makeToken } from '../../../testing/token-factory';
import { shareUnchangedTokens } from './share-unchanged-tokens';

describe('shareUnchangedTokens', () => {
  const a = makeToken({ id: 'a000000000000001' });
  const b = makeToken({ id: 'a000000000000002' });

  it('returns the old list when nothing changed', () => {
    const old = [a, b];
    expect(shareUnchangedTokens(old, structuredClone(old))).toBe(old);
  });

  it('keeps unchanged token objects and takes changed, new and reordered ones', () => {
    const changed = { ...structuredClone(b), description: 'renamed', updatedAt: '2030-01-01T00:00:00Z' };
    const added = makeToken({ id: 'a000000000000003' });
    const result = shareUnchangedTokens([a, b], [structuredClone(a), changed, added]) as unknown[];
    expect(result[0]).toBe(a);
    expect(result[1]).toBe(changed);
    expect(result[2]).toBe(added);

    const reordered = shareUnchangedTokens([a, b], [structuredClone(b), structuredClone(a)]) as unknown[];
    expect(reordered).toEqual([b, a]);
    expect(reordered[0]).toBe(b);
  });

  it('notices a status change even if a server kept updatedAt', () => {
    const flipped = { ...structuredClone(a), status: 'inactive' as const };
    expect((shareUnchangedTokens([a], [flipped]) as unknown[])[0]).toBe(flipped);
  });

  it('drops removed tokens', () => {
    expect(shareUnchangedTokens([a, b], [structuredClone(a)])).toEqual([a]);
  });
});
