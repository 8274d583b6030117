// The trail as an ARIA table whose rows are virtualized against the window's scroll, newest first. Rows take the
// height their text needs (a long rename wraps), measured as they mount; nearing the end asks for older entries.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../core/governance';
import { useNow } from '../../lib/use-now';
import { formatDateTimeZone, formatRelative } from '../../lib/format-time';
import { actionText, actorText, changeLines, viaText } from '../../lib/audit-text';
import './activity-table.css';
import { useBasePath } from '../../lib/org-query';

const COLUMNS = ['When', 'Token', 'Action', 'Change', 'Who', 'From'] as const;
/** A first guess at a row's height before it is measured. */
const ROW_ESTIMATE = 64;
/** Older entries are asked for when the last rendered row is this close to the end. */
const NEAR_END = 20;

interface ActivityTableProps {
  entries: readonly AuditEntry[];
  /** Called when the rows near the end are on screen (the page loads the next page, if any). */
  onNearEnd: () => void;
  busy: boolean;
}

export function ActivityTable({ entries, onNearEnd, busy }: ActivityTableProps) {
  const now = useNow();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => setScrollMargin(Math.round(body.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(document.body);
    return () => observer?.disconnect();
  }, []);

  const getItemKey = useCallback((index: number) => entries[index]?.seq ?? index, [entries]);
  const estimateSize = useCallback(() => ROW_ESTIMATE, []);
  const virtualizer = useWindowVirtualizer({
    count: entries.length,
    estimateSize,
    overscan: 8,
    scrollMargin,
    getItemKey,
    useFlushSync: false,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (lastIndex >= entries.length - NEAR_END) onNearEnd();
  }, [lastIndex, entries.length, onNearEnd]);

  return (
    <div
      role="table"
      aria-label="Activity"
      aria-rowcount={entries.length + 1}
      aria-busy={busy}
      className="activity-table"
    >
      <div role="rowgroup" className="activity-table__head">
        <div role="row" aria-rowindex={1} className="activity-row activity-row--head">
          {COLUMNS.map((column) => (
            <div role="columnheader" key={column} className="activity-cell">
              {column}
            </div>
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        ref={bodyRef}
        className="activity-table__body"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const entry = entries[item.index];
          if (!entry) return null;
          return (
            <div
              role="row"
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-rowindex={item.index + 2}
              className="activity-row"
              style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
            >
              <EntryCells entry={entry} now={now} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function EntryCells({ entry, now }: { entry: AuditEntry; now: number }) {
  const base = useBasePath();
  const changes = changeLines(entry);
  return (
    <>
      <div role="cell" className="activity-cell activity-cell--when">
        <time dateTime={entry.at}>{formatRelative(entry.at, now)}</time>
        <span className="activity-cell__sub">{formatDateTimeZone(entry.at)}</span>
      </div>
      <div role="cell" className="activity-cell activity-cell--token">
        <Link to={`${base}/tokens/${encodeURIComponent(entry.tokenID)}`} className="activity-cell__token">
          {entry.description || '(no description)'}
        </Link>
        <code className="activity-cell__sub">{entry.tokenID}</code>
      </div>
      <div role="cell" className="activity-cell activity-cell--action">
        {actionText(entry.action, entry.via)}
      </div>
      <div role="cell" className="activity-cell activity-cell--change">
        {changes.map((line) => (
          <span key={line} className="activity-cell__line">
            {line}
          </span>
        ))}
        {entry.note && <span className="activity-cell__sub">{entry.note}</span>}
      </div>
      <div role="cell" className="activity-cell activity-cell--who">
        {actorText(entry.actor)}
      </div>
      <div role="cell" className="activity-cell activity-cell--via">
        {viaText(entry.via)}
      </div>
    </>
  );
}
