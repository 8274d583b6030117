// The whole-list states: loading, failed, empty, nothing matches.
import type { ReactNode } from 'react';
import { StatePanel } from '../../../components/ui/state-panel';

export function LoadingTokens() {
  return (
    <div role="status" className="tokens-loading">
      <p className="tokens-loading__text">Loading tokens…</p>
      <div className="tokens-loading__skeleton" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="tokens-loading__bar" />
        ))}
      </div>
    </div>
  );
}

export function NoTokens() {
  return (
    <StatePanel title="Looks like there aren't any API tokens yet">
      <p>
        Tokens created in InfluxDB (in its UI, or with <code>influx auth create</code>) show up here.
      </p>
    </StatePanel>
  );
}

/** `filters`: every active filter in words ("status Active", "owner user2"), so the person sees what hides the tokens. */
export function NoMatches({ onClear, filters = [] }: { onClear: () => void; filters?: string[] }) {
  return (
    <StatePanel
      title="No API tokens match your filters"
      actions={
        <button type="button" className="btn" onClick={onClear}>
          Clear filters
        </button>
      }
    >
      {filters.length > 0 && <p className="no-matches__filters">Filtered by {filters.join(', ')}.</p>}
      <p>Try a shorter search, or another status, owner or permission.</p>
    </StatePanel>
  );
}

/** A refetch failed: the list on screen stays, and this floats over the page (it never moves the rows). */
export function RefreshFailed({ message, onRetry }: { message: string; onRetry: () => unknown }) {
  return <ListAlert onRetry={onRetry}>Could not refresh the list: {message}</ListAlert>;
}

/** A first load broke off: the tokens that arrived stay, marked incomplete. */
export function ListIncomplete({
  arrived,
  failed,
  onRetry,
}: {
  arrived: number;
  failed: Error;
  onRetry: () => unknown;
}) {
  return (
    <ListAlert onRetry={onRetry}>
      The list is incomplete: loading broke off after {arrived.toLocaleString('en-US')} tokens. {failed.message}
    </ListAlert>
  );
}

function ListAlert({ children, onRetry }: { children: ReactNode; onRetry: () => unknown }) {
  return (
    <p className="tokens-page__refresh-error" role="alert">
      {children}{' '}
      <button type="button" className="btn btn--small" onClick={() => void onRetry()}>
        Retry
      </button>
    </p>
  );
}
