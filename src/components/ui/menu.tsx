// A menu button (its menu opens aligned to the button's end). Until the person presses it, the trigger is a plain button and no menu machinery is mounted: a list
// of 100,000 rows mounts cheap rows as it scrolls. Pointing at it or focusing it fetches the machinery (Radix
// DropdownMenu, in menu-radix.tsx); pressing it (or Enter, Space, Arrow Down) swaps in the real menu, open.
import { cloneElement, useState, type ButtonHTMLAttributes, type ReactElement } from 'react';
import { lazyPart } from './lazy-part';
import type { MenuItem } from './menu-radix';

export type { MenuItem };

interface MenuProps {
  /** The button that opens the menu (its accessible name says what the menu is for). */
  trigger: ReactElement<ButtonHTMLAttributes<HTMLElement>>;
  items: MenuItem[];
  label?: string;
  /** Called when the person points at or focuses the trigger: the moment to preload what the items open. */
  onReach?: () => void;
}

// While the machinery downloads, the trigger stays where it is.
const RadixMenu = lazyPart(
  'the menu',
  () => import('./menu-radix').then((m) => m.RadixMenu),
  (props) => props.trigger,
);

const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown']);

export function Menu({ trigger, items, label, onReach }: MenuProps) {
  // Once pressed, the real menu stays (it returns focus to its own trigger when it closes).
  const [real, setReal] = useState(false);
  if (real) return <RadixMenu trigger={trigger} items={items} label={label} defaultOpen />;
  const reach = () => {
    onReach?.();
    RadixMenu.preload();
  };
  const press = () => {
    reach();
    setReal(true);
  };
  return cloneElement(trigger, {
    'aria-haspopup': 'menu',
    'aria-expanded': false,
    onPointerEnter: reach,
    onFocus: reach,
    onPointerDown: (event) => {
      if (event.button !== 0 || event.ctrlKey || trigger.props.disabled) return;
      // As Radix's own trigger does: the press must not focus the button, or the menu that opens (and takes focus)
      // would see focus leave it and close at once.
      event.preventDefault();
      press();
    },
    onKeyDown: (event) => {
      if (!OPENING_KEYS.has(event.key)) return;
      event.preventDefault();
      press();
    },
  });
}
