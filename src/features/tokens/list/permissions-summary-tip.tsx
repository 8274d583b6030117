// The list's permission summary ("Read 2 types", "Operator"): hovering, focusing or tapping it shows every permission
// with the names and IDs of what it reaches. Until then it is a plain button: the tooltip (permissions-tip.tsx) is
// downloaded and mounted only for the summary the person reaches for, so rows stay cheap to mount while scrolling.
import { memo, useState, type ComponentProps } from 'react';
import { lazyPart } from '../../../components/ui/lazy-part';
import type { Authorization } from '../../../../core/influx-types';
import { cachedPermissionsSummary } from '../model/permissions-summary';
import type { TipStart } from './permissions-tip';
import './permissions-summary-tip.css';

// While the tooltip's code downloads, the summary stays as it is.
const PermissionsTip = lazyPart(
  'the permission list',
  () => import('./permissions-tip').then((m) => m.PermissionsTip),
  ({ token }) => <PlainSummary token={token} />,
);

/** Keyboard users reach a summary by focus, which must not wait: the table fetches the tooltip's code when focus enters it. */
export const preloadPermissionsTip = PermissionsTip.preload;

export const PermissionsSummaryTip = memo(function PermissionsSummaryTip({ token }: { token: Authorization }) {
  const [start, setStart] = useState<TipStart | null>(null);
  if (start) return <PermissionsTip token={token} start={start} />;
  const reach = (how: TipStart) => setStart((s) => (s === 'tap' ? s : how));
  return (
    <PlainSummary
      token={token}
      onPointerEnter={(event) => {
        if (event.pointerType === 'mouse') reach('hover');
      }}
      onFocus={() => reach('focus')}
      onClick={(event) => {
        event.preventDefault();
        setStart('tap');
      }}
    />
  );
});

function PlainSummary({ token, ...handlers }: { token: Authorization } & ComponentProps<'button'>) {
  return (
    <button type="button" className="perm-summary" {...handlers}>
      {cachedPermissionsSummary(token.permissions)}
    </button>
  );
}
