import { describe, expect, it } from 'vitest';
import type { Expiry } from '../../../../core/governance';
import { makeToken } from '../../../testing/token-factory';
import {
  expiryCellText,
  formatExpiresIn,
  matchesExpiryFilter,
  presetDays,
  resolveExpiry,
  toLocalInputValue,
} from './expiry';
import { sortTokens } from './filter-sort';
import { indexTokens } from './token-index';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW + ms).toISOString();
const expiry = (tokenID: string, ms: number, state: Expiry['state'] = 'scheduled'): Expiry => ({
  tokenID,
  expiresAt: at(ms),
  setAt: at(-DAY),
  state,
});

describe('the Expires cell', () => {
  it('says never, a relative time when near, a date when far, and the states in words', () => {
    expect(expiryCellText(undefined, NOW).text).toBe('never');
    expect(expiryCellText(expiry('a', 3 * DAY), NOW).text).toBe('in 3 days');
    expect(expiryCellText(expiry('a', 5 * HOUR), NOW).text).toBe('in 5 hours');
    expect(expiryCellText(expiry('a', 20 * 60_000), NOW).text).toBe('in 20 minutes');
    expect(expiryCellText(expiry('a', 200 * DAY), NOW).text).toBe('18 Dec 2026');
    expect(expiryCellText(expiry('a', -HOUR, 'overdue'), NOW).text).toBe('expiry overdue');
    const deactivated = expiryCellText(expiry('a', -DAY, 'deactivated'), NOW);
    expect(deactivated).toEqual({ text: 'expired', full: 'expired: deactivated by this console' });
    expect(formatExpiresIn(at(-1000), NOW)).toBe('due now');
  });
});

describe('a deletion planned for a token already switched off (rotate now, delete later)', () => {
  const planned: Expiry = { ...expiry('a', 0, 'deactivated'), deletionOnly: true, deleteAt: at(7 * DAY) };

  it('reads as a deletion, not as an expiry that fired', () => {
    expect(expiryCellText(planned, NOW).text).toBe('deleted in 7 days');
    expect(expiryCellText(planned, NOW).full).toMatch(/^no expiry; deleted by this console .* if still inactive then$/);
  });

  it('counts as never expiring, not as expired, in the filter and the sort', () => {
    expect(matchesExpiryFilter(planned, 'never', NOW)).toBe(true);
    expect(matchesExpiryFilter(planned, 'deactivated', NOW)).toBe(false);
    const tokens = ['planned', 'tomorrow'].map((description, i) =>
      makeToken({ id: `e00000000000000${i}`, description }),
    );
    const expiries = new Map([
      ['e000000000000000', { ...planned, tokenID: 'e000000000000000' }],
      ['e000000000000001', expiry('e000000000000001', DAY)],
    ]);
    expect(sortTokens(indexTokens(tokens), 'expires', 'asc', expiries).map((t) => t.token.description)).toEqual([
      'tomorrow',
      'planned',
    ]);
  });
});

describe('sorting by expiry', () => {
  it('puts the soonest first and tokens that never expire last; descending reverses it', () => {
    const tokens = ['never a', 'in a year', 'tomorrow', 'never b', 'expired'].map((description, i) =>
      makeToken({ id: `e00000000000000${i}`, description }),
    );
    const expiries = new Map([
      ['e000000000000001', expiry('e000000000000001', 365 * DAY)],
      ['e000000000000002', expiry('e000000000000002', DAY)],
      ['e000000000000004', expiry('e000000000000004', -DAY, 'deactivated')],
    ]);
    const order = (dir: 'asc' | 'desc') =>
      sortTokens(indexTokens(tokens), 'expires', dir, expiries).map((t) => t.token.description);
    expect(order('asc')).toEqual(['expired', 'tomorrow', 'in a year', 'never a', 'never b']);
    expect(order('desc')).toEqual(['never a', 'never b', 'in a year', 'tomorrow', 'expired']);
  });
});

describe('the expiry filter', () => {
  it('matches within 7 days, never, overdue and deactivated', () => {
    expect(matchesExpiryFilter(expiry('a', 6 * DAY), 'soon', NOW)).toBe(true);
    expect(matchesExpiryFilter(expiry('a', 8 * DAY), 'soon', NOW)).toBe(false);
    expect(matchesExpiryFilter(undefined, 'soon', NOW)).toBe(false);
    expect(matchesExpiryFilter(undefined, 'never', NOW)).toBe(true);
    expect(matchesExpiryFilter(expiry('a', DAY), 'never', NOW)).toBe(false);
    expect(matchesExpiryFilter(expiry('a', -HOUR, 'overdue'), 'overdue', NOW)).toBe(true);
    expect(matchesExpiryFilter(expiry('a', -HOUR, 'overdue'), 'deactivated', NOW)).toBe(false);
    expect(matchesExpiryFilter(expiry('a', -HOUR, 'deactivated'), 'deactivated', NOW)).toBe(true);
  });
});

describe('an expiry choice', () => {
  it('turns a preset or a date into the moment to send, and never into null', () => {
    expect(resolveExpiry({ preset: 'days:30', date: '' }, NOW, null)).toEqual({ expiresAt: at(30 * DAY) });
    expect(resolveExpiry({ preset: 'never', date: '' }, NOW, null)).toEqual({ expiresAt: null });
    const local = toLocalInputValue(at(10 * DAY));
    expect(resolveExpiry({ preset: 'date', date: local }, NOW, null)).toEqual({ expiresAt: at(10 * DAY) });
  });

  it('refuses an empty, unparseable or past date, and one beyond the policy, in words', () => {
    expect(resolveExpiry({ preset: 'date', date: '' }, NOW, null)).toEqual({
      error: 'Choose the date and time it expires.',
    });
    expect(resolveExpiry({ preset: 'date', date: 'next week' }, NOW, null)).toEqual({
      error: '“next week” is not a date and time.',
    });
    expect(resolveExpiry({ preset: 'date', date: toLocalInputValue(at(-DAY)) }, NOW, null)).toMatchObject({
      error: expect.stringMatching(/has passed: choose a later time\.$/),
    });
    expect(resolveExpiry({ preset: 'days:90', date: '' }, NOW, 30)).toMatchObject({
      error: expect.stringContaining('beyond the longest lifetime allowed here, 30 days (MAX_TOKEN_LIFETIME)'),
    });
    expect(resolveExpiry({ preset: 'never', date: '' }, NOW, 30)).toMatchObject({
      error: expect.stringContaining('within 30 days'),
    });
  });

  it('offers the presets within the policy, and the policy itself', () => {
    expect(presetDays(null)).toEqual([7, 30, 90]);
    expect(presetDays(30)).toEqual([7, 30]);
    expect(presetDays(45)).toEqual([7, 30, 45]);
  });
});
