// The API Tokens page at /tokens: heading, generate and export, filters, bulk selection, the virtualized
// list, the drawer route inside it, and the dialogs the list opens (show-once, delete, bulk).
import { useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { preloadWhenIdle, useOnDemand, useRequiredOnDemand } from '../../components/ui/on-demand';
import { menuModule } from '../../components/ui/menu';
import { toastItemModule } from '../../components/ui/toast-provider';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Authorization } from '../../../core/influx-types';
import { useSession } from '../../lib/session/session-context';
import { lookupQueries } from './api/lookup-queries';
import { orgQuery } from './api/org-query';
import { pollWhileFailing } from './api/poll-while-failing';
import { tokenKeys, tokenQueries } from './api/token-queries';
import { usePartialList } from './list-sync';
import type { BulkAction } from './model/bulk-plan';
import { partialCountText, tokenCountText } from './model/token-count';
import {
  bulkBar,
  bulkDialog,
  deleteDialog,
  generateDialogs,
  newTokenDialog,
  ownTokenConfirm,
  ownTokenLost,
  rotateDialog,
  tokenDrawer,
  tokensTable,
} from './dialogs-on-demand';
import { permissionsTipModule } from './list/permissions-summary-tip';
import { EditDrafts, EditDraftsContext } from './list/edit-drafts';
import { ExportMenu } from './export/export-menu';
import { GenerateTokenMenu, type GenerateKind } from './create/generate-token-menu';
import { LoadingTokens, NoMatches, NoTokens, TokensFailed } from './list/list-states';
import { OwnTokenIdContext } from './own-token/own-token-context';
import { useOwnToken } from './own-token/use-own-token';
import type { RowAction } from './actions/token-row-actions';
import type { TokensOutletContext } from './drawer/tokens-outlet-context';
import { TokensToolbar } from './toolbar/tokens-toolbar';
import { useListParams } from './toolbar/use-list-params';
import { useSelection } from './list/use-selection';
import { useTokenActions } from './use-token-actions';
import { useTokenView } from './list/use-token-view';
import { InvalidUrlFilters } from './toolbar/invalid-url-filters';
import { useSlashShortcut } from './toolbar/use-slash-shortcut';
import { describeFilters, urlFilterProblems } from './model/url-filter-problems';
// The list's stylesheets come with the first load, not with its code: rows are drawn whole the moment they arrive.
import '../../components/ui/controls.css';
import './list/sortable-header.css';
import './list/tokens-table.css';
import './list/token-row-just-made.css';
import './list/description-editor.css';
import './own-token/own-token.css';
import './tokens-page.css';
import './tokens-page-overlays.css';
import './tokens-focus.css';

interface NewToken {
  token: Authorization;
  origin: 'created' | 'cloned' | 'rotated';
  /** Rotate: the token it replaces, deactivated once the person confirms. */
  replaces?: Authorization;
}

/** How long a just-made row stays highlighted. */
const JUST_MADE_MS = 4_000;

