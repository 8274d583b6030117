// The tokens ticked for bulk work: a Set of IDs, so selecting all of 100,000 matching tokens stays cheap. Counting costs
// O(selected); the set of the IDs in view is built only while something is selected.
import { useCallback, useMemo, useState } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import type { IndexedToken } from '../model/token-index';

const EMPTY: ReadonlySet<string> = new Set();

function countIn(selected: ReadonlySet<string>, ids: { has: (id: string) => boolean } | null): number {
  let count = 0;
  if (ids) for (const id of selected) if (ids.has(id)) count++;
  return count;
}

/** `byId`: the whole list; `rows`: those the filters show. */
export function useSelection(byId: ReadonlyMap<string, Authorization>, rows: readonly IndexedToken[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(EMPTY);
  const selecting = selected.size > 0;
  const inView = useMemo(() => (selecting ? new Set(rows.map((r) => r.token.id)) : null), [selecting, rows]);

  const toggle = useCallback((id: string, checked: boolean) => {
    setSelected((current) => {
      if (current.has(id) === checked) return current;
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  /** The header checkbox: every row the filters show, also those scrolled out of view. */
  const selectAll = useCallback(
    (checked: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        for (const row of rows) {
          if (checked) next.add(row.token.id);
          else next.delete(row.token.id);
        }
        return next;
      }),
    [rows],
  );

  /** What worked (or needed nothing) leaves the selection; failures and unsent ones stay for a retry. */
  const remove = useCallback((ids: Iterable<string>) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) next.delete(id);
      return next.size === current.size ? current : next;
    });
  }, []);

  const clear = useCallback(() => setSelected(EMPTY), []);

  return {
    selected,
    // A selected token deleted elsewhere drops out of the count once the list no longer has it.
    count: countIn(selected, byId),
    countInView: countIn(selected, inView),
    /** The selected tokens that still exist, in list order: read once, when a bulk action starts. */
    selectedTokens: () => [...byId.values()].filter((token) => selected.has(token.id)),
    toggle,
    selectAll,
    remove,
    clear,
  };
}
