// The view follows what was asked for: while a change is on its way the last rows stay shown, marked pending; then
// exactly the matching rows show, in order, whether the text narrows, widens or the list itself changes.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeToken } from '../../../testing/token-factory';
import type { Authorization } from '../../../../core/influx-types';
import { DEFAULT_LIST_PARAMS, type ListParams } from '../model/list-params';
import { useTokenView } from './use-token-view';

const tokens = Array.from({ length: 3_000 }, (_, n) =>
  makeToken({ description: n % 100 === 7 ? `needle ${n}` : `hay ${n}` }),
);
const descriptions = (rows: { token: { description: string } }[]) => rows.map((row) => row.token.description);
/** The descriptions of tokens with every word of `text` in their description, ID or owner; numbers by value. */
const matching = (list: Authorization[], text: string) =>
  list
    .filter((t) => text.split(' ').every((word) => [t.description, t.id, t.user].some((f) => f?.includes(word))))
    .map((t) => t.description)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

describe('useTokenView', () => {
  it('shows exactly the matches once the view catches up with the filter and the list', async () => {
    const { result, rerender } = renderHook(
      ({ data, params }: { data: Authorization[]; params: ListParams }) => useTokenView(data, params),
      { initialProps: { data: tokens, params: DEFAULT_LIST_PARAMS } },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(tokens.length));
    expect(result.current.pending).toBe(false);

    const ask = async (data: Authorization[], q: string) => {
      act(() => rerender({ data, params: { ...DEFAULT_LIST_PARAMS, q } }));
      await waitFor(() => expect(result.current.pending).toBe(false));
      expect(descriptions(result.current.rows)).toEqual(matching(data, q));
      expect(result.current.filtered).toBe(q !== '');
    };
    await ask(tokens, 'needle');
    await ask(tokens, 'needle 1'); // narrows
    await ask(tokens, 'hay 20'); // widens: a fresh scan
    // One token renamed (a new list array): the rows follow it.
    const renamed = tokens.map((t, n) => (n === 2001 ? { ...t, description: 'hay 2000 renamed' } : t));
    await ask(renamed, 'hay 20');
    expect(result.current.total).toBe(tokens.length);
  });
});
