// One token in the list. Memoized: with 100,000 tokens only the visible rows render, and only changed ones re-render.
import { memo, useState } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { useNow } from '../../../lib/use-now';
import { formatDateTime, formatDateTimeZone, formatRelative } from '../model/format-time';
import { ownerName } from '../model/token-index';
import { tokenLabel } from '../model/token-label';
import { DescriptionEditor } from './description-editor';
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
  onSelect: (id: string, checked: boolean) => void;
  /** Just generated, cloned or rotated. */
  highlighted?: boolean;
  /** The list moves faster than anyone reads: a row that first appears now is drawn as its description only. */
  sketch: boolean;
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
          onChange={(e) => onSelect(token.id, e.target.checked)}
        />
      </div>
      <div role="cell" className="token-cell token-cell--description">
        <DescriptionEditor token={token} draftKey={`row:${token.id}`}>
          <button
            type="button"
            className={openClass}
            data-open-token={token.id}
            title={label}
            onClick={() => onOpen(token.id)}
          >
            {label}
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
