import { describe, expect, it } from 'vitest';
import { makeToken } from '../../../testing/token-factory';
import { bulkQuestion, outcomeHeadline, outcomeNotes, planBulk, type BulkOutcome } from './bulk-plan';
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
