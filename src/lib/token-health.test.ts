import { describe, expect, it } from 'vitest';
import type { Expiry } from '../../core/governance';
import type { Authorization } from '../../core/influx-types';
import {
  allAccessPermissions,
  bucketPermission,
  makeToken,
  operatorPermissions,
  ORG_ID,
} from '../testing/token-factory';
import { buildHealthContext, healthCheck, healthCounts, HEALTH_CHECKS, type HealthInputs } from './token-health';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();
const inDays = (days: number) => new Date(NOW + days * DAY).toISOString();
const USERS = new Set(['1000000000000001', '1000000000000002', '1000000000000003']);

function counts(tokens: Authorization[], extra: Partial<HealthInputs> = {}) {
  return healthCounts(tokens, buildHealthContext({ tokens, now: NOW, userIDs: USERS, ...extra }));
}

/** The IDs of `tokens` a check matches (what the list shows for `?check=<key>`). */
function matching(key: string, tokens: Authorization[], extra: Partial<HealthInputs> = {}) {
  const context = buildHealthContext({ tokens, now: NOW, userIDs: USERS, ...extra });
  return tokens.filter((t) => healthCheck(key)!.matches(t, context)).map((t) => t.id);
}

const expiry = (tokenID: string, expiresAt: string, state: Expiry['state'] = 'scheduled'): Expiry => ({
  tokenID,
  expiresAt,
  setAt: daysAgo(10),
  state,
});

