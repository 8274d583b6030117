// /tokens/:tokenId — the token's drawer over the list. Closing goes back to the list URL (keeping its
// query), and the list puts focus back on the token's description button (after a delete: its neighbour's).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import { Dialog } from '../../../components/ui/dialog';
import { InfluxApiError } from '../../../../core/influx-client';
import { useSession } from '../../../lib/session/session-context';
import { tokenQueries } from '../api/token-queries';
import { tokenLabel } from '../../../lib/token-label';
import { DrawerTabs } from './drawer-tabs';
import { DrawerTokenActions } from './drawer-token-actions';
import { TokenActivity } from './token-activity';
import { TokenDetails } from './token-details';
import { useBasePath } from '../../../lib/org-query';

/** What the list page hands to this route. */
export interface TokensOutletContext {
  orgID: string;
  /** Asks the list to focus this token's description button (Radix cannot: the row may be virtualized away). */
  onDrawerClosed: (id: string) => void;
}

export function TokenDrawerRoute() {
  const { tokenId = '' } = useParams();
  const { orgID, onDrawerClosed } = useOutletContext<TokensOutletContext>();
  const { client } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const base = useBasePath();
  const location = useLocation();
  const closing = useRef(false);
  /** After a delete, where focus goes as the drawer closes: the row that was beside the token's. */
  const focusAfter = useRef<string | null>(null);
  // While its deletion runs, the token is not re-read: a refetch would answer 404 before the drawer closes.
  const [deleting, setDeleting] = useState(false);
  const query = useQuery({
    ...tokenQueries.detail(client, tokenId, queryClient, orgID),
    enabled: orgID !== '' && !deleting,
  });
  // A copy cached while another org was shown is not this org's token (the query's own answer checks the same).
  const token = query.data?.orgID === orgID ? query.data : undefined;
  // 400: not a well-formed ID; 404: no such token (in this org).
  const notFound =
    (orgID !== '' && query.data !== undefined && token === undefined) ||
    (query.error instanceof InfluxApiError && (query.error.status === 404 || query.error.status === 400));

  function close() {
    if (closing.current) return;
    closing.current = true;
    // Opened from the list: step back to that very entry; opened from a link: go to the list.
    if ((location.state as { fromList?: boolean } | null)?.fromList) navigate(-1);
    else navigate({ pathname: `${base}/tokens`, search: location.search });
  }

  let title: string;
  let body;
  if (notFound) {
    title = 'Token not found';
    body = (
      <p>
        No token with ID <code>{tokenId}</code> exists in this organization. It may have been deleted, or the link may
        be mistyped.
      </p>
    );
  } else if (token) {
    // A token that was shown before a later refresh failed (other than 404) stays visible.
    title = tokenLabel(token.description);
    body = (
      <>
        <DrawerTokenActions
          token={token}
          onDeleted={(neighbour) => {
            focusAfter.current = neighbour;
            close();
          }}
          onDeletingChange={setDeleting}
        />
        <DrawerTabs
          label="Token"
          tabs={[
            { id: 'details', label: 'Details', content: () => <TokenDetails token={token} /> },
            { id: 'activity', label: 'Activity', content: () => <TokenActivity token={token} /> },
          ]}
        />
      </>
    );
  } else if (query.isError) {
    title = 'Could not load the token';
    body = (
      <div role="alert">
        <p>{query.error.message}</p>
        <button type="button" className="btn" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  } else {
    title = 'Loading token…';
    body = <p role="status">Loading token…</p>;
  }

  return (
    <Dialog
      variant="drawer"
      onClose={close}
      title={title}
      description={token && !notFound ? 'API token details' : undefined}
      onEscapeKeyDown={(event) => {
        // Escape in an open description box cancels that edit, and in a filter with text clears it; the drawer stays.
        if ((event.target as Element | null)?.closest?.('[data-escape-cancels-edit]')) event.preventDefault();
      }}
      onCloseAutoFocus={(event) => {
        event.preventDefault();
        // No neighbour on screen: the deleted token's own ID, which the list no longer finds (the filter box then).
        onDrawerClosed(focusAfter.current ?? tokenId);
      }}
    >
      {body}
    </Dialog>
  );
}
