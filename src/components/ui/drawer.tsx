// A side sheet: a Radix Dialog anchored to the right edge, with a title, a Close button and its own toast outlet.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { CloseIcon } from './icons';
import { ToastOutlet } from './toast-outlet';
import './drawer.css';

interface DrawerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** Read by assistive technology after the title. */
  description?: string;
  /** Radix returns focus to the trigger by default; pages with virtualized triggers take it over here. */
  onCloseAutoFocus?: (event: Event) => void;
  /** Call event.preventDefault() to keep the drawer open (e.g. Escape meant for a field inside). */
  onEscapeKeyDown?: (event: KeyboardEvent) => void;
  children: ReactNode;
}

export function Drawer({
  open,
  onOpenChange,
  title,
  description,
  onCloseAutoFocus,
  onEscapeKeyDown,
  children,
}: DrawerProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="drawer-overlay" />
        <Dialog.Content
          className="drawer"
          onCloseAutoFocus={onCloseAutoFocus}
          onEscapeKeyDown={onEscapeKeyDown}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <header className="drawer__header">
            <Dialog.Title className="drawer__title">{title}</Dialog.Title>
            <Dialog.Close className="icon-btn icon-btn--large" aria-label="Close">
              <CloseIcon />
            </Dialog.Close>
          </header>
          {description && <Dialog.Description className="visually-hidden">{description}</Dialog.Description>}
          <div className="drawer__body">{children}</div>
          <ToastOutlet />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
