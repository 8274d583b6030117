// The token list as an ARIA table whose rows are virtualized against the window's scroll:
// only the rows on screen (plus a few) exist in the DOM, however many tokens match.
// The rows are one Tab stop, moved through with the arrow keys (use-row-keys.ts).
import type { Authorization } from '../../../../core/influx-types';
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ExpiryIndex } from '../model/expiry';
import type { SortDir, SortKey } from '../model/list-params';
import { timeZoneName } from '../../../lib/format-time';
import type { IndexedToken } from '../model/token-index';
import { formatCount } from '../model/token-count';
import { SortableHeader } from './sortable-header';
import { preloadPermissionsTip } from './permissions-summary-tip';
import { TokenRow } from './token-row';
import { useRowHeight } from './use-row-height';
import { focusedRow, useRowKeys, type Spot } from './use-row-keys';
import './tokens-table.css';
import './token-row.css';

interface TokensTableProps {
  rows: IndexedToken[];
  /** Each token as it is now: a change shows before the sorted view catches up. */
  byId: ReadonlyMap<string, Authorization>;
  onOpen: (id: string) => void;
  /** The person points at or focuses a token's description: the moment to fetch the drawer's code. */
  onOpenIntent: () => void;
  /** A token whose description button should get focus (after its drawer closed). */
  focusRequest: string | null;
  onFocusRequestDone: (found: boolean) => void;
  busy: boolean;
  selected: ReadonlySet<string>;
  /** How many of `rows` are selected, for the header checkbox. */
  selectedInView: number;
  /** `range`: a shift-click, for every row from the last clicked one. */
  onSelect: (id: string, checked: boolean, range: boolean) => void;
  /** The header checkbox: every row matching the filters, not only the rendered ones. */
  onSelectAll: (checked: boolean) => void;
  /** A token just generated, cloned or rotated: its row is highlighted for a moment. */
  highlight?: string | null;
  sort: SortKey;
  dir: SortDir;
  onSort: (sort: SortKey, dir: SortDir) => void;
  /** The org's expiries, looked up per row; undefined while they load. */
  expiries?: ExpiryIndex;
  /** Why expiries cannot be shown (unavailable here, or failed to load). */
  expiryUnavailable?: string;
}

const COLUMNS: { label: string; key?: SortKey; zone?: boolean }[] = [
  { label: 'Description', key: 'description' },
  { label: 'Status', key: 'status' },
  { label: 'Expires', key: 'expires' },
  { label: 'Owner', key: 'owner' },
  { label: 'Permissions' },
  { label: 'Created', key: 'created', zone: true },
  { label: 'Last modified', key: 'updated' },
];

