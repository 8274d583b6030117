// A long filter scan runs in slices after render: meanwhile the last rows stay shown and the view says it is
// pending; then exactly the matching rows show, in order. A narrowing keystroke over few matches answers at once.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeToken } from '../../../testing/token-factory';
import { DEFAULT_LIST_PARAMS, type ListParams } from '../model/list-params';
import { FILTER_SLICE, useTokenView } from './use-token-view';

const COUNT = FILTER_SLICE * 2 + 500;
const tokens = Array.from({ length: COUNT }, (_, n) =>
  makeToken({ description: n % 1000 === 7 ? `needle ${n}` : `hay ${n}` }),
);
const descriptions = (rows: { token: { description: string } }[]) => rows.map((row) => row.token.description);

describe('useTokenView over a list longer than one filter slice', () => {
  it('keeps the last rows (pending) while a long scan runs in slices, then shows exactly the matches', async () => {
    const { result, rerender } = renderHook(({ params }: { params: ListParams }) => useTokenView(tokens, params), {
      initialProps: { params: DEFAULT_LIST_PARAMS },
    });
    expect(result.current.rows).toHaveLength(COUNT);
    expect(result.current.pending).toBe(false);

    act(() => rerender({ params: { ...DEFAULT_LIST_PARAMS, q: 'needle' } }));
    // Right after the render: the whole list is still shown, marked as behind.
    expect(result.current.rows).toHaveLength(COUNT);
    expect(result.current.pending).toBe(true);
    await waitFor(() => expect(result.current.pending).toBe(false));
    const expected = tokens
      .filter((t) => t.description.startsWith('needle'))
      .map((t) => t.description)
      .sort();
    expect(descriptions(result.current.rows)).toEqual(expected);

    // Narrowing 21 matches: answered in the same render, nothing pending.
    act(() => rerender({ params: { ...DEFAULT_LIST_PARAMS, q: 'needle 1' } }));
    expect(result.current.pending).toBe(false);
    expect(descriptions(result.current.rows)).toEqual(expected.filter((d) => d.startsWith('needle 1')));

    // Widening back over the whole list: sliced again, and the answer is the fresh one.
    act(() => rerender({ params: { ...DEFAULT_LIST_PARAMS, q: 'hay 2000' } }));
    await waitFor(() => expect(result.current.pending).toBe(false));
    expect(descriptions(result.current.rows).sort()).toEqual(
      tokens
        .filter((t) => t.description.includes('hay 2000'))
        .map((t) => t.description)
        .sort(),
    );
  });
});
