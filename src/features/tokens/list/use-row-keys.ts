// The token list's rows as one Tab stop (roving focus): the arrow keys, Home/End and PageUp/PageDown move between
// the rows' controls, as WAI-ARIA's grid pattern describes, with one key handler on the table body. A row out of the
// DOM is rendered first (the table keeps the focused row rendered), then focused and scrolled in.
import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';

/** Where the keyboard is in the list: a row (its index among the filtered rows), a cell of it, a control in the cell. */
export interface Spot {
  index: number;
  cell: number;
  slot: number;
}

const CONTROLS = 'button, input, a[href]';

const sameSpot = (a: Spot | null, b: Spot) => a?.index === b.index && a.cell === b.cell && a.slot === b.slot;

function spotOf(control: HTMLElement): Spot | null {
  const row = control.closest<HTMLElement>('[data-index]');
  const cell = control.closest('[role="cell"]');
  if (!row || !cell) return null;
  return {
    index: Number(row.dataset.index),
    cell: [...row.children].indexOf(cell),
    slot: [...cell.querySelectorAll(CONTROLS)].indexOf(control),
  };
}

/** The control at a spot, if its row is rendered whole: the same column's, or the nearest one in that cell. */
function controlAt(body: HTMLElement, spot: Spot): HTMLElement | null {
  const row = body.querySelector(`:scope > [data-index="${spot.index}"]:not([data-sketch])`);
  if (!row) return null;
  const inCell = row.children[spot.cell]?.querySelectorAll<HTMLElement>(CONTROLS);
  if (!inCell?.length) return row.querySelector<HTMLElement>(CONTROLS);
  return inCell[Math.min(spot.slot, inCell.length - 1)] ?? null;
}

/** A long description is cut in the middle (token-row.tsx): marked so, the table shows it whole on hover and focus. */
export function markCut(button: HTMLElement) {
  const cut = [button, ...button.children].some((part) => part.scrollWidth > part.clientWidth);
  button.toggleAttribute('data-cut', cut);
}

interface RowKeysOptions {
  /** Where focus is in the list: state of the table, which keeps that row rendered. */
  spot: Spot | null;
  setSpot: (spot: Spot | null | ((current: Spot | null) => Spot | null)) => void;
  bodyRef: RefObject<HTMLDivElement | null>;
  /** The sticky headings: a row scrolled in by key stops below them. */
  headRef: RefObject<HTMLDivElement | null>;
  /** How many rows match. */
  count: number;
  /** The first row on screen: its control is the Tab stop while no row had focus yet. */
  start: number;
  rowHeight: number;
  /** The person points at or focuses a token's description: the moment to fetch the drawer's code. */
  onOpenIntent: () => void;
}

/** The row holding focus, if it still matches: the table keeps it rendered, and whole. */
export function focusedRow(spot: Spot | null, count: number): number | null {
  return spot && spot.index < count ? spot.index : null;
}

/** The handlers go on the table body. */
export function useRowKeys(options: RowKeysOptions) {
  const { spot, setSpot, bodyRef, headRef, count, start, rowHeight, onOpenIntent } = options;
  /** A spot an arrow key moved to whose row was not rendered yet: focused once it is. */
  const goTo = useRef<Spot | null>(null);
  const focusedIndex = focusedRow(spot, count);

  // Roving focus: every control in the body but one is out of the Tab order. A row scrolled in gets its controls
  // in the same commit; a control a row re-creates by itself (an editor closing) is caught when focus moves.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    if (goTo.current && goTo.current.index >= count) goTo.current = null;
    const pending = goTo.current && controlAt(body, goTo.current);
    if (pending) {
      goTo.current = null;
      focusAndReveal(pending);
    }
    rove(body, focusedIndex === null ? null : spot);
  });

  function rove(body: HTMLElement, at: Spot | null) {
    const stop =
      (at && controlAt(body, at)) ||
      body.querySelector<HTMLElement>(`:scope > [data-index="${start}"] :is(${CONTROLS})`) ||
      body.querySelector<HTMLElement>(CONTROLS);
    for (const control of body.querySelectorAll<HTMLElement>(CONTROLS)) {
      const tabIndex = control === stop ? 0 : -1;
      if (control.tabIndex !== tabIndex) control.tabIndex = tabIndex;
    }
  }

  /** Focus, then scroll the row just into view: not under the sticky headings (nor the bulk bar above them). */
  function focusAndReveal(control: HTMLElement) {
    control.focus({ preventScroll: true });
    const row = control.closest('[role="row"]')?.getBoundingClientRect();
    const top = Math.max(0, headRef.current?.getBoundingClientRect().bottom ?? 0);
    if (!row) return;
    if (row.top < top) window.scrollBy(0, row.top - top);
    else if (row.bottom > window.innerHeight) window.scrollBy(0, row.bottom - window.innerHeight);
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const at = spotOf(target);
    if (at) setSpot((current) => (sameSpot(current, at) ? current : at));
    if (target.matches('[data-open-token]')) {
      onOpenIntent();
      markCut(target);
    }
    if (bodyRef.current) rove(bodyRef.current, at ?? spot);
  }

  function onPointerOver(event: PointerEvent<HTMLDivElement>) {
    const open = (event.target as Element).closest<HTMLElement>('[data-open-token]');
    if (!open) return;
    onOpenIntent();
    markCut(open);
  }

  /** The grid keys of WAI-ARIA's grid pattern. Capture phase: Arrow Down moves to the next row, not into a menu. */
  function onKeyDownCapture(event: KeyboardEvent<HTMLDivElement>) {
    const body = bodyRef.current;
    const target = event.target as HTMLElement;
    // Text boxes keep their keys; portalled menus and tooltips bubble here through React but are not in the body.
    if (!body?.contains(target) || event.altKey || event.metaKey || event.shiftKey) return;
    if (target.matches('input:not([type="checkbox"])')) return;
    const from = goTo.current ?? spotOf(target);
    if (!from) return;
    const top = Math.max(0, headRef.current?.getBoundingClientRect().bottom ?? 0);
    const page = Math.max(1, Math.floor((window.innerHeight - top) / rowHeight) - 1);
    const index = {
      ArrowDown: from.index + 1,
      ArrowUp: from.index - 1,
      PageDown: from.index + page,
      PageUp: from.index - page,
      Home: 0,
      End: count - 1,
    }[event.key];
    const sideways = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if ((index === undefined && !sideways) || (event.ctrlKey && event.key !== 'Home' && event.key !== 'End')) return;
    event.preventDefault();
    event.stopPropagation();
    if (sideways) {
      const controls = [...(target.closest('[role="row"]')?.querySelectorAll<HTMLElement>(CONTROLS) ?? [])];
      controls[controls.indexOf(target) + sideways]?.focus();
      return;
    }
    const to = { ...from, index: Math.max(0, Math.min(count - 1, index ?? from.index)) };
    const control = controlAt(body, to);
    if (control) {
      focusAndReveal(control);
    } else {
      // Not rendered: the spot's row is rendered whole in the next commit, whose layout effect focuses it.
      goTo.current = to;
      setSpot(to);
    }
  }

  return { onFocus, onPointerOver, onKeyDownCapture };
}