export function TokensPage() {
  const { client, config, usesPastedToken, signOut } = useSession();
  const ownToken = useOwnToken();
  const navigate = useNavigate();
  const location = useLocation();
  const org = useQuery(orgQuery(client, config.org));
  const orgID = org.data?.id;
  const orgName = org.data?.name ?? config.org ?? '';
  const list = useQuery({
    ...tokenQueries.list(client, orgID ?? ''),
    enabled: orgID !== undefined,
    refetchInterval: pollWhileFailing,
  });
  const buckets = useQuery({ ...lookupQueries.buckets(client, orgID ?? ''), enabled: orgID !== undefined });
  const [urlParams, updateParams] = useListParams();
  const listShown = list.data !== undefined;
  const resourceTypes = useQuery({
    ...lookupQueries.resourceTypes(client),
    enabled: new URLSearchParams(location.search).has('perm'),
  });
  const problems = useMemo(
    () => urlFilterProblems(new URLSearchParams(location.search), resourceTypes.data),
    [location.search, resourceTypes.data],
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
  const view = useTokenView(tokens, params);
  const [drafts] = useState(() => new EditDrafts());
  const [focusRequest, setFocusRequest] = useState<string | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  useSlashShortcut(filterRef);
  const [generate, setGenerate] = useState<GenerateKind | null>(null);
  const [newToken, setNewToken] = useState<NewToken | null>(null);
  const [rowDelete, setRowDelete] = useState<Authorization | null>(null);
  const [rotate, setRotate] = useState<Authorization | null>(null);
  const rowDeleted = useRef(false);
  const [bulk, setBulk] = useState<{ action: BulkAction; tokens: Authorization[] } | null>(null);
  /** Switching off the page's own token, from anywhere but the drawer's switch (which asks itself): asked first. */
  const [ownOff, setOwnOff] = useState<{ token: Authorization; proceed: () => void } | null>(null);
  const [bulkWithOwn, setBulkWithOwn] = useState<{
    action: 'deactivate' | 'delete';
    tokens: Authorization[];
    own: Authorization;
  } | null>(null);
  const selection = useSelection();
  const { latest, rows } = view;

  const openToken = useCallback(
    (id: string) =>
      navigate(
        { pathname: `/tokens/${encodeURIComponent(id)}`, search: location.search },
        { state: { fromList: true } },
      ),
    [navigate, location.search],
  );
  const onFocusRequestDone = useCallback((found: boolean) => {
    setFocusRequest(null);
    if (!found) filterRef.current?.focus();
  }, []);
  const showNewToken = useCallback(
    (token: Authorization, origin: NewToken['origin'], replaces?: Authorization) =>
      setNewToken({ token, origin, replaces }),
    [],
  );
  const onCloned = useCallback((token: Authorization) => showNewToken(token, 'cloned'), [showNewToken]);
  const restoreFocusToFilter = useCallback(() => filterRef.current?.focus(), []);
  const {
    withActions,
    preload: preloadActions,
    host: actionsHost,
  } = useTokenActions({ onCloned, restoreFocus: restoreFocusToFilter });
  useEffect(() => {
    // Once the rows are on screen: what a row opens or does (its menu, its permission tooltip, its drawer, the
    // actions' host) is fetched while the page is idle, one at a time, so the first use does not wait for it. The
    // dialogs come when the person reaches for them.
    if (!listShown) return;
    preloadWhenIdle(preloadActions);
    for (const module of [menuModule, permissionsTipModule, tokenDrawer, bulkBar, toastItemModule])
      preloadWhenIdle(module.preload);
  }, [listShown, preloadActions]);
  const retireRotated = useCallback(
    (old: Authorization, replacement: Authorization) => withActions((a) => a.retireRotated(old, replacement)),
    [withActions],
  );
  const setStatus = useCallback(
    (id: string, status: 'active' | 'inactive') => withActions((a) => a.setStatus(id, status)),
    [withActions],
  );
  const clone = useCallback((token: Authorization) => withActions((a) => a.clone(token)), [withActions]);
  // The row of a token just generated, cloned or rotated: highlighted for a moment once its secret dialog closes.
  const [justMade, setJustMade] = useState<string | null>(null);
  useEffect(() => {
    if (justMade === null) return;
    const timer = setTimeout(() => setJustMade(null), JUST_MADE_MS);
    return () => clearTimeout(timer);
  }, [justMade]);
  const drawerOpen = location.pathname !== '/tokens' && location.pathname !== '/tokens/';
  const onRowAction = useCallback(
    (action: RowAction, id: string) => {
      const token = latest.get(id);
      if (!token) return;
      if (action === 'clone') clone(token);
      else if (action === 'activate') setStatus(id, 'active');
      else if (action === 'deactivate') {
        if (id === ownToken.ownId) setOwnOff({ token, proceed: () => setStatus(id, 'inactive') });
        else setStatus(id, 'inactive');
      } else if (action === 'rotate') setRotate(token);
      else {
        rowDeleted.current = false;
        setRowDelete(token);
      }
    },
    [latest, clone, setStatus, ownToken.ownId],
  );
  const outletContext: TokensOutletContext = {
    orgID: orgID ?? '',
    onDrawerClosed: setFocusRequest,
    showNewToken,
    rotateToken: setRotate,
  };

  // Counting costs O(selected), not O(all tokens), so ticking one box among 100,000 stays instant.
  // A selected token deleted elsewhere drops out of the count once the list no longer has it.
  const selectedCount = useMemo(() => {
    let count = 0;
    for (const id of selection.selected) if (latest.has(id)) count++;
    return count;
  }, [selection.selected, latest]);
  // Only while something is selected: a set of every row's ID at each keystroke would cost 100,000 insertions.
  const noneSelected = selection.selected.size === 0;
  const rowIds = useMemo(() => (noneSelected ? null : new Set(rows.map((row) => row.token.id))), [rows, noneSelected]);
  const selectedInView = useMemo(() => {
    let count = 0;
    if (rowIds) for (const id of selection.selected) if (rowIds.has(id)) count++;
    return count;
  }, [rowIds, selection.selected]);
  /** The selected tokens that still exist, in list order: read once, when a bulk action starts. */
  const selectedTokens = () => {
    const result: Authorization[] = [];
    for (const token of tokens ?? []) if (selection.selected.has(token.id)) result.push(latest.get(token.id) ?? token);
    return result;
  };
  const { setMany } = selection;
  const onSelectAll = useCallback(
    (checked: boolean) =>
      setMany(
        rows.map((row) => row.token.id),
        checked,
      ),
    [rows, setMany],
  );
  // What worked (or needed nothing) leaves the selection; failures and unsent ones stay for a retry.
  const onBulkFinished = selection.remove;

  /** Deactivating or deleting the page's own token in bulk needs it ticked in on purpose. */
  const startBulk = (action: BulkAction) => {
    const tokens = selectedTokens();
    const own = action === 'activate' ? undefined : tokens.find((token) => token.id === ownToken.ownId);
    if (own && action !== 'activate') setBulkWithOwn({ action, tokens, own });
    else setBulk({ action, tokens });
  };

  // Each dialog's code arrives on demand (usually preloaded when the person pointed at what opens it).
  const generateDialog = useOnDemand(generateDialogs, generate !== null);
  const GenerateDialog =
    generate === null ? undefined : generateDialog?.[generate === 'custom' ? 'CustomTokenDialog' : 'AllAccessDialog'];
  const newTokenModule = useOnDemand(newTokenDialog, newToken !== null);
  const rotateModule = useOnDemand(rotateDialog, rotate !== null);
  const deleteModule = useOnDemand(deleteDialog, rowDelete !== null);
  const bulkModule = useOnDemand(bulkDialog, bulk !== null);
  const confirms = useOnDemand(ownTokenConfirm, ownOff !== null || bulkWithOwn !== null);
  const lostModule = useOnDemand(ownTokenLost, ownToken.lost && ownToken.own !== undefined);
  const selecting = selectedCount > 0;
  const bulkBarModule = useOnDemand(bulkBar, selecting);
  const table = useRequiredOnDemand(tokensTable);
  // The table mounts in a deferred render, which React does in slices between the browser's tasks: mounted at once,
  // with the tokens' arrival, it was one long task (its virtualizer, its DOM) that held up the first input.
  const tableMounted = useDeferredValue(tokens !== undefined);

  let content;
  if (ownToken.lost && ownToken.own) {
    content = lostModule && (
      <lostModule.OwnTokenLost
        own={ownToken.own}
        checking={ownToken.checking}
        onTryAgain={() => void ownToken.tryAgain()}
        onSignOut={usesPastedToken ? () => signOut() : undefined}
      />
    );
  } else if (org.isError) {
    content = (
      <TokensFailed title="Could not load API tokens" message={org.error.message} onRetry={() => void org.refetch()} />
    );
  } else if (list.isError && !tokens) {
    content = (
      <TokensFailed
        title="Could not load API tokens"
        message={list.error.message}
        onRetry={() => void list.refetch()}
      />
    );
  } else if (!tokens) {
    content = <LoadingTokens />;
  } else if (view.total === 0) {
    content = <NoTokens />;
  } else if (rows.length === 0 && !view.pending) {
    content = (
      <NoMatches
        filters={describeFilters(params, (id) => buckets.data?.find((b) => b.id === id)?.name)}
        onClear={() => updateParams({ q: '', status: 'all', owner: null, perm: undefined })}
      />
    );
  } else if (table.failed) {
    content = (
      <TokensFailed
        title="Could not show API tokens"
        message="The list's code did not download. Check the connection, then retry."
        onRetry={table.retry}
      />
    );
  } else if (!table.value || !tableMounted) {
    content = <LoadingTokens />;
  } else {
    content = (
      <table.value.TokensTable
        rows={rows}
        latest={latest}
        onOpen={openToken}
        focusRequest={focusRequest}
        onFocusRequestDone={onFocusRequestDone}
        busy={view.pending}
        selected={selection.selected}
        selectedInView={selectedInView}
        onSelect={selection.toggle}
        onSelectAll={onSelectAll}
        onAction={onRowAction}
        highlight={justMade}
        sort={params.sort}
        dir={params.dir}
        onSort={(sort, dir) => updateParams({ sort, dir })}
      />
    );
  }

  return (
    <OwnTokenIdContext value={ownToken.ownId}>
      <EditDraftsContext value={drafts}>
        <div className={`tokens-page${selecting ? ' tokens-page--selecting' : ''}`}>
          <div className="tokens-page__header">
            <h1>API Tokens</h1>
            {tokens && (
              <p className="tokens-page__count" aria-live="polite" role={arriving ? 'status' : undefined}>
                {arriving
                  ? partialCountText(rows.length, view.total, view.filtered, arriving.failed !== null)
                  : tokenCountText(rows.length, view.total, view.filtered)}
              </p>
            )}
            {orgID !== undefined && (
              <div className="tokens-page__actions">
                <ExportMenu
                  count={list.data ? rows.length : 0}
                  orgName={orgName}
                  tokensInView={() => rows.map((row) => latest.get(row.token.id) ?? row.token)}
                />
                <GenerateTokenMenu onChoose={setGenerate} />
              </div>
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
          {arriving?.failed && (
            <p className="tokens-page__refresh-error" role="alert">
              The list is incomplete: loading broke off after {arriving.tokens.length.toLocaleString('en-US')} tokens.{' '}
              {arriving.failed.message}{' '}
              <button type="button" className="btn btn--small" onClick={() => void list.refetch()}>
                Retry
              </button>
            </p>
          )}
          <InvalidUrlFilters problems={problems} />
          {/* The bulk bar lies over the filters (which it replaces while tokens are selected), so nothing moves the rows. */}
          <div className="tokens-page__controls">
            {(view.total > 0 || !list.data) && !ownToken.lost ? (
              <TokensToolbar
                params={params}
                owners={view.owners}
                buckets={buckets.data ?? []}
                onChange={updateParams}
                filterRef={filterRef}
              />
            ) : null}
            {selecting && bulkBarModule && (
              <bulkBarModule.BulkBar
                count={selectedCount}
                hidden={selectedCount - selectedInView}
                onAction={startBulk}
                onClear={selection.clear}
              />
            )}
          </div>
          {content}
        </div>
        {orgID !== undefined && <Outlet context={outletContext} />}
        {orgID !== undefined && GenerateDialog && (
          <GenerateDialog
            orgID={orgID}
            orgName={orgName}
            onClose={() => setGenerate(null)}
            onCreated={(token) => {
              setGenerate(null);
              showNewToken(token, 'created');
            }}
          />
        )}
        {rotate && rotateModule && (
          <rotateModule.RotateTokenDialog
            token={rotate}
            onClose={() => setRotate(null)}
            onCreated={(created) => {
              setRotate(null);
              showNewToken(created, 'rotated', rotate);
            }}
            onCloseAutoFocus={(event) => {
              // Cancelled from a row: back to its menu button (a drawer gets its own focus back).
              const button = drawerOpen
                ? null
                : document.querySelector<HTMLElement>(`[data-row-actions="${rotate.id}"]`);
              if (!button) return;
              event.preventDefault();
              button.focus();
            }}
          />
        )}
        {newToken && newTokenModule && (
          <newTokenModule.NewTokenDialog
            token={newToken.token}
            origin={newToken.origin}
            replaces={newToken.replaces}
            onRetire={() => {
              const { replaces, token } = newToken;
              if (!replaces) return;
              if (replaces.id === ownToken.ownId)
                setOwnOff({ token: replaces, proceed: () => retireRotated(replaces, token) });
              else retireRotated(replaces, token);
            }}
            onClose={() => setNewToken(null)}
            onCloseAutoFocus={(event) => {
              // Find what you just made: its row scrolls into view, lights up, and takes focus (under an open drawer,
              // focus goes back into the drawer).
              setJustMade(newToken.token.id);
              if (drawerOpen) return;
              event.preventDefault();
              setFocusRequest(newToken.token.id);
            }}
          />
        )}
        {rowDelete && deleteModule && (
          <deleteModule.DeleteTokenDialog
            token={rowDelete}
            onClose={() => setRowDelete(null)}
            onDeleted={() => {
              rowDeleted.current = true;
              selection.remove([rowDelete.id]);
            }}
            onCloseAutoFocus={(event) => {
              // Cancelled: back to the row's menu button. Deleted (or scrolled away): the row is going, so the filter box.
              const button = rowDeleted.current
                ? null
                : document.querySelector<HTMLElement>(`[data-row-actions="${rowDelete.id}"]`);
              event.preventDefault();
              (button ?? filterRef.current)?.focus();
            }}
          />
        )}
        {ownOff && confirms && (
          <confirms.DeactivateOwnTokenDialog
            token={ownOff.token}
            onCancel={() => setOwnOff(null)}
            onConfirm={() => {
              setOwnOff(null);
              ownOff.proceed();
            }}
          />
        )}
        {bulkWithOwn && confirms && (
          <confirms.BulkWithOwnTokenDialog
            action={bulkWithOwn.action}
            own={bulkWithOwn.own}
            others={bulkWithOwn.tokens.length - 1}
            onCancel={() => setBulkWithOwn(null)}
            onContinue={(includeOwn) => {
              const { action, tokens, own } = bulkWithOwn;
              setBulkWithOwn(null);
              setBulk({ action, tokens: includeOwn ? tokens : tokens.filter((token) => token.id !== own.id) });
            }}
          />
        )}
        {bulk && bulkModule && (
          <bulkModule.BulkDialog
            action={bulk.action}
            tokens={bulk.tokens}
            onFinished={onBulkFinished}
            onClose={() => setBulk(null)}
            onStatusChanged={(outcome, changed) => withActions((a) => a.announceBulk(outcome, changed), 'after')}
            onCloseAutoFocus={(event) => {
              // The bar that opened it goes away when every selected token changed: then the filter box.
              if (document.querySelector('.bulk-bar')) return;
              event.preventDefault();
              filterRef.current?.focus();
            }}
          />
        )}
        {actionsHost}
      </EditDraftsContext>
    </OwnTokenIdContext>
  );
}
