// The API Tokens page at /tokens: heading, filters, the virtualized list, and the drawer route inside it.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../session/session-context';
import { orgQuery } from '../api/org-query';
import { tokenQueries } from '../api/token-queries';
import { tokenCountText } from '../model/token-count';
import { EditDrafts, EditDraftsContext } from './edit-drafts';
import { LoadingTokens, NoMatches, NoTokens, TokensFailed } from './list-states';
import type { TokensOutletContext } from './tokens-outlet-context';
import { TokensTable } from './tokens-table';
import { TokensToolbar } from './tokens-toolbar';
import { useListParams } from './use-list-params';
import { useTokenView } from './use-token-view';
import './tokens-page.css';

export function TokensPage() {
  const { client, config } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const org = useQuery(orgQuery(client, config.org));
  const orgID = org.data?.id;
  const list = useQuery({ ...tokenQueries.list(client, orgID ?? ''), enabled: orgID !== undefined });
  const [params, updateParams] = useListParams();
  const view = useTokenView(list.data, params);
  const [drafts] = useState(() => new EditDrafts());
  const [focusRequest, setFocusRequest] = useState<string | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const openToken = useCallback(
    (id: string) => navigate({ pathname: `/tokens/${encodeURIComponent(id)}`, search: location.search }, { state: { fromList: true } }),
    [navigate, location.search],
  );
  const onFocusRequestDone = useCallback((found: boolean) => {
    setFocusRequest(null);
    if (!found) filterRef.current?.focus();
  }, []);
  const outletContext: TokensOutletContext = { orgID: orgID ?? '', onDrawerClosed: setFocusRequest };

  let content;
  if (org.isError) {
    content = <TokensFailed title="Could not load API tokens" message={org.error.message} onRetry={() => void org.refetch()} />;
  } else if (list.isError && !list.data) {
    content = <TokensFailed title="Could not load API tokens" message={list.error.message} onRetry={() => void list.refetch()} />;
  } else if (!list.data) {
    content = <LoadingTokens />;
  } else if (view.total === 0) {
    content = <NoTokens />;
  } else if (view.rows.length === 0 && !view.pending) {
    content = <NoMatches onClear={() => updateParams({ q: '', status: 'all', owner: null })} />;
  } else {
    content = (
      <TokensTable
        rows={view.rows}
        latest={view.latest}
        onOpen={openToken}
        focusRequest={focusRequest}
        onFocusRequestDone={onFocusRequestDone}
        busy={view.pending}
      />
    );
  }

  return (
    <EditDraftsContext value={drafts}>
      <div className="tokens-page">
        <div className="tokens-page__header">
          <h1>API Tokens</h1>
          {list.data && (
            <p className="tokens-page__count" aria-live="polite">
              {tokenCountText(view.rows.length, view.total, view.filtered)}
            </p>
          )}
        </div>
        {list.isError && list.data && (
          <p className="tokens-page__refresh-error" role="alert">
            Could not refresh the list: {list.error.message}{' '}
            <button type="button" className="btn btn--small" onClick={() => void list.refetch()}>
              Retry
            </button>
          </p>
        )}
        {view.total > 0 || !list.data ? (
          <TokensToolbar params={params} owners={view.owners} onChange={updateParams} filterRef={filterRef} />
        ) : null}
        {content}
      </div>
      {orgID !== undefined && <Outlet context={outletContext} />}
    </EditDraftsContext>
  );
}
