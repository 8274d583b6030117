// The list's permission summary ("Read 2 types", "Operator") as a button that explains itself: hovering or focusing
// it (or tapping it, on a touch screen) shows every permission with the names and IDs of what it reaches.
import * as Tooltip from '@radix-ui/react-tooltip';
import { memo, useRef, useState, type MouseEvent } from 'react';
import type { Authorization } from '../../../../core/influx-types';
import { permissionTarget } from '../model/permission-text';
import { cachedPermissionsSummary } from '../model/permissions-summary';
import './permissions-summary-tip.css';

/** More than this many lines would not fit a tooltip; the drawer lists them all. */
const MAX_LINES = 14;

export const PermissionsSummaryTip = memo(function PermissionsSummaryTip({ token }: { token: Authorization }) {
  const [open, setOpen] = useState(false);
  const focusedAt = useRef(0);
  const trigger = useRef<HTMLButtonElement>(null);
  const scrolledAfterFocus = useRef(false);
  const summary = cachedPermissionsSummary(token.permissions);
  const orgNames = (orgID: string) => (orgID === token.orgID ? token.org : undefined);
  const lines = token.permissions.slice(0, MAX_LINES);
  const more = token.permissions.length - lines.length;

  function toggle(event: MouseEvent) {
    // Radix closes a tooltip on click; a tap is the only way to open one on a touch screen, so a click toggles it.
    event.preventDefault();
    setOpen((o) => !o);
  }

  return (
    <Tooltip.Provider delayDuration={250} skipDelayDuration={150}>
      <Tooltip.Root
        open={open}
        onOpenChange={(next) => {
          // Tabbing to a row below the fold scrolls the page, and Radix closes a tooltip on scroll: the person
          // would never see it. A close right after focus is that scroll, not the person.
          if (!next && scrolledAfterFocus.current && Date.now() - focusedAt.current < 400 && document.activeElement === trigger.current) return;
          setOpen(next);
        }}
      >
        <Tooltip.Trigger asChild>
          <button
            ref={trigger}
            type="button"
            className="perm-summary"
            onClick={toggle}
            onFocus={() => {
              focusedAt.current = Date.now();
              scrolledAfterFocus.current = false;
              const onScroll = () => {
                scrolledAfterFocus.current = true;
              };
              window.addEventListener('scroll', onScroll, { capture: true, once: true });
              setTimeout(() => window.removeEventListener('scroll', onScroll, { capture: true }), 400);
            }}
          >
            {summary}
          </button>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="perm-tip" side="bottom" align="start" sideOffset={4} collisionPadding={8}>
            <p className="perm-tip__title">
              {token.permissions.length === 0 ? 'This token has no permissions.' : `${token.permissions.length} ${token.permissions.length === 1 ? 'permission' : 'permissions'}:`}
            </p>
            {lines.length > 0 && (
              <ul className="perm-tip__list">
                {lines.map((p, i) => (
                  <li key={i}>
                    <span className={`perm-tip__action perm-tip__action--${p.action}`}>{p.action === 'read' ? 'Read' : 'Write'}</span>{' '}
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
});
