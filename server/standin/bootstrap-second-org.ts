// The first start's second org, so that switching orgs works on a fresh `npm start`: made as `influx org create`
// with the admin's operator token makes one (the org, its system buckets, the admin as its owner), then
// `influx user create --org second-org` for its own users and a few tokens of both statuses. Made after my-org's
// data, so my-org's users, buckets and tokens keep their places in every list.
import { newId } from './ids';
import { storeDemoBuckets, storeDemoTokens, type DemoBucket, type DemoToken } from './demo-data';
import { storeNewOrg } from './new-org';
import { allAccessPermissions, resourcePermission } from './permissions';
import type { StandinStore } from './store';

export const SECOND_ORG = 'second-org';
/** Members of second-org only. */
export const SECOND_ORG_USERS = ['user3', 'user4'] as const;

const DAY = 86400;

const BUCKETS: DemoBucket[] = [
  { name: 'sensors', retentionSeconds: 0, description: '' },
  { name: 'edge-devices', retentionSeconds: 14 * DAY, description: 'readings from edge gateways' },
];

/** Descriptions unlike my-org's, so a search for one finds one org's token. */
const TOKENS: DemoToken[] = [
  {
    user: 'user3',
    description: "user3's sensors writer",
    status: 'active',
    permissions: ({ orgID, bucket }) => [resourcePermission('write', 'buckets', bucket('sensors'), orgID)],
  },
  {
    user: 'user3',
    description: 'read/write sensors (paused)',
    status: 'inactive',
    permissions: ({ orgID, bucket }) =>
      (['read', 'write'] as const).map((action) => resourcePermission(action, 'buckets', bucket('sensors'), orgID)),
  },
  {
    user: 'user4',
    description: "user4's all-access token",
    status: 'active',
    permissions: ({ orgID, userID }) => allAccessPermissions(orgID, userID),
  },
  {
    user: 'user4',
    description: 'old edge gateway writer (revoked)',
    status: 'inactive',
    permissions: ({ orgID, bucket }) => [resourcePermission('write', 'buckets', bucket('edge-devices'), orgID)],
  },
];

/** Adds second-org and its users, buckets and tokens; runs inside the first start's transaction. */
export function storeSecondOrg(store: StandinStore, adminID: string): void {
  const orgID = storeNewOrg(store, { name: SECOND_ORG, description: '', ownerID: adminID }).id;
  const userIDs = new Map<string, string>();
  for (const name of SECOND_ORG_USERS) {
    const id = newId();
    store.insertUser({ id, name, status: 'active' });
    store.insertOrgMember({ userID: id, orgID, role: 'member' });
    userIDs.set(name, id);
  }
  storeDemoTokens(store, orgID, TOKENS, userIDs, storeDemoBuckets(store, orgID, BUCKETS));
}
