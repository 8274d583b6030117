import { describe, expect, it } from 'vitest';
import { orgSwitch } from './org-switch';

const BASE = '/orgs/0000000000000b02';

describe('orgSwitch', () => {
  it('keeps the view and every filter that still means something in the other org', () => {
    expect(orgSwitch('/tokens', '?q=ci&status=inactive&owner=user2&perm=write%3Abuckets&sort=created', BASE)).toEqual({
      to: `${BASE}/tokens?q=ci&status=inactive&owner=user2&perm=write%3Abuckets&sort=created`,
      dropped: [],
    });
    expect(orgSwitch('/cleanup', '', BASE)).toEqual({ to: `${BASE}/cleanup`, dropped: [] });
    expect(orgSwitch('/activity', '?token=telegraf&since=7d', BASE).to).toBe(
      `${BASE}/activity?token=telegraf&since=7d`,
    );
  });

  it('drops a filter on one bucket of the old org and says so', () => {
    const result = orgSwitch('/tokens', '?q=ci&perm=write%3Abuckets%2F0a0a0a0a0a0a0a0a', BASE);
    expect(result.to).toBe(`${BASE}/tokens?q=ci`);
    expect(result.dropped).toEqual([
      'the permission filter on one bucket (write:buckets/0a0a0a0a0a0a0a0a is a bucket of the other org)',
    ]);
  });

  it("drops Activity's filter on one token ID, keeps words", () => {
    const result = orgSwitch('/activity', '?token=0a0a0a0a0a0a0a0a&action=delete', BASE);
    expect(result).toEqual({
      to: `${BASE}/activity?action=delete`,
      dropped: ['the token filter (token 0a0a0a0a0a0a0a0a belongs to the other org)'],
    });
  });

  it('closes an open drawer: its token belongs to the old org', () => {
    expect(orgSwitch('/tokens/0a0a0a0a0a0a0a0a', '?q=ci', BASE).to).toBe(`${BASE}/tokens?q=ci`);
  });
});
