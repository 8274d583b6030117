import { describe, expect, it } from 'vitest';
import { closeBidiControls, NO_DESCRIPTION, tokenLabel } from './token-label';

const RLO = '\u202E';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';

describe('tokenLabel', () => {
  it('names an empty description', () => {
    expect(tokenLabel('  ')).toBe(NO_DESCRIPTION);
  });

  it('returns ordinary descriptions, markup and right-to-left letters unchanged', () => {
    for (const text of ['ci writer', '<img src=x onerror=alert(1)>', 'مفتاح القراءة', '🔑 deploy'])
      expect(tokenLabel(text)).toBe(text);
  });

  it('closes an override left open, so it cannot reverse the words after the name', () => {
    expect(tokenLabel(`spoof ${RLO}gnirts`)).toBe(`spoof ${RLO}gnirts${PDF}`);
  });
});

describe('closeBidiControls', () => {
  it('leaves balanced controls alone', () => {
    const balanced = `invoice ${RLO}exe.txt${PDF} and ${RLI}isolated${PDI}`;
    expect(closeBidiControls(balanced)).toBe(balanced);
  });

  it('closes nested openers innermost first', () => {
    expect(closeBidiControls(`${RLI}a${RLO}b`)).toBe(`${RLI}a${RLO}b${PDF}${PDI}`);
  });

  it('drops closers that would close something outside the description', () => {
    expect(closeBidiControls(`${PDI}${PDF}x${RLO}y`)).toBe(`x${RLO}y${PDF}`);
  });

  it('lets a PDI end the override opened inside its isolate', () => {
    expect(closeBidiControls(`${RLI}a${RLO}b${PDI}c`)).toBe(`${RLI}a${RLO}b${PDI}c`);
  });
});
