// Keeps the page's knowledge of its own token fresh: checked on load, and again whenever a request fails or a change
// succeeds (a lost own token shows up as a 401, an org that cannot be seen, or an empty list), so the page can name
// that cause instead of a wrong one. An empty list is checked with a request about the org itself before the page
// calls the org empty: InfluxDB answers an inactive token's list with nothing, but refuses it one resource.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { InfluxApiError } from '../../../../core/influx-client';
import {
  credentialCheckQuery,
  OWN_TOKEN_KEY,
  ownTokenLost,
  ownTokenQuery,
  type OwnToken,
} from '../../../lib/session/own-token';
import { useSession } from '../../../lib/session/session-context';

/** InfluxDB's message for a request about one resource with an inactive token (auth.go, PermissionSet). */
const TOKEN_INACTIVE = 'token is inactive';

/** `emptyList`: the org whose token list came back empty, and when (dataUpdatedAt); undefined otherwise. */
export function useOwnToken(emptyList?: { orgID: string; listedAt: number }) {
  const { client, usesPastedToken } = useSession();
  const queryClient = useQueryClient();
  const query = useQuery(ownTokenQuery(client));
  const check = useQuery({
    ...credentialCheckQuery(client, emptyList?.orgID ?? '', emptyList?.listedAt ?? 0),
    enabled: emptyList !== undefined,
  });

  useEffect(() => {
    const recheck = () => void queryClient.invalidateQueries({ queryKey: OWN_TOKEN_KEY });
    const isOwnToken = (key: readonly unknown[]) => key[0] === OWN_TOKEN_KEY[0];
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && !isOwnToken(event.query.queryKey)) recheck();
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      // A success too: the change may have been to the page's own token (switched off or deleted).
      if (event.type === 'updated' && (event.action.type === 'error' || event.action.type === 'success')) recheck();
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient]);

  /** After recovery: ask again (the server re-reads its token file); if it works now, load everything afresh. */
  async function tryAgain() {
    const result = await query.refetch();
    if (!ownTokenLost(result.data)) {
      await queryClient.resetQueries({
        predicate: (q) => q.queryKey[0] !== 'app' && q.queryKey[0] !== OWN_TOKEN_KEY[0],
      });
    }
  }

  const refusal = check.error instanceof InfluxApiError && check.error.status === 401 ? check.error : null;
  const answer = query.data;
  // The server's word, unless InfluxDB just refused the credential about the org while the server still thinks
  // it works (it is asked again on that failure): then what InfluxDB said.
  const own: OwnToken | undefined =
    refusal && !ownTokenLost(answer)
      ? {
          state: refusal.message === TOKEN_INACTIVE ? 'inactive' : 'refused',
          message: refusal.message,
          source: answer?.source ?? (usesPastedToken ? 'pasted' : 'server'),
          recoverable: answer?.recoverable ?? false,
        }
      : answer;
  const unknownUser = own?.state === 'unknown' ? own.userID : null;
  const unknown = useMemo(() => (unknownUser === null ? null : { userID: unknownUser }), [unknownUser]);
  return {
    own,
    ownId: own && (own.state === 'active' || own.state === 'inactive') ? (own.id ?? null) : null,
    /** Set while the page cannot tell which token it runs on: the token's user, when InfluxDB names it. */
    unknown,
    lost: ownTokenLost(own),
    checking: query.isFetching,
    /** The empty list is still being checked: the page says neither "no tokens" nor "locked out" yet. */
    checkingEmptyList: emptyList !== undefined && check.isPending,
    /** The check of an empty list failed for another reason than the credential (InfluxDB away, org gone). */
    emptyListCheckError: refusal ? null : check.error,
    tryAgain,
  };
}
