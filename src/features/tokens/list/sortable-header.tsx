// A column heading that sorts the list: a button in a columnheader with aria-sort; the arrow shows the direction.
import type { ReactNode } from 'react';
import type { SortDir, SortKey } from '../model/list-params';

interface SortableHeaderProps {
  column: SortKey;
  label: string;
  /** Extra words after the label, e.g. the time zone. */
  note?: ReactNode;
  sort: SortKey;
  dir: SortDir;
  onSort: (sort: SortKey, dir: SortDir) => void;
}

export function SortableHeader({ column, label, note, sort, dir, onSort }: SortableHeaderProps) {
  const current = sort === column;
  // Dates sort newest first, the rest A → Z; expiry soonest first.
  const firstDir = column === 'created' || column === 'updated' ? 'desc' : 'asc';
  const ariaSort = current ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <div
      role="columnheader"
      aria-sort={ariaSort}
      className={`token-cell token-cell--sortable token-cell--head-${column}`}
    >
      {/* Narrow screens hide the headings (the Sort menu sorts there): a plain name, so no unseen button takes focus. */}
      <span className="sort-header__text">{label}</span>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(column, current ? (dir === 'asc' ? 'desc' : 'asc') : firstDir)}
      >
        {label}
        {note}
        <SortArrow state={current ? dir : 'none'} />
      </button>
    </div>
  );
}

/** Drawn, not a text glyph: the packaged fonts lack the arrows. Up for ascending, down for descending, both when unsorted. */
function SortArrow({ state }: { state: SortDir | 'none' }) {
  return (
    <svg className="sort-button__arrow" width="10" height="12" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      {state !== 'desc' && <path d="M5 1 9 5H1z" fill="currentColor" />}
      {state !== 'asc' && <path d="M5 11 1 7h8z" fill="currentColor" />}
    </svg>
  );
}
