// The tokens ticked for bulk work: a Set of IDs, so selecting all of 100,000 matching tokens stays cheap. Counting costs
// O(selected); the set of the IDs in view is built only while something is selected. Shift-click ticks (or clears) the
// range from the last clicked row, by the rows as sorted and filtered now, also those scrolled out of the DOM.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import type { IndexedToken } from '../model/token-index';

const EMPTY: ReadonlySet<string> = new Set();

function countIn(selected: ReadonlySet<string>, ids: { has: (id: string) => boolean } | null): number {
  let count = 0;
  if (ids) for (const id of selected) if (ids.has(id)) count++;
  return count;
}

/** `current` with `ids` added or taken out; `current` itself when that changes nothing. */
function withIds(current: ReadonlySet<string>, add: boolean, ids: Iterable<string>): ReadonlySet<string> {
  const next = new Set(current);
  for (const id of ids) {
    if (add) next.add(id);
    else next.delete(id);
  }
  return next.size === current.size ? current : next;
}

/** `byId`: the whole list; `rows`: those the filters show. */
export function useSelection(byId: ReadonlyMap<string, Authorization>, rows: readonly IndexedToken[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(EMPTY);
  /** The row last clicked: one end of the next shift-click's range. */
  const anchor = useRef<string | null>(null);
  // Read only when a shift-click needs its range, so `toggle` stays one function and no row re-renders for it.
  const shown = useRef(rows);
  useLayoutEffect(() => {
    shown.current = rows;
  }, [rows]);
  const selecting = selected.size > 0;
  const inView = useMemo(() => (selecting ? new Set(rows.map((r) => r.token.id)) : null), [selecting, rows]);

  /** One row's checkbox; with `range` (shift-click), every row from the last clicked one to this one takes its state. */
  const toggle = useCallback((id: string, checked: boolean, range = false) => {
    const list = shown.current;
    const from = range ? list.findIndex((row) => row.token.id === anchor.current) : -1;
    const to = from === -1 ? -1 : list.findIndex((row) => row.token.id === id);
    const ids = to === -1 ? [id] : list.slice(Math.min(from, to), Math.max(from, to) + 1).map((row) => row.token.id);
    anchor.current = id;
    setSelected((c) => withIds(c, checked, ids));
  }, []);
  /** The header checkbox: every row the filters show, also those scrolled out of view. */
  const selectAll = useCallback(
    (checked: boolean) => {
      const ids = rows.map((row) => row.token.id);
      setSelected((c) => withIds(c, checked, ids));
    },
    [rows],
  );
  /** What worked (or needed nothing) leaves the selection; failures and unsent ones stay for a retry. */
  const remove = useCallback((ids: Iterable<string>) => setSelected((c) => withIds(c, false, ids)), []);
  const clear = useCallback(() => setSelected(EMPTY), []);

  return {
    selected,
    // A selected token deleted elsewhere drops out of the count once the list no longer has it.
    count: countIn(selected, byId),
    countInView: countIn(selected, inView),
    /**
     * The selected tokens that still exist, as the list shows them (those the filters hide after them), so a
     * confirmation names the rows the person sees first: read once, when a bulk action starts.
     */
    selectedTokens: () => [
      ...rows.flatMap((row) => (selected.has(row.token.id) ? (byId.get(row.token.id) ?? []) : [])),
      ...[...byId.values()].filter((token) => selected.has(token.id) && !inView?.has(token.id)),
    ],
    toggle,
    selectAll,
    remove,
    clear,
  };
}
