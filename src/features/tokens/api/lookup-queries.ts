// What the Generate dialogs and the permission filter look up: resource types, the org's buckets, and who "me" is.
import { queryOptions } from '@tanstack/react-query';
import type { InfluxClient } from '../../../../core/influx-client';
import type { Bucket } from '../../../../core/influx-types';
import { pageThrough } from '../../../../core/paging';

const lookupKeys = {
  resourceTypes: ['resources'] as const,
  buckets: (orgID: string) => ['buckets', orgID] as const,
  me: ['me'] as const,
  users: ['users'] as const,
};

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Every bucket of the org, page by page as core/paging.ts reads InfluxDB's lists: a short page is not the end
 * (pages are cut before the token's rights filter them), the first empty one is; bounded against a server
 * that repeats a page or never ends.
 */
export async function listEveryBucket(client: InfluxClient, orgID: string): Promise<Bucket[]> {
  return pageThrough((offset) => client.listBuckets({ orgID, offset }));
}

export const lookupQueries = {
  /** GET /api/v2/resources: the type names this server accepts in permissions. */
  resourceTypes: (client: InfluxClient) =>
    queryOptions({
      queryKey: lookupKeys.resourceTypes,
      queryFn: () => client.listResourceTypes(),
      staleTime: Infinity,
    }),

  /** Every bucket of the org (paged 100 at a time, InfluxDB's largest page), user buckets first, each group A → Z. */
  buckets: (client: InfluxClient, orgID: string) =>
    queryOptions({
      queryKey: lookupKeys.buckets(orgID),
      queryFn: async () => {
        const buckets = await listEveryBucket(client, orgID);
        return buckets.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'user' ? -1 : 1));
      },
      staleTime: 60_000,
    }),

  /** Every user the signed-in token may read (all pages), to choose a new token's owner; A → Z with numbers in order (user-2 before user-10). */
  users: (client: InfluxClient) =>
    queryOptions({
      queryKey: lookupKeys.users,
      queryFn: async () => (await client.listUsers()).sort((a, b) => naturalOrder.compare(a.name, b.name)),
      staleTime: 60_000,
    }),

  /** The user behind the session's token: an all-access token reads and writes only that user. */
  me: (client: InfluxClient) =>
    queryOptions({ queryKey: lookupKeys.me, queryFn: () => client.me(), staleTime: Infinity }),
};
