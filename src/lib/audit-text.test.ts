import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../core/governance';
import { actionText, actorText, changeLines, viaText } from './audit-text';

describe('trail entries in words', () => {
  it('names every action the trail records, each differently', () => {
    const words = AUDIT_ACTIONS.map((action) => actionText(action));
    expect(new Set(words).size).toBe(AUDIT_ACTIONS.length);
    expect(actionText('expiry-fired')).toBe('Deactivated at expiry');
  });

  it('tells the deletion Rotate scheduled after its grace period from a deletion by hand', () => {
    expect(actionText('delete', 'scheduled')).toBe('Deleted by this console after its grace period');
    expect(actionText('delete', 'page')).toBe('Deleted');
    expect(actionText('delete')).toBe('Deleted');
  });

  it('says who acted: the person with the credential, the credential by description or ID, never more', () => {
    expect(actorText({ kind: 'pasted-token', tokenID: 'a1', description: 'laptop', user: 'bob', person: 'Bob' })).toBe(
      'Bob, with “laptop” (pasted token of bob)',
    );
    expect(actorText({ kind: 'server-token', tokenID: 'a1', description: "admin's Token" })).toBe(
      "“admin's Token” (server token)",
    );
    expect(actorText({ kind: 'pasted-token', tokenID: 'a000000000000b07' })).toBe('a000000000000b07 (pasted token)');
    expect(actorText({ kind: 'console' })).toBe('this console');
    expect(actorText({ kind: 'unknown' })).toBe('someone outside this console');
  });

  it('shows each changed field before → after, and a new value alone', () => {
    expect(changeLines({ before: { status: 'active' }, after: { status: 'inactive' } })).toEqual([
      'status: active → inactive',
    ]);
    expect(changeLines({ before: { description: '' }, after: { description: 'ci' } })).toEqual([
      'description: (no description) → “ci”',
    ]);
    expect(changeLines({ before: { expiry: 'never' }, after: { expiry: '2030-01-02T03:04:05Z' } })[0]).toMatch(
      /^expiry: never → 2030-01-0[12] \d\d:04:05 .+$/,
    );
    expect(changeLines({ before: { deletion: 'never' }, after: { deletion: '2027-01-08T10:00:00Z' } })[0]).toMatch(
      /^deletion: never → 2027-01-0[78] \d\d:\d\d:00 .+$/,
    );
    expect(changeLines({ before: { deletion: '2027-01-08T10:00:00Z' }, after: { deletion: 'never' } })[0]).toMatch(
      /^deletion: 2027-01-0[78] \d\d:\d\d:00 \S+ → never$/,
    );
    expect(changeLines({ after: { status: 'active' } })).toEqual(['status: active']);
    expect(changeLines({})).toEqual([]);
  });

  it('says from where, outside changes included', () => {
    expect(viaText('outside')).toBe('outside this console');
    expect(viaText('api')).toBe('API (curl, CLI)');
  });
});
