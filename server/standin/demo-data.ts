// What the first start's orgs are made of (bootstrap.ts for my-org, bootstrap-second-org.ts for second-org): their
// buckets and demo tokens, stored the same way for both.
import { nowRfc3339 } from './clock';
import { newId } from './ids';
import { storeNewAuthorization } from './new-authorization';
import type { StoredPermission } from './permissions';
import type { AuthorizationStatus } from '../../core/influx-types';
import type { StandinStore } from './store';

export interface DemoBucket {
  name: string;
  retentionSeconds: number;
  description: string;
}

export interface DemoToken {
  /** The owner's name, among the users the org's start made. */
  user: string;
  description: string;
  status: AuthorizationStatus;
  permissions: (ids: { orgID: string; userID: string; bucket: (name: string) => string }) => StoredPermission[];
}

/** Stores the org's user buckets, in order; their IDs by name. */
export function storeDemoBuckets(store: StandinStore, orgID: string, buckets: DemoBucket[]): Map<string, string> {
  const now = nowRfc3339();
  const bucketIDs = new Map<string, string>();
  for (const bucket of buckets) {
    const id = newId();
    store.insertBucket({ id, orgID, type: 'user', ...bucket, createdAt: now, updatedAt: now });
    bucketIDs.set(bucket.name, id);
  }
  return bucketIDs;
}

/** Stores the org's demo tokens, in order, each for its owner and with its permissions on the org's buckets. */
export function storeDemoTokens(
  store: StandinStore,
  orgID: string,
  tokens: DemoToken[],
  userIDs: Map<string, string>,
  bucketIDs: Map<string, string>,
): void {
  for (const demo of tokens) {
    const userID = userIDs.get(demo.user)!;
    const permissions = demo.permissions({ orgID, userID, bucket: (name) => bucketIDs.get(name)! });
    storeNewAuthorization(store, { status: demo.status, description: demo.description, orgID, userID, permissions });
  }
}
