// Every dialog of the app, on one Radix shell with three shapes:
// - modal: a centred Dialog; a click beside it must not throw away what was typed, so only Escape, Close or the
//   footer end it;
// - confirm: a question that needs an answer (AlertDialog: it focuses Cancel first and ignores clicks outside);
// - drawer: a Dialog at the right edge, with its own toast outlet so a toast's Undo stays inside its focus trap.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { X } from 'lucide-react';
import { onProduction, ProductionMark, useProduction } from './production-mark';
import { ToastOutlet } from './toast-outlet';
import './dialog.css';

export interface DialogProps {
  variant?: 'modal' | 'confirm' | 'drawer';
  /** Escape, the Close button or Cancel; never called while `busy`. */
  onClose: () => void;
  title: ReactNode;
  /** Shown under the title and read after it (a drawer's is read only). */
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  size?: 'small' | 'large';
  /** False hides the corner Close button (when the footer has the only way out); a question never has one. */
  closeButton?: boolean;
  /** A request under way: the dialog stays open. */
  busy?: boolean;
  /** Call event.preventDefault() to keep the dialog open (e.g. Escape meant for a field inside). */
  onEscapeKeyDown?: (event: KeyboardEvent) => void;
  onOpenAutoFocus?: (event: Event) => void;
  /** Radix returns focus to what opened the dialog; a page whose opener may be gone takes that over here. */
  onCloseAutoFocus?: (event: Event) => void;
}

export function Dialog({
  variant = 'modal',
  onClose,
  title,
  description,
  children,
  footer,
  size = 'small',
  closeButton = variant !== 'confirm',
  busy = false,
  onEscapeKeyDown,
  onOpenAutoFocus,
  onCloseAutoFocus,
}: DialogProps) {
  const Primitive = variant === 'confirm' ? AlertDialog : RadixDialog;
  // A question asked about a production connection says so in its title, and shows the mark.
  const production = useProduction();
  const onProd = variant === 'confirm' && production !== null;
  if (onProd && typeof title === 'string') title = onProduction(title, production.name);
  const drawer = variant === 'drawer';
  const describe = description && (
    <Primitive.Description className={drawer ? 'visually-hidden' : 'dialog__description'}>
      {description}
    </Primitive.Description>
  );
  return (
    <Primitive.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Primitive.Portal>
        <Primitive.Overlay className={`dialog-overlay dialog-overlay--${variant}`} />
        <Primitive.Content
          className={`dialog dialog--${variant} dialog--${size}`}
          onEscapeKeyDown={(event) => {
            if (busy) event.preventDefault();
            onEscapeKeyDown?.(event);
          }}
          onOpenAutoFocus={onOpenAutoFocus}
          onCloseAutoFocus={onCloseAutoFocus}
          {...(variant === 'modal' && { onPointerDownOutside: (event: Event) => event.preventDefault() })}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <header className="dialog__header">
            <Primitive.Title className="dialog__title">{title}</Primitive.Title>
            {closeButton && (
              <RadixDialog.Close className="icon-btn icon-btn--large" aria-label="Close">
                <X />
              </RadixDialog.Close>
            )}
          </header>
          {drawer && describe}
          <div className="dialog__body">
            {onProd && <ProductionMark name={production.name} />}
            {!drawer && describe}
            {children}
          </div>
          {footer && <footer className="dialog__footer">{footer}</footer>}
          {drawer && <ToastOutlet />}
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}

/** A question's Cancel: the button an AlertDialog focuses first, so Enter never confirms by accident. */
export const DialogCancel = AlertDialog.Cancel;

interface ConfirmDialogProps extends Omit<DialogProps, 'variant' | 'footer' | 'closeButton' | 'size'> {
  actionLabel: string;
  onAction: () => void;
  cancelLabel?: string;
  tone?: 'danger' | 'primary';
  /** Said on the action button while `busy`. */
  busyLabel?: string;
}

/** A question with Cancel and one named action: "Delete “x”?", "Rotate “x”?". */
export function ConfirmDialog({
  actionLabel,
  onAction,
  cancelLabel = 'Cancel',
  tone = 'danger',
  busyLabel,
  ...dialog
}: ConfirmDialogProps) {
  const { busy } = dialog;
  return (
    <Dialog
      {...dialog}
      variant="confirm"
      footer={
        <>
          <DialogCancel className="btn" disabled={busy}>
            {cancelLabel}
          </DialogCancel>
          <button
            type="button"
            className={`btn ${tone === 'danger' ? 'btn--danger' : 'btn--primary'}`}
            disabled={busy}
            onClick={onAction}
          >
            {busy ? (busyLabel ?? actionLabel) : actionLabel}
          </button>
        </>
      }
    />
  );
}
