// What the app server keeps that InfluxDB has no place for (core/governance.ts): each token's expiry and the trail of
// changes. Queries are keyed under 'governance', so sign-out (which keeps only 'app' keys) drops them too.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ACTIVITY_PATH,
  EXPIRY_PATH_PREFIX,
  GOVERNANCE_PATH,
  type ActivityPage,
  type Expiry,
  type GovernanceState,
  type SetExpiryBody,
} from '../../../../core/governance';
import { sendInfluxRequest, type InfluxApiError, type InfluxClient } from '../../../../core/influx-client';
import { useSession } from '../../../lib/session/session-context';
import { indexExpiries } from '../model/expiry';

export const governanceKeys = {
  all: ['governance'] as const,
  state: (orgID: string) => ['governance', 'state', orgID] as const,
  activity: (orgID: string, tokenID: string) => ['governance', 'activity', orgID, tokenID] as const,
};

/** GET /api/app/governance?orgID=: whether expiry works here, the policy, and every expiry of the org (indexed). */
export function governanceQuery(client: InfluxClient, orgID: string) {
  return queryOptions({
    queryKey: governanceKeys.state(orgID),
    queryFn: ({ signal }) => sendInfluxRequest<GovernanceState>(client.prepareGet(GOVERNANCE_PATH, { orgID }), signal),
    // One Map per answer: the list looks each row's expiry up in it.
    select: indexExpiries,
    staleTime: 15_000,
  });
}

/** GET /api/app/activity?orgID=&tokenID=: this token's trail, newest first (the first page). */
export function tokenActivityQuery(client: InfluxClient, orgID: string, tokenID: string) {
  return queryOptions({
    queryKey: governanceKeys.activity(orgID, tokenID),
    queryFn: ({ signal }) =>
      sendInfluxRequest<ActivityPage>(client.prepareGet(ACTIVITY_PATH, { orgID, tokenID }), signal),
    // Read afresh each time the tab opens: every change the page makes is recorded by the server, not here.
    staleTime: 0,
  });
}

export interface SetExpiryVariables extends SetExpiryBody {
  tokenID: string;
}

/**
 * PUT /api/app/expiry/<id>: sets, changes or (expiresAt null) clears an expiry, and sets or (null) cancels the
 * deletion after it; a field left out is kept as it is. The answer goes into the cache.
 */
export function useSetExpiry() {
  const queryClient = useQueryClient();
  const { client } = useSession();
  return useMutation<Expiry | undefined, InfluxApiError, SetExpiryVariables>({
    mutationKey: ['governance', 'expiry'],
    mutationFn: ({ tokenID, orgID, expiresAt, deleteAt }) => {
      // The client has no PUT of its own: a prepared GET (its headers and token) turned into this PUT.
      const get = client.prepareGet(`${EXPIRY_PATH_PREFIX}${encodeURIComponent(tokenID)}`);
      // JSON leaves out what is undefined: the server keeps that field as it is.
      const body: SetExpiryBody = { orgID, expiresAt, deleteAt };
      return sendInfluxRequest<Expiry | undefined>({
        ...get,
        method: 'PUT',
        headers: { ...get.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    },
    onSuccess: (saved, { tokenID, orgID }) => {
      queryClient.setQueryData<GovernanceState>(governanceKeys.state(orgID), (state) =>
        state
          ? {
              ...state,
              expiries: [...state.expiries.filter((e) => e.tokenID !== tokenID), ...(saved ? [saved] : [])],
            }
          : state,
      );
    },
    // Not returned: the save's message should not wait for the refetch.
    onSettled: (_saved, _error, { tokenID, orgID }) => {
      void queryClient.invalidateQueries({ queryKey: governanceKeys.state(orgID) });
      void queryClient.invalidateQueries({ queryKey: governanceKeys.activity(orgID, tokenID) });
    },
  });
}

/**
 * The org's expiries for the list, and why there are none to show: unavailable here (no server-held token), still
 * loading, or failed to load. `unavailable` is undefined when the Expires column can be trusted.
 */
export function useExpiryIndex(orgID: string | undefined) {
  const { client } = useSession();
  const query = useQuery({ ...governanceQuery(client, orgID ?? ''), enabled: orgID !== undefined });
  let unavailable: string | undefined;
  if (query.data && !query.data.available)
    unavailable = query.data.unavailableReason ?? 'this console holds no token of its own to deactivate tokens with.';
  else if (!query.data)
    unavailable = query.isError ? `could not load them: ${query.error.message}` : 'loading expiry dates…';
  return {
    expiries: query.data?.available ? query.data : undefined,
    unavailable,
    /** True when the reason is worth saying on the page (not while loading). */
    noted: query.isError || query.data?.available === false,
    failed: query.isError,
    retry: () => void query.refetch(),
  };
}
