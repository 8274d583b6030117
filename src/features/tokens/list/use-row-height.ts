// Rows have a fixed height per layout (one line when wide, a small card when narrow), which keeps
// virtualization exact without measuring 100,000 rows.
import { useSyncExternalStore } from 'react';

export const NARROW_QUERY = '(max-width: 760px)';
export const ROW_HEIGHT = { wide: 52, narrow: 116 };

function subscribe(onChange: () => void) {
  const media = window.matchMedia?.(NARROW_QUERY);
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

export function useRowHeight(): number {
  const narrow = useSyncExternalStore(subscribe, () => window.matchMedia?.(NARROW_QUERY).matches ?? false);
  return narrow ? ROW_HEIGHT.narrow : ROW_HEIGHT.wide;
}