export function TokensTable({
  rows,
  byId,
  onOpen,
  onOpenIntent,
  focusRequest,
  onFocusRequestDone,
  busy,
  selected,
  selectedInView,
  onSelect,
  onSelectAll,
  highlight = null,
  sort,
  dir,
  onSort,
  expiries,
  expiryUnavailable,
}: TokensTableProps) {
  const zone = timeZoneName();
  const allSelected = rows.length > 0 && selectedInView === rows.length;
  const someSelected = selectedInView > 0 && !allSelected;
  const matching = formatCount(rows.length);
  const bodyRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight();
  const [scrollMargin, setScrollMargin] = useState(0);
  // The row holding focus stays rendered (and whole) even when scrolled away, so focus (and typing) is never lost;
  // its control is the body's one Tab stop.
  const [spot, setSpot] = useState<Spot | null>(null);
  const focusedIndex = focusedRow(spot, rows.length);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => setScrollMargin(Math.round(body.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(document.body);
    return () => observer?.disconnect();
  }, []);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedIndex !== null && !indexes.includes(focusedIndex)) {
        indexes.push(focusedIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [focusedIndex],
  );

  // Stable functions: the virtualizer recomputes every row's position (O(rows), 100,000 keys) whenever
  // getItemKey or estimateSize changes, which a new arrow on each render did on every scrolled frame.
  const getItemKey = useCallback((index: number) => rows[index]?.token.id ?? index, [rows]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize,
    overscan: 10,
    scrollMargin,
    getItemKey,
    rangeExtractor,
    // A scroll position is rendered in React's own time rather than synchronously inside each scroll event, so
    // a fling's many scroll events within one frame cost one render, not one each.
    useFlushSync: false,
    // Known up front, the first rows render in the table's first (interruptible) render, not in a synchronous one.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  const items = virtualizer.getVirtualItems();
  // A scrollbar drag or a fling moves the list by more than half a screen between renders: rows that first appear
  // then are sketches (their description only) until it stops. Drawing whole rows at that speed dropped frames.
  const start = virtualizer.range?.startIndex ?? 0;
  const [moved, setMoved] = useState({ start, fast: false });
  if (moved.start !== start) {
    setMoved({ start, fast: Math.abs(start - moved.start) > window.innerHeight / rowHeight / 2 });
  }
  const sketch = virtualizer.isScrolling && moved.fast;
  const keys = useRowKeys({ spot, setSpot, bodyRef, headRef, count: rows.length, start, rowHeight, onOpenIntent });

  useEffect(() => {
    if (!focusRequest) return;
    const button = bodyRef.current?.querySelector<HTMLElement>(
      `[data-open-token="${focusRequest.replace(/["\\]/g, '\\$&')}"]`,
    );
    if (button) {
      button.focus();
      onFocusRequestDone(true);
      return;
    }
    const index = rows.findIndex((row) => row.token.id === focusRequest);
    if (index === -1) onFocusRequestDone(false);
    // A sketched row has no button yet: wait until the list stops and the row is whole.
    else if (!sketch) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [focusRequest, rows, items, sketch, virtualizer, onFocusRequestDone]);

  return (
    <div
      role="table"
      id="token-list"
      tabIndex={-1}
      aria-label="API tokens"
      aria-rowcount={rows.length + 1}
      aria-busy={busy}
      className="tokens-table"
      // A keyboard user in the list will Tab to a permission summary soon: fetch its tooltip's code now, so the
      // summary does not swap under their focus.
      onFocus={preloadPermissionsTip}
    >
      <div role="rowgroup" ref={headRef} className="tokens-table__head">
        <div role="row" aria-rowindex={1} className="token-row token-row--head">
          <div role="columnheader" className="token-cell token-cell--select">
            <label
              className="select-all"
              title={`Select all ${matching} matching tokens, also those scrolled out of view`}
            >
              <input
                type="checkbox"
                className="checkbox"
                checked={allSelected}
                ref={(box) => {
                  if (box) box.indeterminate = someSelected;
                }}
                onChange={(e) => onSelectAll(e.target.checked)}
              />
              {/* Shown on narrow screens, where the column headings are hidden; the checkbox's name either way. */}
              <span className="select-all__text">Select all {matching} matching</span>
            </label>
          </div>
          {COLUMNS.map((column) =>
            column.key ? (
              <SortableHeader
                key={column.label}
                column={column.key}
                label={column.label}
                note={column.zone && zone ? <span className="sort-button__zone"> ({zone})</span> : undefined}
                sort={sort}
                dir={dir}
                onSort={onSort}
              />
            ) : (
              <div role="columnheader" key={column.label} className="token-cell">
                {column.label}
              </div>
            ),
          )}
          <div role="columnheader" className="token-cell token-cell--actions">
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
      </div>
      <div
        role="rowgroup"
        ref={bodyRef}
        className="tokens-table__body"
        style={{ height: virtualizer.getTotalSize() }}
        onFocus={keys.onFocus}
        onPointerOver={keys.onPointerOver}
        onKeyDownCapture={keys.onKeyDownCapture}
      >
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <TokenRow
              key={item.key}
              token={byId.get(row.token.id) ?? row.token}
              index={item.index}
              onOpen={onOpen}
              top={item.start - scrollMargin}
              height={item.size}
              selected={selected.has(row.token.id)}
              onSelect={onSelect}
              highlighted={highlight === row.token.id}
              sketch={sketch && item.index !== focusedIndex}
              expiry={expiries?.byToken.get(row.token.id)}
              expiryUnavailable={expiryUnavailable}
            />
          );
        })}
      </div>
    </div>
  );
}
