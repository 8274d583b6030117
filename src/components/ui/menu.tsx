// A menu button: a trigger and a list of items, each with its own action. Until the person points at it, focuses
// it or presses it, the trigger is a plain button and the menu's machinery (Radix DropdownMenu, in menu-radix.tsx)
// is neither mounted nor, on first load, downloaded: a list of 100,000 rows mounts cheap rows as it scrolls.
import {
  cloneElement,
  useLayoutEffect,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  type Ref,
} from 'react';
import { onDemand, useOnDemand } from './on-demand';

export interface MenuItem {
  label: string;
  /** A second line under the label. */
  hint?: string;
  onSelect: () => void;
  tone?: 'danger';
  disabled?: boolean;
}

export interface MenuProps {
  /** The button that opens the menu (its accessible name says what the menu is for). */
  trigger: ReactElement<TriggerProps>;
  items: MenuItem[];
  align?: 'start' | 'end';
  label?: string;
  /** Called when the person first points at or focuses the trigger: a chance to preload what the items open. */
  onReach?: () => void;
}

interface TriggerProps {
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void;
  onPointerDown?: (event: PointerEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  ref?: Ref<HTMLElement>;
  'aria-haspopup'?: 'menu';
  'aria-expanded'?: boolean;
  disabled?: boolean;
}

export const menuModule = onDemand(() => import('./menu-radix'));

const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown']);

export function Menu(props: MenuProps) {
  // Once wanted, the real menu stays: a person who pointed at it once may well come back.
  const [wanted, setWanted] = useState(false);
  const [openAtOnce, setOpenAtOnce] = useState(false);
  /** The plain button had focus: the real one takes it over. */
  const [focusFollows, setFocusFollows] = useState(false);
  const [realTrigger, setRealTrigger] = useState<HTMLElement | null>(null);
  const real = useOnDemand(menuModule, wanted);

  useLayoutEffect(() => {
    // Only if focus went nowhere (it was on the plain button, which is gone): never pull it from elsewhere.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (realTrigger && focusFollows && lost) realTrigger.focus({ preventScroll: true });
  }, [realTrigger, focusFollows]);

  if (real) {
    const trigger = cloneElement(props.trigger, { ref: setRealTrigger });
    return (
      <real.RadixMenu
        items={props.items}
        align={props.align}
        label={props.label}
        trigger={trigger}
        defaultOpen={openAtOnce}
      />
    );
  }
  const { onReach } = props;
  const disabled = props.trigger.props.disabled;
  const want = () => {
    onReach?.();
    void menuModule.preload().catch(() => {});
    setWanted(true);
  };
  return cloneElement(props.trigger, {
    'aria-haspopup': 'menu',
    'aria-expanded': false,
    // Pointing at it only fetches the machinery: the button is swapped on press or focus, so the press that
    // follows lands on the button that handles it.
    onPointerEnter: () => {
      onReach?.();
      void menuModule.preload().catch(() => {});
    },
    onFocus: () => {
      setFocusFollows(true);
      want();
    },
    onPointerDown: (event) => {
      if (event.button !== 0 || event.ctrlKey || disabled) return;
      // As Radix's own trigger does: the press must not focus the button, or the menu that opens (and takes
      // focus) would see focus leave it and close at once.
      event.preventDefault();
      setOpenAtOnce(true);
      want();
    },
    onKeyDown: (event) => {
      if (!OPENING_KEYS.has(event.key)) return;
      event.preventDefault();
      setFocusFollows(true);
      setOpenAtOnce(true);
      want();
    },
  });
}
