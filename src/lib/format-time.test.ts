import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative } from './format-time';

describe('formatDateTime', () => {
  it('formats in local time as YYYY-MM-DD HH:mm:ss', () => {
    const date = new Date(2024, 0, 5, 7, 8, 9);
    expect(formatDateTime(date.toISOString())).toBe('2024-01-05 07:08:09');
  });

  it('returns input that is not a date unchanged', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2024-06-01T12:00:00Z');
  it('speaks in the largest fitting unit', () => {
    expect(formatRelative('2024-06-01T11:59:50Z', now)).toBe('just now');
    expect(formatRelative('2024-06-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(formatRelative('2024-06-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2024-05-30T12:00:00Z', now)).toBe('2 days ago');
    expect(formatRelative('2024-03-01T12:00:00Z', now)).toBe('3 months ago');
    expect(formatRelative('2021-06-01T12:00:00Z', now)).toBe('3 years ago');
    expect(formatRelative('2024-06-01T12:05:00Z', now)).toBe('in 5 minutes');
  });
});
