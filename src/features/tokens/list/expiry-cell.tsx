// A row's Expires cell: "never", "in 3 days", a date when far, "expiry overdue", "expired" (deactivated by this
// console), or "—" when this console cannot keep expiries (the page says why once, above the list).
import type { Expiry } from '../../../../core/governance';
import { expiryCellText } from '../model/expiry';

interface ExpiryCellProps {
  expiry: Expiry | undefined;
  now: number;
  /** Why expiries cannot be shown (unavailable, or not loaded); undefined when they can. */
  unavailable?: string;
}

export function ExpiryCell({ expiry, now, unavailable }: ExpiryCellProps) {
  if (unavailable !== undefined) {
    return (
      <div role="cell" className="token-cell token-cell--expires" data-label="Expires" title={unavailable}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">unknown: {unavailable}</span>
      </div>
    );
  }
  const { text, full } = expiryCellText(expiry, now);
  const state = expiry?.state ?? 'never';
  return (
    <div role="cell" className={`token-cell token-cell--expires expiry--${state}`} data-label="Expires" title={full}>
      {expiry && state !== 'gone' ? <time dateTime={expiry.expiresAt}>{text}</time> : text}
      {/* The whole meaning, read with the cell: "expired: deactivated by this console". */}
      {full.startsWith(text) && full !== text && <span className="visually-hidden">{full.slice(text.length)}</span>}
    </div>
  );
}

/** Said once, above the list, when the Expires column cannot show dates; each cell then shows "—". */
export function ExpiryUnavailableNote({ reason, onRetry }: { reason: string; onRetry?: () => void }) {
  return (
    <p className="tokens-page__note" id="expiry-unavailable">
      <strong>Expiry dates are unavailable:</strong> {reason}{' '}
      {onRetry && (
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Retry
        </button>
      )}
    </p>
  );
}
