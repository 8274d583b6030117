// Toasts drawn into the innermost open surface: the page, or an open modal drawer, so that a toast's
// action (Undo) stays inside the dialog's focus trap and is not hidden from assistive technology.
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { ToastContext, ToastHostContext, type Toast, type ToastApi, type ToastInput } from './toast-context';
import { ToastItem } from './toast-item';
import './toast.css';

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [hosts, setHosts] = useState<HTMLElement[]>([]);
  const counter = useRef(0);

  const dismiss = useCallback((id: string) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const dismissAll = useCallback(() => setToasts([]), []);

  const show = useCallback((input: ToastInput) => {
    counter.current += 1;
    const id = input.id ?? `toast-${counter.current}`;
    const toast: Toast = { ...input, id, version: counter.current };
    setToasts((list) =>
      list.some((t) => t.id === id) ? list.map((t) => (t.id === id ? toast : t)) : [...list.slice(-4), toast],
    );
    return id;
  }, []);

  const registerHost = useCallback((host: HTMLElement) => {
    setHosts((list) => [...list, host]);
    return () => setHosts((list) => list.filter((h) => h !== host));
  }, []);

  const api = useMemo<ToastApi>(() => ({ show, dismiss, dismissAll }), [show, dismiss, dismissAll]);
  const host = hosts[hosts.length - 1];

  return (
    <ToastContext value={api}>
      <ToastHostContext value={registerHost}>
        {children}
        {host &&
          toasts.length > 0 &&
          createPortal(
            // Not a list: each toast is a live region (status or alert), which a list item cannot be.
            <div className="toast-list">
              {toasts.map((toast) => (
                <ToastItem key={`${toast.id}:${toast.version}`} toast={toast} onDismiss={dismiss} />
              ))}
            </div>,
            host,
          )}
      </ToastHostContext>
    </ToastContext>
  );
}
