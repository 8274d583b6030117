// Shown while tokens are selected: how many, and what can be done to all of them.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { type BulkAction } from '../model/bulk-plan';
import { formatCount } from '../model/token-count';
import { usePageDialog } from './page-dialog';
import './bulk-bar.css';

interface BulkBarProps {
  count: number;
  /** Selected tokens the current filters hide. */
  hidden: number;
  onAction: (action: BulkAction) => void;
  /** Absent when expiry is unavailable here (no server-held token, or not loaded). */
  onSetExpiry?: () => void;
  onClear: () => void;
}

export function BulkBar({ count, hidden, onAction, onSetExpiry, onClear }: BulkBarProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { preload } = usePageDialog();
  // Tokens are selected: what the bar's buttons open is fetched now, so it opens at once.
  useEffect(() => preload('bulk', 'bulk-expiry'), [preload]);
  // The table's sticky headings sit right under the bar (and the filters it lies over), however they wrap.
  useLayoutEffect(() => {
    const bar = ref.current;
    const page = bar?.closest<HTMLElement>('.tokens-page');
    const controls = bar?.parentElement;
    if (!bar || !page || !controls) return;
    const measure = () =>
      page.style.setProperty('--bulk-bar-height', `${Math.max(bar.offsetHeight, controls.offsetHeight)}px`);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(bar);
    observer?.observe(controls);
    return () => {
      observer?.disconnect();
      page.style.removeProperty('--bulk-bar-height');
    };
  }, []);

  return (
    <div ref={ref} className="bulk-bar" role="region" aria-label="Selected tokens">
      <div className="bulk-bar__summary">
        <p className="bulk-bar__count" aria-live="polite">
          <strong>{formatCount(count)} selected</strong>
          {hidden > 0 && (
            <span className="bulk-bar__hidden"> ({formatCount(hidden)} not shown by the current filters)</span>
          )}
        </p>
        <button type="button" className="btn btn--small bulk-bar__clear" onClick={onClear}>
          Clear selection
        </button>
      </div>
      <div className="bulk-bar__actions">
        <button type="button" className="btn btn--small" onClick={() => onAction('activate')}>
          Activate
        </button>
        <button type="button" className="btn btn--small" onClick={() => onAction('deactivate')}>
          Deactivate
        </button>
        {onSetExpiry && (
          <button type="button" className="btn btn--small" onClick={onSetExpiry}>
            Set expiry
          </button>
        )}
        <button type="button" className="btn btn--small bulk-bar__delete" onClick={() => onAction('delete')}>
          Delete
        </button>
      </div>
    </div>
  );
}
