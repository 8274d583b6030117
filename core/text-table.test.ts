import { describe, expect, it } from 'vitest';
import { tableLines } from './text-table';

describe('tableLines', () => {
  it('pads every column but the last to its widest cell, two spaces apart, with no trailing spaces', () => {
    expect(
      tableLines([
        ['ID', 'Name'],
        ['1', 'a'],
        ['22222', 'bb'],
      ]),
    ).toEqual(['ID     Name', '1      a', '22222  bb']);
    expect(tableLines([['a', '', '']])).toEqual(['a']);
    expect(tableLines([])).toEqual([]);
  });

  it('right-aligns the columns from rightAlignFrom on, for figures', () => {
    expect(
      tableLines(
        [
          ['scenario', 'req/s', 'p50'],
          ['get', '2543', '2.9'],
          ['list 100', '89', '12.25'],
        ],
        { rightAlignFrom: 1 },
      ),
    ).toEqual(['scenario  req/s    p50', 'get        2543    2.9', 'list 100     89  12.25']);
  });

  it('gives a short row empty cells', () => {
    expect(tableLines([['tokens', 'first row'], ['1000']], { rightAlignFrom: 1 })).toEqual([
      'tokens  first row',
      '1000',
    ]);
  });

  it('renders 150k rows without overflowing the argument limit', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => [String(i), 'x']);
    expect(tableLines([['ID', 'Name'], ...rows])[150_000]).toBe('149999  x');
  });
});
