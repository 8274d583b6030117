// The permission summary's tooltip (Radix Tooltip), loaded by permissions-summary-tip.tsx once the person points at,
// focuses or taps the summary: every permission with the names and IDs of what it reaches.
import * as Tooltip from '@radix-ui/react-tooltip';
import { useEffect, useRef, useState } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { permissionTarget } from '../model/permission-text';
import { cachedPermissionsSummary } from '../model/permissions-summary';

/** How the person reached the summary: the tooltip takes over from there. */
export type TipStart = 'hover' | 'focus' | 'tap';

const HOVER_DELAY_MS = 250;
/** More than this many lines would not fit a tooltip; the drawer lists them all. */
const MAX_LINES = 14;

export function PermissionsTip({ token, start }: { token: Authorization; start: TipStart }) {
  const [open, setOpen] = useState(start === 'tap');
  const focusedAt = useRef(0);
  const trigger = useRef<HTMLButtonElement>(null);
  const scrolledAfterFocus = useRef(false);
  const hovered = useRef(start === 'hover');

  useEffect(() => {
    // Focus was on the plain summary, which is gone: this one takes it (never pulled from elsewhere).
    const lost = !document.activeElement || document.activeElement === document.body;
    if (start === 'focus' && lost) trigger.current?.focus({ preventScroll: true });
    if (start !== 'hover') return;
    // The pointer came in over the plain summary, which gave way to this one: Radix counts its delay from the
    // next pointer move, which may never come. Open after the same delay if the pointer is still over it: a dialog
    // that opened over it meanwhile sends no pointerleave, and a tooltip opened under a dialog would take its Escape.
    const timer = setTimeout(() => {
      if (hovered.current && trigger.current?.matches(':hover')) setOpen(true);
    }, HOVER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [start]);
  const orgNames = (orgID: string) => (orgID === token.orgID ? token.org : undefined);
  const { permissions } = token;
  const lines = permissions.slice(0, MAX_LINES);
  const more = permissions.length - lines.length;

  return (
    <Tooltip.Provider delayDuration={HOVER_DELAY_MS} skipDelayDuration={150}>
      <Tooltip.Root
        open={open}
        onOpenChange={(next) => {
          // Tabbing to a row below the fold scrolls the page, and Radix closes a tooltip on scroll: the person
          // would never see it. A close right after focus is that scroll, not the person.
          const focusScroll =
            scrolledAfterFocus.current &&
            Date.now() - focusedAt.current < 400 &&
            document.activeElement === trigger.current;
          if (!next && focusScroll) return;
          setOpen(next);
        }}
      >
        <Tooltip.Trigger asChild>
          <button
            ref={trigger}
            type="button"
            className="perm-summary"
            onClick={(event) => {
              // Radix closes a tooltip on click, yet a tap is how a touch screen opens one: a click toggles it.
              event.preventDefault();
              setOpen((o) => !o);
            }}
            onPointerLeave={() => {
              hovered.current = false;
            }}
            onFocus={() => {
              focusedAt.current = Date.now();
              scrolledAfterFocus.current = false;
              const onScroll = () => {
                scrolledAfterFocus.current = true;
              };
              // The window this focus happened in: the global may be gone when the timer fires (a closed test page).
              const view = window;
              view.addEventListener('scroll', onScroll, { capture: true, once: true });
              setTimeout(() => view.removeEventListener('scroll', onScroll, { capture: true }), 400);
            }}
          >
            {cachedPermissionsSummary(permissions)}
          </button>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="perm-tip" side="bottom" align="start" sideOffset={4} collisionPadding={8}>
            <p className="perm-tip__title">
              {permissions.length === 0
                ? 'This token has no permissions.'
                : `${permissions.length} ${permissions.length === 1 ? 'permission' : 'permissions'}:`}
            </p>
            {lines.length > 0 && (
              <ul className="perm-tip__list">
                {lines.map((p, i) => (
                  <li key={i}>
                    <span className={`perm-tip__action perm-tip__action--${p.action}`}>
                      {p.action === 'read' ? 'Read' : 'Write'}
                    </span>{' '}
                    {permissionTarget(p, orgNames)}
                  </li>
                ))}
              </ul>
            )}
            {more > 0 && <p className="perm-tip__more">and {more} more: open the token to see them all.</p>}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
