// A centred modal dialog: Radix Dialog with a title, an optional description, a body and a footer of buttons.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { CloseIcon } from './icons';
import './modal-dialog.css';

interface ModalDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** Shown under the title and read after it. */
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'large';
  /** Call event.preventDefault() to keep the dialog open (e.g. to ask first). */
  onEscapeKeyDown?: (event: KeyboardEvent) => void;
  onCloseAutoFocus?: (event: Event) => void;
  onOpenAutoFocus?: (event: Event) => void;
  /** False hides the corner Close button (when the footer has the only way out). */
  closeButton?: boolean;
}

export function ModalDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  size = 'small',
  onEscapeKeyDown,
  onCloseAutoFocus,
  onOpenAutoFocus,
  closeButton = true,
}: ModalDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content
          className={`modal modal--${size}`}
          onEscapeKeyDown={onEscapeKeyDown}
          onCloseAutoFocus={onCloseAutoFocus}
          onOpenAutoFocus={onOpenAutoFocus}
          // A click beside a form must not throw away what was typed or chosen.
          onPointerDownOutside={(event) => event.preventDefault()}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <header className="modal__header">
            <Dialog.Title className="modal__title">{title}</Dialog.Title>
            {closeButton && (
              <Dialog.Close className="icon-btn icon-btn--large" aria-label="Close">
                <CloseIcon />
              </Dialog.Close>
            )}
          </header>
          <div className="modal__body">
            {description && <Dialog.Description className="modal__description">{description}</Dialog.Description>}
            {children}
          </div>
          {footer && <footer className="modal__footer">{footer}</footer>}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
