// One toast: announced politely (errors assertively), dismissed after a while unless hovered or focused.
import { useEffect, useRef, useState } from 'react';
import { X } from 'lucide-react';
import type { Toast } from './toast-context';

const DEFAULT_MS = { info: 6_000, error: 12_000 };

export function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: string) => void }) {
  const tone = toast.tone ?? 'info';
  const [paused, setPaused] = useState(false);
  const remaining = useRef(toast.durationMs ?? DEFAULT_MS[tone]);

  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => onDismiss(toast.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(1_500, remaining.current - (Date.now() - started));
    };
  }, [paused, onDismiss, toast.id]);

  return (
    <div
      className={`toast toast--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-atomic="true"
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <div className="toast__text">
        <p className="toast__title">{toast.title}</p>
        {toast.description && <p className="toast__description">{toast.description}</p>}
      </div>
      {[toast.secondaryAction, toast.action].map(
        (action) =>
          action && (
            <button
              key={action.label}
              type="button"
              className="btn btn--small"
              onClick={() => {
                action.onAction();
                onDismiss(toast.id);
              }}
            >
              {action.label}
            </button>
          ),
      )}
      <button type="button" className="icon-btn" aria-label="Dismiss notification" onClick={() => onDismiss(toast.id)}>
        <X />
      </button>
    </div>
  );
}
