// The org's Activity view at /activity: every change made through this console, newest first, filtered by token,
// action, actor and time, and exportable. Older entries load as the person scrolls (or presses "Load older entries").
import { useInfiniteQuery } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FailedPanel, StatePanel } from '../../components/ui/state-panel';
import { useSession } from '../../lib/session/session-context';
import { useBasePath, useCurrentOrg } from '../../lib/org-query';
import { activityQuery } from './api/activity-query';
import { ActivityExportMenu } from './activity-export-menu';
import { ActivityTable } from './activity-table';
import { ActivityToolbar } from './activity-toolbar';
import {
  filtersFromSearch,
  hasFilters,
  NO_FILTERS,
  searchFromFilters,
  serverFilters,
  type ActivityFilters,
} from './model/activity-filters';
import { matchesActor, matchesToken } from './model/entry-match';
import '../../components/ui/controls.css';
import './activity-page.css';

export function ActivityPage() {
  const { client, config } = useSession();
  const base = useBasePath();
  const org = useCurrentOrg();
  const orgID = org.data?.id;
  const [searchParams, setSearchParams] = useSearchParams();
  // The fields' own state is the truth while the person types; the URL follows (for a link or a reload).
  const [filters, setFilters] = useState(() => filtersFromSearch(searchParams));
  const changeFilters = (change: Partial<ActivityFilters>) => {
    const next = { ...filters, ...change };
    setFilters(next);
    setSearchParams(searchFromFilters(next), { replace: true });
  };
  const server = useMemo(() => serverFilters(filters), [filters]);
  const query = useInfiniteQuery({ ...activityQuery(client, orgID ?? '', server), enabled: orgID !== undefined });
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;

  // Words are matched here, over the entries loaded so far; a whole token ID the server filters itself.
  const tokenText = useDeferredValue(server.tokenID ? '' : filters.token);
  const actorText = useDeferredValue(filters.actor);
  const loaded = useMemo(() => query.data?.pages.flatMap((page) => page.entries) ?? [], [query.data]);
  const entries = useMemo(
    () => loaded.filter((entry) => matchesToken(entry, tokenText) && matchesActor(entry, actorText)),
    [loaded, tokenText, actorText],
  );

  // A new function with each page that arrives, so that the effects calling it look again (a page may arrive
  // without a render showing it being fetched, and without adding a row that matches).
  const pageCount = query.data?.pages.length ?? 0;
  const loadOlder = useCallback(() => {
    if (pageCount > 0 && hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [pageCount, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);
  // Nothing loaded matches the words typed: look further back, page by page, until something does or the trail ends.
  const searchingOlder = query.isSuccess && entries.length === 0 && hasNextPage && !isFetchNextPageError;
  useEffect(() => {
    if (searchingOlder) loadOlder();
  }, [searchingOlder, loadOlder]);

  const error = org.error ?? query.error;
  let content;
  if (error && !query.data) {
    content = (
      <FailedPanel
        title="Could not load the activity"
        message={error.message}
        onRetry={() => void (org.isError ? org.refetch() : query.refetch())}
      />
    );
  } else if (!query.data || searchingOlder) {
    content = <StatePanel title={searchingOlder ? 'Searching older entries…' : 'Loading activity…'} role="status" />;
  } else if (loaded.length === 0 && !hasFilters(filters)) {
    content = (
      <StatePanel title="No activity yet: changes made through this console appear here">
        <p>Creating, renaming, activating, deactivating or deleting a token, or setting its expiry, adds an entry.</p>
      </StatePanel>
    );
  } else if (entries.length === 0) {
    content = (
      <StatePanel
        title="No activity matches your filters"
        actions={
          <button type="button" className="btn" onClick={() => changeFilters(NO_FILTERS)}>
            Clear filters
          </button>
        }
      />
    );
  } else {
    content = <ActivityTable entries={entries} onNearEnd={loadOlder} busy={query.isFetching} />;
  }

  return (
    <div className="activity-page">
      <nav aria-label="Breadcrumb" className="activity-page__back">
        <Link to={`${base}/tokens`}>
          <ArrowLeft aria-hidden="true" />
          API Tokens
        </Link>
      </nav>
      <div className="activity-page__header">
        <h1>Activity</h1>
        {query.data && (
          <p className="activity-page__count" aria-live="polite">
            {countText(entries.length, loaded.length, hasNextPage)}
          </p>
        )}
        <div className="activity-page__actions">
          <ActivityExportMenu entries={entries} orgName={org.data?.name ?? config.org ?? ''} />
        </div>
      </div>
      <p className="activity-page__intro">
        Every change made through this console to the organization&rsquo;s tokens, newest first.
      </p>
      <ActivityToolbar filters={filters} onChange={changeFilters} />
      {content}
      {query.data && !searchingOlder && (entries.length > 0 || isFetchNextPageError) && (
        <LoadMore
          hasMore={hasNextPage}
          loading={isFetchingNextPage}
          error={isFetchNextPageError ? query.error : null}
          onLoad={() => void fetchNextPage()}
        />
      )}
    </div>
  );
}

function countText(shown: number, loaded: number, more: boolean): string {
  const n = (count: number) => count.toLocaleString('en-US');
  const noun = loaded === 1 ? 'entry' : 'entries';
  const base = shown === loaded ? `${n(loaded)} ${noun}` : `${n(shown)} of ${n(loaded)} ${noun}`;
  return more ? `${base} loaded, more to come` : base;
}

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  error: Error | null;
  onLoad: () => void;
}

/** The table's foot: older entries on demand (for keyboards; scrolling loads them too), or a failure with Retry. */
function LoadMore({ hasMore, loading, error, onLoad }: LoadMoreProps) {
  if (error) {
    return (
      <p className="activity-page__more" role="alert">
        Could not load older entries: {error.message}{' '}
        <button type="button" className="btn btn--small" onClick={onLoad}>
          Retry
        </button>
      </p>
    );
  }
  if (loading) {
    return (
      <p className="activity-page__more" role="status">
        Loading older entries…
      </p>
    );
  }
  if (!hasMore) return <p className="activity-page__more">No older entries.</p>;
  return (
    <p className="activity-page__more">
      <button type="button" className="btn btn--small" onClick={onLoad}>
        Load older entries
      </button>
    </p>
  );
}
