// Keeps the page's knowledge of its own token fresh: checked on load, and again whenever a request fails or a change
// succeeds (a lost own token shows up as a 401, an org that cannot be seen, or an empty list), so the page can name
// that cause instead of a wrong one.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { OWN_TOKEN_KEY, ownTokenLost, ownTokenQuery } from '../../../lib/session/own-token';
import { useSession } from '../../../lib/session/session-context';

export function useOwnToken() {
  const { client } = useSession();
  const queryClient = useQueryClient();
  const query = useQuery(ownTokenQuery(client));

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

  const own = query.data;
  return {
    own,
    ownId: own && (own.state === 'active' || own.state === 'inactive') ? (own.id ?? null) : null,
    lost: ownTokenLost(own),
    checking: query.isFetching,
    tryAgain,
  };
}
