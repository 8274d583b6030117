// The API Tokens page at /tokens: wires together the parts, each in its folder (list/, toolbar/, drawer/, create/,
// actions/, own-token/, export/), the drawer route inside it, and the one dialog open at a time.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { FailedPanel } from '../../components/ui/state-panel';
import { useToast } from '../../components/ui/toast-context';
import { useSession } from '../../lib/session/session-context';
import { PageDialogContext, usePageDialog } from './actions/page-dialog';
import { BulkBar } from './actions/bulk-bar';
import { useOwnTokenGuard } from './actions/use-own-token-guard';
import { useExpiryIndex } from './api/governance-queries';
import { useRefreshFailure } from './api/influx-probe';
import { lookupQueries } from './api/lookup-queries';
import { useBasePath, useCurrentOrg } from '../../lib/org-query';
import { pollWhileFailing } from './api/poll-while-failing';
import { tokenKeys, tokenQueries } from './api/token-queries';
import { GenerateTokenMenu } from './create/generate-token-menu';
import type { TokensOutletContext } from './drawer/token-drawer-route';
import { ExportMenu } from './export/export-menu';
import { EditDrafts, EditDraftsContext } from './list/edit-drafts';
import { ExpiryUnavailableNote } from './list/expiry-cell';
import { ListIncomplete, LoadingTokens, NoMatches, NoTokens, RefreshFailed } from './list/list-states';
import { TokensTable } from './list/tokens-table';
import { useSelection } from './list/use-selection';
import { useTokenView } from './list/use-token-view';
import { usePartialList } from './list-sync';
import { partialCountText, tokenCountText } from './model/token-count';
import { describeFilters, urlFilterProblems } from './model/url-filter-problems';
import { OwnTokenIdContext, UnknownOwnTokenContext } from './own-token/own-token-context';
import { OwnTokenLost } from './own-token/own-token-lost';
import { OwnTokenUnknownNote } from './own-token/own-token-unknown-note';
import { useOwnToken } from './own-token/use-own-token';
import { PageDialogs, preloadDialogs, TokenDrawer, usePageDialogState } from './page-dialogs';
import { HealthCheckNote } from './toolbar/health-check-note';
import { InvalidUrlFilters } from './toolbar/invalid-url-filters';
import { TokensToolbar } from './toolbar/tokens-toolbar';
import { useListParams } from './toolbar/use-list-params';
import { useSlashShortcut } from './toolbar/use-slash-shortcut';
import '../../components/ui/controls.css';
import './tokens-page.css';

const JUST_MADE_MS = 4_000;

