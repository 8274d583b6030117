// A menu button (Radix DropdownMenu): a trigger and a list of items, each with its own action.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';
import './menu.css';

export interface MenuItem {
  label: string;
  /** A second line under the label. */
  hint?: string;
  onSelect: () => void;
  tone?: 'danger';
  disabled?: boolean;
}

interface MenuProps {
  /** The button that opens the menu (its accessible name says what the menu is for). */
  trigger: ReactNode;
  items: MenuItem[];
  align?: 'start' | 'end';
  label?: string;
}

export function Menu({ trigger, items, align = 'start', label }: MenuProps) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align={align} sideOffset={4} aria-label={label} collisionPadding={8}>
          {items.map((item) => (
            <DropdownMenu.Item
              key={item.label}
              className={`menu__item${item.tone === 'danger' ? ' menu__item--danger' : ''}`}
              disabled={item.disabled}
              onSelect={item.onSelect}
            >
              <span className="menu__label">{item.label}</span>
              {item.hint && <span className="menu__hint">{item.hint}</span>}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
