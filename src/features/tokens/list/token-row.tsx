// One token in the list. Memoized: with 100,000 tokens only the visible rows render, and only changed ones re-render.
import { memo, useState } from 'react';
import type { Expiry } from '../../../../core/governance';
import type { Authorization } from '../../../../core/influx-types';
import { useNow } from '../../../lib/use-now';
import { formatDateTime, formatDateTimeZone, formatRelative } from '../../../lib/format-time';
import { ownerName } from '../model/token-index';
import { tokenLabel } from '../../../lib/token-label';
import { DescriptionEditor } from './description-editor';
import { ExpiryCell } from './expiry-cell';
import { PermissionsSummaryTip } from './permissions-summary-tip';
import { OwnTokenBadge } from '../own-token/own-token-badge';
import { useOwnTokenId } from '../own-token/own-token-context';
import { TokenRowActions } from '../actions/token-row-actions';

interface TokenRowProps {
  token: Authorization;
  /** Position among the filtered rows (0-based). */
  index: number;
  /** Offset from the top of the table body, and height, in pixels. */
  top: number;
  height: number;
  onOpen: (id: string) => void;
  selected: boolean;
  /** `range`: a shift-click, which ticks (or clears) every row from the last clicked one. */
  onSelect: (id: string, checked: boolean, range: boolean) => void;
  /** Just generated, cloned or rotated. */
  highlighted?: boolean;
  /** The list moves faster than anyone reads: a row that first appears now is drawn as its description only. */
  sketch: boolean;
  /** The token's expiry (none: it never expires). */
  expiry?: Expiry;
  /** Why no expiry can be shown (the same for every row); undefined when they can. */
  expiryUnavailable?: string;
}

/** What stays in view at a description's end when it is cut: a closing note in parentheses ("(host web-12)",
 * "(replaces 0a1b2c3d4e5f6a7b)") if it is not too long, else the last 15 characters. */
const KEEP_END = 15;
const KEEP_NOTE = 30;

/**
 * Text cut in the middle when it does not fit ("telegraf writer for my-b… (replaces 0a1b2c3d4e5f6a7b)"): the start
 * shrinks to an ellipsis, the end stays, since rows often differ only there. Two spans in a flex box; no measuring.
 */
function CutInTheMiddle({ text }: { text: string }) {
  const note = text.endsWith(')') ? text.lastIndexOf('(') : -1;
  let cut = note > 0 && note >= text.length - KEEP_NOTE ? note : text.length - KEEP_END;
  if (cut <= 0) return <span className="middle-cut__end">{text}</span>;
  // Never between the two halves of an emoji; a space at the cut stays with the start, which keeps its width.
  if (/[\udc00-\udfff]/.test(text.charAt(cut))) cut -= 1;
  if (text.charAt(cut) === ' ') cut += 1;
  const start = text.slice(0, cut);
  return (
    <>
      <span className={`middle-cut__start${start.endsWith(' ') ? ' middle-cut__start--space' : ''}`}>{start}</span>
      <span className="middle-cut__end">{text.slice(cut)}</span>
    </>
  );
}

export const TokenRow = memo(function TokenRow({
  token,
  index,
  top,
  height,
  onOpen,
  selected,
  onSelect,
  highlighted = false,
  sketch,
  expiry,
  expiryUnavailable,
}: TokenRowProps) {
  const now = useNow();
  const label = tokenLabel(token.description);
  const own = useOwnTokenId() === token.id;
  // Once whole, a row stays whole (a control in it may have focus).
  const [whole, setWhole] = useState(!sketch);
  if (!whole && !sketch) setWhole(true);
  const rowProps = {
    role: 'row',
    'aria-rowindex': index + 2,
    'data-index': index,
    className: `token-row${token.status === 'inactive' ? ' token-row--inactive' : ''}${selected ? ' token-row--selected' : ''}${highlighted ? ' token-row--just-made' : ''}`,
    style: { height, transform: `translateY(${top}px)` },
  };
  const openClass = `token-row__open${token.description ? '' : ' token-row__open--empty'}`;
  if (!whole) {
    return (
      <div {...rowProps} data-sketch="">
        <div role="cell" className="token-cell token-cell--select" />
        <div role="cell" className="token-cell token-cell--description">
          <span className={`${openClass} token-row__open--sketch`}>{label}</span>
        </div>
      </div>
    );
  }
  return (
    <div {...rowProps}>
      <div role="cell" className="token-cell token-cell--select">
        <input
          type="checkbox"
          className="checkbox"
          aria-label={`Select ${label}`}
          checked={selected}
          // A checkbox's change comes from its click, which says whether Shift was held.
          onChange={(e) => onSelect(token.id, e.target.checked, (e.nativeEvent as MouseEvent).shiftKey === true)}
        />
      </div>
      <div role="cell" className="token-cell token-cell--description">
        <DescriptionEditor token={token} draftKey={`row:${token.id}`}>
          {/* Named once, by the whole description; the table shows it whole on hover and focus when it is cut. */}
          <button
            type="button"
            className={openClass}
            data-open-token={token.id}
            aria-label={label}
            onClick={() => onOpen(token.id)}
          >
            <CutInTheMiddle text={label} />
          </button>
        </DescriptionEditor>
        {own && <OwnTokenBadge />}
      </div>
      <div role="cell" className="token-cell token-cell--status">
        {/* The status in words, coloured as a hint only. */}
        <span className={`status-badge status-badge--${token.status}`}>
          {token.status === 'active' ? 'Active' : 'Inactive'}
        </span>
      </div>
      <ExpiryCell expiry={expiry} now={now} unavailable={expiryUnavailable} />
      <div role="cell" className="token-cell token-cell--owner" data-label="Owner">
        {ownerName(token)}
      </div>
      <div role="cell" className="token-cell token-cell--permissions" data-label="Permissions">
        <PermissionsSummaryTip token={token} />
      </div>
      <div role="cell" className="token-cell token-cell--created" data-label="Created">
        <time dateTime={token.createdAt} title={token.createdAt}>
          {formatDateTime(token.createdAt)}
        </time>
      </div>
      <div role="cell" className="token-cell token-cell--updated" data-label="Modified">
        <time dateTime={token.updatedAt} title={`${formatDateTimeZone(token.updatedAt)} (${token.updatedAt})`}>
          {formatRelative(token.updatedAt, now)}
        </time>
      </div>
      <div role="cell" className="token-cell token-cell--actions">
        <TokenRowActions token={token} />
      </div>
    </div>
  );
});
