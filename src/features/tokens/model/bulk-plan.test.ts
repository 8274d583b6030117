import { describe, expect, it } from 'vitest';
import { allAccessPermissions, makeToken, operatorPermissions } from '../../../testing/token-factory';
import {
  activeText,
  bulkQuestion,
  deleteNeedsTypedCount,
  moreText,
  outcomeHeadline,
  outcomeNotes,
  planBulk,
  privilegedText,
  summarizeDelete,
  typedCountMatches,
  type BulkOutcome,
} from './bulk-plan';
import { cloneDescription } from './clone-description';

describe('planBulk', () => {
  const tokens = [makeToken({ status: 'active' }), makeToken({ status: 'inactive' }), makeToken({ status: 'active' })];
  it('skips tokens already in the target state', () => {
    const plan = planBulk('deactivate', tokens);
    expect(plan.todo).toEqual([tokens[0], tokens[2]]);
    expect(plan.skipped).toEqual([tokens[1]]);
    expect(planBulk('activate', tokens).todo).toEqual([tokens[1]]);
  });
  it('deletes every selected token', () => {
    expect(planBulk('delete', tokens).todo).toHaveLength(3);
  });
});

describe('summarizeDelete', () => {
  const plain = (n: number, status: 'active' | 'inactive' = 'active') =>
    Array.from({ length: n }, (_, i) => makeToken({ description: `plain ${i}`, status }));

  it('names the first ten as the page does, then counts the rest', () => {
    const summary = summarizeDelete([makeToken({ description: '  ' }), ...plain(11)]);
    expect(summary.names).toEqual(['(no description)', ...Array.from({ length: 9 }, (_, i) => `plain ${i}`)]);
    expect(moreText(summary)).toBe('and 2 more');
    expect(moreText(summarizeDelete(plain(10)))).toBe('');
  });

  it('counts active tokens, and all-access and operator ones with how many of those are active', () => {
    const summary = summarizeDelete([
      makeToken({ permissions: allAccessPermissions(), status: 'inactive' }),
      makeToken({ permissions: operatorPermissions() }),
      ...plain(2),
      ...plain(1, 'inactive'),
    ]);
    expect(activeText(summary)).toBe('3 of 5');
    expect(privilegedText(summary)).toBe('2 (1 active)');
    expect(privilegedText(summarizeDelete(plain(3)))).toBe('none');
  });

  it('asks for the typed count past ten tokens, or for any active all-access or operator token', () => {
    expect(deleteNeedsTypedCount(summarizeDelete(plain(10)))).toBe(false);
    expect(deleteNeedsTypedCount(summarizeDelete(plain(11, 'inactive')))).toBe(true);
    expect(deleteNeedsTypedCount(summarizeDelete([makeToken({ permissions: operatorPermissions() })]))).toBe(true);
    expect(deleteNeedsTypedCount(summarizeDelete([makeToken({ permissions: allAccessPermissions() })]))).toBe(true);
    const asleep = makeToken({ permissions: allAccessPermissions(), status: 'inactive' });
    expect(deleteNeedsTypedCount(summarizeDelete([asleep, ...plain(2)]))).toBe(false);
  });

  it('takes the count typed with or without its separators, and nothing else', () => {
    expect(typedCountMatches('5,008', 5008)).toBe(true);
    expect(typedCountMatches(' 5008 ', 5008)).toBe(true);
    expect(typedCountMatches('5,00', 5008)).toBe(false);
    expect(typedCountMatches('50080', 5008)).toBe(false);
    expect(typedCountMatches('', 0)).toBe(false);
  });
});

describe('bulk words', () => {
  const outcome = (over: Partial<BulkOutcome>): BulkOutcome => ({
    action: 'deactivate',
    succeeded: [],
    failed: [],
    skipped: 0,
    notSent: 0,
    ...over,
  });
  it('asks with the count', () => {
    expect(bulkQuestion('deactivate', 50)).toBe('Deactivate 50 tokens?');
    expect(bulkQuestion('delete', 1)).toBe('Delete 1 token?');
    expect(bulkQuestion('activate', 12000)).toBe('Activate 12,000 tokens?');
  });
  it('reports partial failure, skipped and unsent ones exactly', () => {
    const failed = Array.from({ length: 3 }, (_, i) => ({
      id: `${i}`,
      label: `t${i}`,
      reason: 'authorization not found',
    }));
    const report = outcome({ succeeded: Array.from({ length: 47 }, (_, i) => `${i}`), failed, skipped: 2 });
    expect(outcomeHeadline(report)).toBe('47 deactivated, 3 failed:');
    expect(outcomeNotes(report)).toEqual(['2 were already inactive.']);
    expect(outcomeHeadline(outcome({ action: 'delete', succeeded: ['a'] }))).toBe('1 deleted');
    expect(outcomeNotes(outcome({ action: 'activate', skipped: 1, notSent: 5 }))).toEqual([
      '1 was already active.',
      'Cancelled: 5 tokens not sent (still selected).',
    ]);
  });
});

describe('cloneDescription', () => {
  it('appends the local time of the clone', () => {
    const at = new Date(2024, 0, 5, 7, 8, 9);
    expect(cloneDescription('ci writer', at)).toBe('ci writer (cloned at 2024-01-05 07:08:09)');
    expect(cloneDescription('', at)).toBe('(cloned at 2024-01-05 07:08:09)');
  });
});