export function TokensPage() {
  const { client, config, usesPastedToken, signOut } = useSession();
  const navigate = useNavigate();
  const base = useBasePath();
  const { search } = useLocation();
  const org = useCurrentOrg();
  const orgID = org.data?.id;
  const orgName = org.data?.name ?? config.org ?? '';
  const list = useQuery({
    ...tokenQueries.list(client, orgID ?? ''),
    enabled: orgID !== undefined,
    refetchInterval: pollWhileFailing,
  });
  const refreshFailure = useRefreshFailure(client, list);
  const ownToken = useOwnToken(
    orgID !== undefined && list.data?.length === 0 ? { orgID, listedAt: list.dataUpdatedAt } : undefined,
  );
  const [unknownNoted, setUnknownNoted] = useState(false);
  // Locked out: no toast may offer what can only fail now (Undo, Details of a change).
  const toast = useToast();
  useEffect(() => {
    if (ownToken.lost) toast.dismissAll();
  }, [ownToken.lost, toast]);
  const buckets = useQuery({ ...lookupQueries.buckets(client, orgID ?? ''), enabled: orgID !== undefined });
  const [urlParams, updateParams] = useListParams();
  const resourceTypes = useQuery({
    ...lookupQueries.resourceTypes(client),
    enabled: new URLSearchParams(search).has('perm'),
  });
  const problems = useMemo(
    () => urlFilterProblems(new URLSearchParams(search), resourceTypes.data),
    [search, resourceTypes.data],
  );
  // A permission filter the page cannot show is said to be invalid (above the list) and not applied.
  const params = useMemo(
    () => (problems.some((p) => p.key === 'perm') ? { ...urlParams, perm: undefined } : urlParams),
    [problems, urlParams],
  );
  // A first load shows its tokens as they arrive (marked partial); a refetch keeps the complete list until it is done.
  const partial = usePartialList(tokenKeys.list(orgID ?? ''));
  const arriving = list.data === undefined && orgID !== undefined ? partial : undefined;
  const tokens = list.data ?? arriving?.tokens;
  const expiry = useExpiryIndex(orgID);
  // The users, only for the Health view's "owner no longer exists" check.
  const users = useQuery({ ...lookupQueries.users(client), enabled: params.check === 'owner-gone' });
  const userIDs = useMemo(() => users.data && new Set(users.data.map((user) => user.id)), [users.data]);
  const view = useTokenView(tokens, params, expiry.expiries?.byToken, userIDs);
  const { rows } = view;
  const selection = useSelection(view.byId, rows);
  const [drafts] = useState(() => new EditDrafts());
  const [focusRequest, setFocusRequest] = useState<string | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  useSlashShortcut(filterRef);
  const { dialog, close, api: dialogApi } = usePageDialogState();
  // The row of a token just generated, cloned or rotated: highlighted for a moment once its secret dialog closes.
  const [justMade, setJustMade] = useState<string | null>(null);
  useEffect(() => {
    if (justMade === null) return;
    const timer = setTimeout(() => setJustMade(null), JUST_MADE_MS);
    return () => clearTimeout(timer);
  }, [justMade]);

  const openToken = useCallback(
    (id: string) =>
      navigate({ pathname: `${base}/tokens/${encodeURIComponent(id)}`, search }, { state: { fromList: true } }),
    [navigate, search, base],
  );
  const onFocusRequestDone = useCallback((found: boolean) => {
    setFocusRequest(null);
    if (!found) filterRef.current?.focus();
  }, []);
  const outletContext: TokensOutletContext = { orgID: orgID ?? '', onDrawerClosed: setFocusRequest };

  const loadError = org.error ?? (tokens ? null : list.error) ?? ownToken.emptyListCheckError;
  let content;
  if (ownToken.lost && ownToken.own) {
    content = (
      <OwnTokenLost
        own={ownToken.own}
        checking={ownToken.checking}
        onTryAgain={() => void ownToken.tryAgain()}
        onSignOut={usesPastedToken ? () => signOut() : undefined}
      />
    );
  } else if (loadError) {
    content = (
      <FailedPanel
        title="Could not load API tokens"
        message={loadError.message}
        onRetry={() => void (org.isError ? org.refetch() : list.refetch())}
      />
    );
  } else if (!tokens || ownToken.checkingEmptyList) {
    content = <LoadingTokens />;
  } else if (view.total === 0) {
    content = <NoTokens />;
  } else if (rows.length === 0 && !view.pending) {
    content = (
      <NoMatches
        filters={describeFilters(params, (id) => buckets.data?.find((b) => b.id === id)?.name)}
        onClear={() =>
          updateParams({ q: '', status: 'all', owner: null, perm: undefined, expiry: undefined, check: undefined })
        }
      />
    );
  } else {
    content = (
      <TokensTable
        rows={rows}
        byId={view.byId}
        onOpen={openToken}
        onOpenIntent={TokenDrawer.preload}
        focusRequest={focusRequest}
        onFocusRequestDone={onFocusRequestDone}
        busy={view.pending}
        selected={selection.selected}
        selectedInView={selection.countInView}
        onSelect={selection.toggle}
        onSelectAll={selection.selectAll}
        highlight={justMade}
        sort={params.sort}
        dir={params.dir}
        onSort={(sort, dir) => updateParams({ sort, dir })}
        expiries={expiry.expiries}
        expiryUnavailable={expiry.unavailable}
      />
    );
  }

  const selecting = selection.count > 0;
  const lost = ownToken.lost;
  const toolbar = (view.total > 0 || !list.data) && !lost;
  return (
    <OwnTokenIdContext value={ownToken.ownId}>
      <UnknownOwnTokenContext value={ownToken.unknown}>
        <PageDialogContext value={dialogApi}>
          <EditDraftsContext value={drafts}>
            <div className={`tokens-page${selecting ? ' tokens-page--selecting' : ''}`}>
              <div className="tokens-page__header">
                <h1>API Tokens</h1>
                {tokens && !lost && (
                  <p className="tokens-page__count" aria-live="polite" role={arriving ? 'status' : undefined}>
                    {arriving
                      ? partialCountText(rows.length, view.total, view.filtered, arriving.failed !== null)
                      : tokenCountText(rows.length, view.total, view.filtered)}
                  </p>
                )}
                {orgID !== undefined && !lost && (
                  <div className="tokens-page__actions">
                    <Link to={`${base}/activity`} className="btn">
                      Activity
                    </Link>
                    <Link to={`${base}/cleanup`} className="btn">
                      Health
                    </Link>
                    <ExportMenu
                      count={list.data ? rows.length : 0}
                      orgName={orgName}
                      tokensInView={() => rows.map((row) => view.byId.get(row.token.id) ?? row.token)}
                    />
                    <GenerateTokenMenu
                      onChoose={(variant) => dialogApi.open({ kind: 'generate', variant })}
                      onReach={() => preloadDialogs('generate')}
                    />
                  </div>
                )}
              </div>
              {ownToken.own?.state === 'unknown' && !unknownNoted && (
                <OwnTokenUnknownNote message={ownToken.own.message} onDismiss={() => setUnknownNoted(true)} />
              )}
              {refreshFailure && !lost && <RefreshFailed {...refreshFailure} />}
              {arriving?.failed && !lost && (
                <ListIncomplete arrived={arriving.tokens.length} failed={arriving.failed} onRetry={list.refetch} />
              )}
              <InvalidUrlFilters problems={problems} />
              <HealthCheckNote check={params.check} />
              {expiry.noted && expiry.unavailable && tokens && !lost && (
                <ExpiryUnavailableNote reason={expiry.unavailable} onRetry={expiry.failed ? expiry.retry : undefined} />
              )}
              {/* The bulk bar lies over the filters (which it replaces while tokens are selected): nothing moves the rows. */}
              {(toolbar || selecting) && (
                <div className="tokens-page__controls">
                  {toolbar && (
                    <TokensToolbar
                      params={params}
                      owners={view.owners}
                      buckets={buckets.data ?? []}
                      onChange={updateParams}
                      filterRef={filterRef}
                    />
                  )}
                  {selecting && <SelectionBar selection={selection} expiry={expiry.expiries} />}
                </div>
              )}
              {content}
            </div>
            {/* Keyed by org: a drawer left open across an org change must not keep a copy read under the other org. */}
            {orgID !== undefined && <Outlet key={orgID} context={outletContext} />}
            {orgID !== undefined && (
              <PageDialogs
                dialog={dialog}
                close={close}
                orgID={orgID}
                orgName={orgName}
                filterRef={filterRef}
                onTokenMade={(id, focus) => {
                  setJustMade(id);
                  if (focus) setFocusRequest(id);
                }}
                onDone={selection.remove}
              />
            )}
          </EditDraftsContext>
        </PageDialogContext>
      </UnknownOwnTokenContext>
    </OwnTokenIdContext>
  );
}

/** The bulk bar over the current selection; the guard leaves the page's own token out unless ticked in on purpose. */
function SelectionBar({
  selection,
  expiry,
}: {
  selection: ReturnType<typeof useSelection>;
  /** The org's expiry settings, when expiry can be set here. */
  expiry: { maxLifetimeDays: number | null } | undefined;
}) {
  const guard = useOwnTokenGuard();
  const { open } = usePageDialog();
  return (
    <BulkBar
      count={selection.count}
      hidden={selection.count - selection.countInView}
      onAction={(action) => guard.bulk(action, selection.selectedTokens())}
      onSetExpiry={
        expiry &&
        (() =>
          open({ kind: 'bulk-expiry', tokens: selection.selectedTokens(), maxLifetimeDays: expiry.maxLifetimeDays }))
      }
      onClear={selection.clear}
    />
  );
}
