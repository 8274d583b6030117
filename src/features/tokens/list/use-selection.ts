// The tokens ticked for bulk work: a Set of IDs, so selecting all of 100,000 matching tokens stays cheap.
import { useCallback, useState } from 'react';

const EMPTY: ReadonlySet<string> = new Set();

export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(EMPTY);

  const toggle = useCallback((id: string, checked: boolean) => {
    setSelected((current) => {
      if (current.has(id) === checked) return current;
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  /** Adds or removes many at once (the header checkbox). */
  const setMany = useCallback((ids: readonly string[], checked: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  const remove = useCallback((ids: Iterable<string>) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) next.delete(id);
      return next.size === current.size ? current : next;
    });
  }, []);

  const clear = useCallback(() => setSelected(EMPTY), []);

  return { selected, toggle, setMany, remove, clear };
}
