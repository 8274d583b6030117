// What the Generate dialogs and the permission filter look up: resource types, the org's buckets, and who "me" is.
import { queryOptions } from '@tanstack/react-query';
import type { InfluxClient } from '../../../../core/influx-client';
import type { Bucket } from '../../../../core/influx-types';

const lookupKeys = {
  resourceTypes: ['resources'] as const,
  buckets: (orgID: string) => ['buckets', orgID] as const,
  me: ['me'] as const,
  users: ['users'] as const,
};

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const PAGE = 100;
/** 1,000 pages: far beyond any real org, and a bound should a server ignore `offset`. */
const MAX_PAGES = 1_000;

/** Pages through /api/v2/buckets until a short page; stops early if a server repeats a page (ignores `offset`). */
export async function listEveryBucket(client: InfluxClient, orgID: string): Promise<Bucket[]> {
  const seen = new Map<string, Bucket>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const buckets = await client.listBuckets({ orgID, offset: page * PAGE });
    const before = seen.size;
    for (const bucket of buckets) seen.set(bucket.id, bucket);
    if (buckets.length < PAGE || seen.size === before) break;
  }
  return [...seen.values()];
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

  /** Users the signed-in token may read, to choose a new token's owner; A → Z with numbers in order (user-2 before user-10). */
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
