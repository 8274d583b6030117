// One token in the list. Memoized: with 100,000 tokens only the visible rows render, and only changed ones re-render.
// A row that first appears during a fast fling is a sketch (its description only) until the fling settles.
import { memo } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { useNow } from '../../../lib/use-now';
import { formatDateTime, formatDateTimeZone, formatRelative } from '../model/format-time';
import { ownerName } from '../model/token-index';
import { tokenLabel } from '../model/token-label';
import { DescriptionEditor } from './description-editor';
import { useSketchDuringFling } from './fling-watch';
import { PermissionsSummaryTip } from './permissions-summary-tip';
import { OwnTokenBadge } from '../own-token/own-token-badge';
import { useOwnTokenId } from '../own-token/own-token-context';
import { StatusBadge } from './status-badge';
import { TokenRowActions, type RowAction } from '../actions/token-row-actions';
import '../../../components/ui/controls.css';
import './token-row-just-made.css';

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
  onAction: (action: RowAction, id: string) => void;
  /** Just generated, cloned or rotated. */
  highlighted?: boolean;
}

export const TokenRow = memo(function TokenRow(props: TokenRowProps) {
  return useSketchDuringFling() ? <TokenRowSketch {...props} /> : <WholeTokenRow {...props} />;
});

/** The row element's attributes, the same for a sketch and a whole row. */
function rowAttributes({ token, index, top, height, selected, highlighted = false }: TokenRowProps) {
  return {
    role: 'row',
    'aria-rowindex': index + 2,
    'data-index': index,
    className: `token-row${token.status === 'inactive' ? ' token-row--inactive' : ''}${selected ? ' token-row--selected' : ''}${highlighted ? ' token-row--just-made' : ''}`,
    style: { height, transform: `translateY(${top}px)` },
  };
}

/** The description button's class, which the sketch's text takes too so that it stands where the button will. */
function openClass(token: Authorization) {
  return `token-row__open${token.description ? '' : ' token-row__open--empty'}`;
}

/** The description where the whole row shows it, in its place and style, and nothing else. */
function TokenRowSketch(props: TokenRowProps) {
  return (
    <div {...rowAttributes(props)} data-sketch="">
      <div role="cell" className="token-cell token-cell--select" />
      <div role="cell" className="token-cell token-cell--description">
        <span className={`${openClass(props.token)} token-row__open--sketch`}>
          {tokenLabel(props.token.description)}
        </span>
      </div>
    </div>
  );
}

function WholeTokenRow(props: TokenRowProps) {
  const { token, onOpen, selected, onSelect, onAction } = props;
  const now = useNow();
  const label = tokenLabel(token.description);
  const own = useOwnTokenId() === token.id;
  return (
    <div {...rowAttributes(props)}>
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
            className={openClass(token)}
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
        <StatusBadge status={token.status} />
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
        <TokenRowActions id={token.id} label={label} status={token.status} onAction={onAction} />
      </div>
    </div>
  );
}
