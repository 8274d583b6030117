// A question that needs an answer before anything happens (Radix AlertDialog): Cancel, or the named action.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';
import './modal-dialog.css';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  /** Extra content under the description (progress, a report, an error). */
  children?: ReactNode;
  cancelLabel?: string;
  actionLabel: string;
  onAction: () => void;
  tone?: 'danger' | 'primary';
  /** While true the action button is disabled and says `busyLabel`. */
  busy?: boolean;
  busyLabel?: string;
  onCloseAutoFocus?: (event: Event) => void;
}

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  cancelLabel = 'Cancel',
  actionLabel,
  onAction,
  tone = 'danger',
  busy = false,
  busyLabel,
  onCloseAutoFocus,
}: ConfirmDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="modal-overlay modal-overlay--confirm" />
        <AlertDialog.Content
          className="modal modal--small modal--confirm"
          onCloseAutoFocus={onCloseAutoFocus}
          onEscapeKeyDown={(e) => busy && e.preventDefault()}
        >
          <header className="modal__header">
            <AlertDialog.Title className="modal__title">{title}</AlertDialog.Title>
          </header>
          <div className="modal__body">
            {description && (
              <AlertDialog.Description className="modal__description">{description}</AlertDialog.Description>
            )}
            {children}
          </div>
          <footer className="modal__footer">
            <AlertDialog.Cancel className="btn" disabled={busy}>
              {cancelLabel}
            </AlertDialog.Cancel>
            <button
              type="button"
              className={`btn ${tone === 'danger' ? 'btn--danger' : 'btn--primary'}`}
              disabled={busy}
              onClick={onAction}
            >
              {busy ? (busyLabel ?? actionLabel) : actionLabel}
            </button>
          </footer>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
