// The menu's machinery (Radix DropdownMenu), loaded by menu.tsx once the person reaches for a menu.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactElement } from 'react';
import './menu.css';

export interface MenuItem {
  label: string;
  /** A second line under the label. */
  hint?: string;
  onSelect: () => void;
  tone?: 'danger';
}

export interface RadixMenuProps {
  trigger: ReactElement;
  items: MenuItem[];
  label?: string;
  /** Pressed (not only focused) before the machinery arrived: open at once. */
  defaultOpen: boolean;
}

export function RadixMenu({ trigger, items, label, defaultOpen }: RadixMenuProps) {
  return (
    <DropdownMenu.Root modal={false} defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4} aria-label={label} collisionPadding={8}>
          {items.map((item) => (
            <DropdownMenu.Item
              key={item.label}
              className={`menu__item${item.tone === 'danger' ? ' menu__item--danger' : ''}`}
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
