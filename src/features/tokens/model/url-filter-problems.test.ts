import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_PARAMS } from './list-params';
import { describeFilters, urlFilterProblems } from './url-filter-problems';

describe('urlFilterProblems', () => {
  it('names an unknown resource type, a malformed permission and unknown status, sort and dir', () => {
    expect(urlFilterProblems(new URLSearchParams('perm=write:foo')).map((p) => p.message)).toEqual([
      'permission “write:foo” names no resource type this InfluxDB has (“foo”)',
    ]);
    expect(urlFilterProblems(new URLSearchParams('perm=write&status=on&sort=size&dir=up')).map((p) => p.key)).toEqual([
      'status',
      'sort',
      'dir',
      'perm',
    ]);
  });

  it('finds nothing wrong in what the page itself writes', () => {
    expect(
      urlFilterProblems(new URLSearchParams('perm=write:buckets&status=inactive&sort=owner&dir=desc&q=x&owner=user2')),
    ).toEqual([]);
    expect(urlFilterProblems(new URLSearchParams('perm=any:dashboards'))).toEqual([]);
  });
});

describe('describeFilters', () => {
  it('puts every active filter in words', () => {
    const params = {
      ...DEFAULT_LIST_PARAMS,
      q: ' ci ',
      status: 'inactive' as const,
      owner: 'user2',
      perm: { action: 'write' as const, type: 'buckets', id: '0123456789abcdef' },
    };
    expect(describeFilters(params, () => 'telegraf')).toEqual([
      'search “ci”',
      'status Inactive',
      'owner user2',
      'permission write:buckets/0123456789abcdef (bucket telegraf)',
    ]);
    expect(describeFilters(DEFAULT_LIST_PARAMS)).toEqual([]);
  });
});
