// A centred message for whole-list states: loading, empty, nothing matches, failed.
import type { ReactNode } from 'react';
import './state-panel.css';

interface StatePanelProps {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  tone?: 'neutral' | 'error';
  /** "alert" for failures so they are announced; "status" for loading. */
  role?: 'alert' | 'status';
}

export function StatePanel({ title, children, actions, tone = 'neutral', role }: StatePanelProps) {
  return (
    <div className={`state-panel state-panel--${tone}`} role={role}>
      <h2 className="state-panel__title">{title}</h2>
      {children && <div className="state-panel__text">{children}</div>}
      {actions && <div className="state-panel__actions">{actions}</div>}
    </div>
  );
}

/** A load that failed: what could not be done, InfluxDB's (or the server's) words, and Retry. */
export function FailedPanel({ title, message, onRetry }: { title: string; message: string; onRetry: () => void }) {
  return (
    <StatePanel
      title={title}
      tone="error"
      role="alert"
      actions={
        <button type="button" className="btn" onClick={onRetry}>
          Retry
        </button>
      }
    >
      <p>{message}</p>
    </StatePanel>
  );
}
