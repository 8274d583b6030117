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
  const selecting = selected.size > 0;
  const inView = useMemo(() => (selecting ? new Set(rows.map((r) => r.token.id)) : null), [selecting, rows]);

  const toggle = useCallback((id: string, checked: boolean) => setSelected((c) => withIds(c, checked, [id])), []);
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
    /** The selected tokens that still exist, in list order: read once, when a bulk action starts. */
    selectedTokens: () => [...byId.values()].filter((token) => selected.has(token.id)),
    toggle,
    selectAll,
    remove,
    clear,
  };
}
