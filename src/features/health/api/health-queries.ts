// What the Health view reads besides the org (src/lib/org-query.ts): its tokens, the users, and the console's
// expiries (core/governance.ts). A feature may not import the tokens feature (eslint), so these are its own.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { GOVERNANCE_PATH, type GovernanceState } from '../../../../core/governance';
import { sendInfluxRequest, type InfluxClient } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';

export const healthKeys = {
  tokens: (orgID: string) => ['health', 'tokens', orgID] as const,
  users: () => ['health', 'users'] as const,
};

export const healthQueries = {
  /**
   * Every token of the org. Starts from the tokens page's copy when there is one (its key is ['tokens', 'list',
   * orgID]), so the counts match the list just seen and 100,000 tokens are not downloaded again.
   */
  tokens: (client: InfluxClient, orgID: string, queryClient: QueryClient) =>
    queryOptions({
      queryKey: healthKeys.tokens(orgID),
      queryFn: ({ signal }) => client.listAuthorizations({ orgID }, signal),
      initialData: () => queryClient.getQueryData<Authorization[]>(['tokens', 'list', orgID]),
      initialDataUpdatedAt: () => queryClient.getQueryState(['tokens', 'list', orgID])?.dataUpdatedAt,
      staleTime: 30_000,
      structuralSharing: false,
    }),

  /** Every user the token may read: a token whose owner is not among them has lost its owner. */
  users: (client: InfluxClient) =>
    queryOptions({
      queryKey: healthKeys.users(),
      queryFn: async () => new Set((await client.listUsers()).map((user) => user.id)),
      staleTime: 30_000,
    }),

  /**
   * GET /api/app/governance, under the key and with the answer the tokens feature caches it with (the raw
   * GovernanceState), so an expiry set there shows here at once.
   */
  governance: (client: InfluxClient, orgID: string) =>
    queryOptions({
      queryKey: ['governance', 'state', orgID] as const,
      queryFn: ({ signal }) =>
        sendInfluxRequest<GovernanceState>(client.prepareGet(GOVERNANCE_PATH, { orgID }), signal),
      staleTime: 15_000,
    }),
};
