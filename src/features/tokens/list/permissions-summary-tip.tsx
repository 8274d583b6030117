// The list's permission summary ("Read 2 types", "Operator") as a button that explains itself: hovering or focusing
// it (or tapping it, on a touch screen) shows every permission with the names and IDs of what it reaches.
// Until then it is a plain button: the tooltip's machinery (permissions-tip-radix.tsx) is mounted, and on first
// use downloaded, only for the summary the person reaches for, so rows stay cheap to mount while the list scrolls.
import { memo, useState } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { onDemand, useOnDemand } from '../../../components/ui/on-demand';
import { cachedPermissionsSummary } from '../model/permissions-summary';
import './permissions-summary-tip.css';

export const HOVER_DELAY_MS = 250;

/** How the person reached the summary: the real tooltip takes over from there. */
export type TipStart = 'hover' | 'focus' | 'tap';

export const permissionsTipModule = onDemand(() => import('./permissions-tip-radix'));

export const PermissionsSummaryTip = memo(function PermissionsSummaryTip({ token }: { token: Authorization }) {
  const [start, setStart] = useState<TipStart | null>(null);
  const real = useOnDemand(permissionsTipModule, start !== null);
  if (real && start) return <real.RadixPermissionsTip token={token} start={start} />;
  const want = (how: TipStart) => setStart((s) => (s === 'tap' ? s : how));
  return (
    <button
      type="button"
      className="perm-summary"
      onPointerEnter={(event) => {
        if (event.pointerType === 'mouse') want('hover');
      }}
      onFocus={() => want('focus')}
      onClick={(event) => {
        event.preventDefault();
        setStart('tap');
      }}
    >
      {cachedPermissionsSummary(token.permissions)}
    </button>
  );
});
