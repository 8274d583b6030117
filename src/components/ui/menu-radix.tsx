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
  /** Set on every item of a menu that picks one of several (an org): true marks the one in use (menuitemradio). */
  current?: boolean;
  /** Shown but not chosen (a line saying the list is still loading). */
  disabled?: boolean;
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
          {items.some((item) => item.current !== undefined) ? (
            <DropdownMenu.RadioGroup value={items.find((item) => item.current)?.label ?? ''}>
              {items.map((item) => (
                <DropdownMenu.RadioItem
                  key={item.label}
                  value={item.label}
                  className="menu__item menu__item--choice"
                  disabled={item.disabled}
                  onSelect={item.onSelect}
                >
                  <MenuItemText item={item} />
                  <DropdownMenu.ItemIndicator className="menu__check" aria-hidden="true">
                    ✓
                  </DropdownMenu.ItemIndicator>
                </DropdownMenu.RadioItem>
              ))}
            </DropdownMenu.RadioGroup>
          ) : (
            items.map((item) => (
              <DropdownMenu.Item
                key={item.label}
                className={`menu__item${item.tone === 'danger' ? ' menu__item--danger' : ''}`}
                disabled={item.disabled}
                onSelect={item.onSelect}
              >
                <MenuItemText item={item} />
              </DropdownMenu.Item>
            ))
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function MenuItemText({ item }: { item: MenuItem }) {
  return (
    <>
      <span className="menu__label">{item.label}</span>
      {item.hint && <span className="menu__hint">{item.hint}</span>}
    </>
  );
}
