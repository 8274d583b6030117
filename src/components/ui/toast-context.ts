import { createContext, useContext } from 'react';

export interface ToastAction {
  label: string;
  onAction: () => void;
}

export interface ToastInput {
  /** Showing a toast with an existing id replaces it (e.g. one toast per token's status). */
  id?: string;
  title: string;
  description?: string;
  tone?: 'info' | 'error';
  action?: ToastAction;
  /** A second button before `action` (e.g. "Details" next to "Undo"). */
  secondaryAction?: ToastAction;
  durationMs?: number;
}

export interface Toast extends ToastInput {
  id: string;
  /** Bumped on replacement, so the item restarts its timer. */
  version: number;
}

export interface ToastApi {
  show: (toast: ToastInput) => string;
  dismiss: (id: string) => void;
  /** Takes every toast away, e.g. when what they offer (Undo) can no longer work. */
  dismissAll: () => void;
}

export const ToastContext = createContext<ToastApi | null>(null);

/** Registers a place where toasts are drawn; the newest registered place wins (e.g. an open dialog). */
export const ToastHostContext = createContext<((host: HTMLElement) => () => void) | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a <ToastProvider> above it');
  return api;
}
