import { describe, expect, it } from 'vitest';
import { applyListParams, DEFAULT_LIST_PARAMS, hasActiveFilters, parseListParams } from './list-params';

describe('list params in the URL', () => {
  it('parses every field and falls back to defaults for unknown values', () => {
    expect(parseListParams(new URLSearchParams('q=ci&status=inactive&owner=user2&sort=created&dir=desc'))).toEqual({
      q: 'ci',
      status: 'inactive',
      owner: 'user2',
      sort: 'created',
      dir: 'desc',
    });
    expect(parseListParams(new URLSearchParams('status=maybe&sort=size&dir=up&owner='))).toEqual(DEFAULT_LIST_PARAMS);
  });

  it('writes changes, drops empty filters and keeps other parameters', () => {
    const start = new URLSearchParams('q=ci&status=active&keep=1');
    expect(applyListParams(start, { q: '', status: 'all', owner: 'user2' }).toString()).toBe('keep=1&owner=user2');
    expect(applyListParams(new URLSearchParams(), { sort: 'description', dir: 'asc' }).toString()).toBe('sort=description&dir=asc');
  });

  it('knows when filters are narrowing the list', () => {
    expect(hasActiveFilters(DEFAULT_LIST_PARAMS)).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_LIST_PARAMS, q: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_LIST_PARAMS, owner: 'user1' })).toBe(true);
  });
});