describe('token health checks', () => {
  it('tells all-access tokens from operator tokens and from narrow ones', () => {
    const tokens = [
      makeToken({ id: 'a1', permissions: allAccessPermissions() }),
      makeToken({ id: 'a2', permissions: [...allAccessPermissions()].reverse() }),
      makeToken({ id: 'op', permissions: operatorPermissions() }),
      // Every type but one: not all access.
      makeToken({ id: 'n1', permissions: allAccessPermissions().filter((p) => p.resource.type !== 'tasks') }),
      makeToken({ id: 'n2', permissions: [bucketPermission('read', 'b1', 'telemetry')] }),
    ];
    expect(matching('all-access', tokens)).toEqual(['a1', 'a2']);
    expect(matching('operator', tokens)).toEqual(['op']);
    expect(counts(tokens)).toMatchObject({ 'all-access': 2, operator: 1 });
  });

  it('counts tokens whose owner is not among the users, unless the server still names the owner', () => {
    const tokens = [
      makeToken({ id: 'gone', userID: '1000000000000099', user: '' }),
      makeToken({ id: 'named', userID: '1000000000000098', user: 'carol' }),
      makeToken({ id: 'kept', user: 'user1' }),
    ];
    expect(matching('owner-gone', tokens)).toEqual(['gone']);
    expect(counts(tokens, { userIDs: undefined })['owner-gone']).toBeNull();
  });

  it('reads expiry from the console: never, within 7 days, overdue; unknown without it', () => {
    const tokens = ['never', 'gone', 'soon', 'later', 'overdue', 'done'].map((id) => makeToken({ id }));
    const expiries = new Map(
      [
        expiry('gone', inDays(1), 'gone'),
        expiry('soon', inDays(6.9)),
        expiry('later', inDays(8)),
        expiry('overdue', daysAgo(1), 'overdue'),
        expiry('done', daysAgo(2), 'deactivated'),
      ].map((e) => [e.tokenID, e]),
    );
    expect(matching('no-expiry', tokens, { expiries })).toEqual(['never', 'gone']);
    expect(matching('expiring-soon', tokens, { expiries })).toEqual(['soon']);
    expect(matching('expiry-overdue', tokens, { expiries })).toEqual(['overdue']);
    const unknown = counts(tokens);
    expect([unknown['no-expiry'], unknown['expiring-soon'], unknown['expiry-overdue']]).toEqual([null, null, null]);
    expect(matching('no-expiry', tokens)).toEqual([]);
  });

  it('finds active tokens unchanged for over 90 days and inactive ones over 30', () => {
    const tokens = [
      makeToken({ id: 'stale', status: 'active', updatedAt: daysAgo(91) }),
      makeToken({ id: 'fresh', status: 'active', updatedAt: daysAgo(89) }),
      makeToken({ id: 'old-off', status: 'inactive', updatedAt: daysAgo(31) }),
      makeToken({ id: 'new-off', status: 'inactive', updatedAt: daysAgo(29) }),
      makeToken({ id: 'very-old-off', status: 'inactive', updatedAt: daysAgo(400) }),
    ];
    expect(matching('stale-active', tokens)).toEqual(['stale']);
    expect(matching('old-inactive', tokens)).toEqual(['old-off', 'very-old-off']);
  });

  it('counts every token of a group with the same owner and the same permissions, in any order', () => {
    const read = bucketPermission('read', 'b1', 'telemetry');
    const write = bucketPermission('write', 'b1', 'telemetry');
    const tokens = [
      makeToken({ id: 'd1', user: 'user1', permissions: [read, write] }),
      makeToken({ id: 'd2', user: 'user1', permissions: [write, read] }),
      makeToken({
        id: 'd3',
        user: 'user1',
        permissions: [{ ...read, resource: { ...read.resource, name: 'renamed' } }, write],
      }),
      makeToken({ id: 'other-owner', user: 'user2', permissions: [read, write] }),
      makeToken({ id: 'fewer', user: 'user1', permissions: [read] }),
      makeToken({ id: 'other-bucket', user: 'user1', permissions: [bucketPermission('read', 'b2', 'x'), write] }),
    ];
    expect(matching('duplicates', tokens)).toEqual(['d1', 'd2', 'd3']);
    expect(counts(tokens).duplicates).toBe(3);
  });

  it('counts empty and generated descriptions, not chosen ones', () => {
    const tokens = [
      makeToken({ id: 'empty', description: '' }),
      makeToken({ id: 'blank', description: '   ' }),
      makeToken({ id: 'setup', description: "admin's Token" }),
      makeToken({ id: 'cloud', description: 'jo@example.com’s Token' }),
      makeToken({ id: 'named', description: "user2's telegraf writer" }),
      makeToken({ id: 'ci', description: 'ci deploy' }),
    ];
    expect(matching('unnamed', tokens)).toEqual(['empty', 'blank', 'setup', 'cloud']);
  });

  it('gives every check a title and a one-line meaning, and knows only its own keys', () => {
    for (const check of HEALTH_CHECKS) {
      expect(check.title).not.toBe('');
      expect(check.meaning).toMatch(/^[^\n]+\.$/);
    }
    expect(new Set(HEALTH_CHECKS.map((c) => c.key)).size).toBe(HEALTH_CHECKS.length);
    expect(healthCheck('toString')).toBeUndefined();
    expect(healthCheck(null)).toBeUndefined();
  });

  // At the size the page is built for (a scan of the list per token would not finish within the test's time).
  it('counts 100,000 tokens, duplicates included', { timeout: 30_000 }, () => {
    const permissionSets = Array.from({ length: 50 }, (_, i) => [bucketPermission('read', `b${i}`, `bucket ${i}`)]);
    const tokens = Array.from({ length: 100_000 }, (_, i) =>
      makeToken({
        id: `t${i}`,
        userID: `u${i % 1000}`,
        orgID: ORG_ID,
        permissions: i % 10 === 0 ? allAccessPermissions() : permissionSets[i % 50]!,
        updatedAt: daysAgo(i % 200),
        status: i % 3 === 0 ? 'inactive' : 'active',
      }),
    );
    const result = counts(tokens, { expiries: new Map() });
    expect(result['all-access']).toBe(10_000);
    expect(result['no-expiry']).toBe(100_000);
    // Owner u(i mod 1000) and permission set (i mod 50): groups of 100, so every token has a twin.
    expect(result.duplicates).toBe(100_000);
  });
});
