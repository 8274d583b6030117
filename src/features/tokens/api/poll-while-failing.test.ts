import { describe, expect, it } from 'vitest';
import { pollDelay, POLL_FIRST_MS, POLL_MAX_MS } from './poll-while-failing';

describe('pollDelay', () => {
  it('doubles from 2 s with each failure in a row, and stops growing at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(pollDelay)).toEqual([
      POLL_FIRST_MS,
      4_000,
      8_000,
      16_000,
      POLL_MAX_MS,
      POLL_MAX_MS,
      POLL_MAX_MS,
    ]);
  });
});
