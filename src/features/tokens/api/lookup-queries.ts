// What the Generate dialogs and the permission filter look up: resource types, the org's buckets, and who "me" is.
import { queryOptions } from '@tanstack/react-query';
import type { InfluxClient } from '../../../../core/influx-client';
import { naturalCompare } from '../model/token-index';

export const lookupQueries = {
  /** GET /api/v2/resources: the type names this server accepts in permissions. */
  resourceTypes: (client: InfluxClient) =>
    queryOptions({ queryKey: ['resources'], queryFn: () => client.listResourceTypes(), staleTime: Infinity }),

  /** Every bucket of the org (paged 100 at a time, InfluxDB's largest page), user buckets first, each group A → Z. */
  buckets: (client: InfluxClient, orgID: string) =>
    queryOptions({
      queryKey: ['buckets', orgID],
      queryFn: async () => {
        const buckets = await client.listEveryBucket({ orgID });
        return buckets.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'user' ? -1 : 1));
      },
      staleTime: 60_000,
    }),

  /** Every user the signed-in token may read (all pages), to choose a new token's owner; A → Z with numbers in order (user-2 before user-10). */
  users: (client: InfluxClient) =>
    queryOptions({
      queryKey: ['users'],
      queryFn: async () => (await client.listUsers()).sort((a, b) => naturalCompare(a.name, b.name)),
      staleTime: 60_000,
    }),

  /** The user behind the session's token: an all-access token reads and writes only that user. */
  me: (client: InfluxClient) => queryOptions({ queryKey: ['me'], queryFn: () => client.me(), staleTime: Infinity }),
};
