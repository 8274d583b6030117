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
    expect(applyListParams(new URLSearchParams(), { sort: 'description', dir: 'asc' }).toString()).toBe(
      'sort=description&dir=asc',
    );
  });

  it('knows when filters are narrowing the list', () => {
    expect(hasActiveFilters(DEFAULT_LIST_PARAMS)).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_LIST_PARAMS, q: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_LIST_PARAMS, owner: 'user1' })).toBe(true);
  });
});

describe('the permission filter in the list params', () => {
  it('is read from perm= and written back, and counts as a filter', () => {
    const params = parseListParams(new URLSearchParams('perm=write:buckets/b000000000000002'));
    expect(params.perm).toEqual({ action: 'write', type: 'buckets', id: 'b000000000000002' });
    expect(hasActiveFilters(params)).toBe(true);
    expect(
      applyListParams(new URLSearchParams('q=x'), { perm: { action: 'any', type: 'dashboards' } }).toString(),
    ).toBe('q=x&perm=any%3Adashboards');
    expect(applyListParams(new URLSearchParams('perm=read:any'), { perm: undefined }).toString()).toBe('');
    expect(parseListParams(new URLSearchParams('perm=nonsense'))).toEqual(DEFAULT_LIST_PARAMS);
  });
});
