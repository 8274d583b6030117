// What the Generate dialogs and the permission filter look up: resource types, the org's buckets, and who "me" is.
import { queryOptions } from '@tanstack/react-query';
import type { InfluxClient } from '../../../lib/influx-client';

export const lookupKeys = {
  resourceTypes: ['resources'] as const,
  buckets: (orgID: string) => ['buckets', orgID] as const,
  me: ['me'] as const,
};

export const lookupQueries = {
  /** GET /api/v2/resources: the type names this server accepts in permissions. */
  resourceTypes: (client: InfluxClient) =>
    queryOptions({ queryKey: lookupKeys.resourceTypes, queryFn: () => client.listResourceTypes(), staleTime: Infinity }),

  /** The org's buckets, user buckets first, each group A → Z (the API returns at most 100). */
  buckets: (client: InfluxClient, orgID: string) =>
    queryOptions({
      queryKey: lookupKeys.buckets(orgID),
      queryFn: async () => {
        const buckets = await client.listBuckets({ orgID });
        return buckets.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'user' ? -1 : 1));
      },
      staleTime: 60_000,
    }),

  /** The user behind the session's token: an all-access token reads and writes only that user. */
  me: (client: InfluxClient) => queryOptions({ queryKey: lookupKeys.me, queryFn: () => client.me(), staleTime: Infinity }),
};
