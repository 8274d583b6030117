import { describe, expect, it } from 'vitest';
import { rotatedDescription } from './rotate-description';

describe('rotatedDescription', () => {
  it('names the token it replaces', () => {
    expect(rotatedDescription('telegraf writer', '0a1b2c3d4e5f6a7b')).toBe(
      'telegraf writer (replaces 0a1b2c3d4e5f6a7b)',
    );
  });
  it('says only what it replaces when the old token had no description', () => {
    expect(rotatedDescription('  ', '0a1b2c3d4e5f6a7b')).toBe('(replaces 0a1b2c3d4e5f6a7b)');
  });
  it('does not pile up notes when a replacement is rotated again', () => {
    const once = rotatedDescription('ci', '0a1b2c3d4e5f6a7b');
    expect(rotatedDescription(once, '1111222233334444')).toBe('ci (replaces 1111222233334444)');
  });
});
