// Rows have a fixed height per layout (one line when wide, a small card when narrow), which keeps
// virtualization exact without measuring 100,000 rows.
import { useSyncExternalStore } from 'react';

const narrowQuery = () => window.matchMedia?.('(max-width: 760px)');

function subscribe(onChange: () => void) {
  const media = narrowQuery();
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

export function useRowHeight(): number {
  return useSyncExternalStore(subscribe, () => narrowQuery()?.matches ?? false) ? 136 : 52;
}
