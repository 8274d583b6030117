// First start on an empty database: my-org, users, buckets, the operator token and a few demo tokens, then
// second-org with its own (bootstrap-second-org.ts), all in one transaction. Later starts find the orgs and leave
// everything as it is.
import { storeSecondOrg } from './bootstrap-second-org';
import { newId } from './ids';
import { storeDemoBuckets, storeDemoTokens, type DemoToken } from './demo-data';
import { storeNewAuthorization } from './new-authorization';
import { storeNewOrg } from './new-org';
import { writeOperatorToken } from './operator-token-file';
import { allAccessPermissions, operatorPermissions, resourcePermission } from './permissions';
import type { StandinStore } from './store';

export const BOOTSTRAP_ORG = 'my-org';
export const BOOTSTRAP_ADMIN = 'admin';
const OPERATOR_DESCRIPTION = `${BOOTSTRAP_ADMIN}'s Token`;

const DAY = 86400;

/** Read and write on one bucket, or on every bucket of the org. */
const readAndWriteBuckets = (orgID: string, bucketID?: string) =>
  (['read', 'write'] as const).map((action) => resourcePermission(action, 'buckets', bucketID, orgID));

/** Varied on purpose: both statuses, all-access and narrow tokens, and user2's first token active. */
const DEMO_TOKENS: DemoToken[] = [
  {
    user: 'user2',
    description: "user2's telegraf writer",
    status: 'active',
    permissions: ({ orgID, bucket }) => [resourcePermission('write', 'buckets', bucket('telegraf'), orgID)],
  },
  {
    user: 'user2',
    description: 'read/write my-bucket',
    status: 'inactive',
    permissions: ({ orgID, bucket }) => readAndWriteBuckets(orgID, bucket('my-bucket')),
  },
  {
    user: 'user2',
    description: 'dashboards viewer',
    status: 'active',
    permissions: ({ orgID }) => [
      resourcePermission('read', 'dashboards', undefined, orgID),
      resourcePermission('read', 'buckets', undefined, orgID),
    ],
  },
  {
    user: 'user1',
    description: "user1's all-access token",
    status: 'active',
    permissions: ({ orgID, userID }) => allAccessPermissions(orgID, userID),
  },
  {
    user: 'user1',
    description: 'old CI token (revoked)',
    status: 'inactive',
    permissions: ({ orgID }) => readAndWriteBuckets(orgID),
  },
  {
    user: BOOTSTRAP_ADMIN,
    description: 'read all buckets',
    status: 'active',
    permissions: ({ orgID }) => [resourcePermission('read', 'buckets', undefined, orgID)],
  },
];

export interface BootstrapResult {
  /** True only on the start that created the data; the token is then in `operatorToken`. */
  created: boolean;
  operatorToken?: string;
}

/** Bootstraps an empty database; a no-op (created: false) when it holds data already. */
export function bootstrapIfEmpty(store: StandinStore): BootstrapResult {
  return store.transaction(() => {
    if (!store.isEmpty()) return { created: false };
    const userIDs = new Map<string, string>();
    for (const name of [BOOTSTRAP_ADMIN, 'user1', 'user2']) {
      const id = newId();
      store.insertUser({ id, name, status: 'active' });
      userIDs.set(name, id);
    }
    // As `influx setup` makes it: the org (with its system buckets) owned by the admin; then the others joined it.
    const adminID = userIDs.get(BOOTSTRAP_ADMIN)!;
    const orgID = storeNewOrg(store, { name: BOOTSTRAP_ORG, description: '', ownerID: adminID }).id;
    for (const [name, userID] of userIDs) {
      if (name !== BOOTSTRAP_ADMIN) store.insertOrgMember({ userID, orgID, role: 'member' });
    }

    const bucketIDs = storeDemoBuckets(store, orgID, [
      { name: 'my-bucket', retentionSeconds: 0, description: '' },
      { name: 'telegraf', retentionSeconds: 30 * DAY, description: 'metrics from telegraf agents' },
    ]);

    const { token } = storeNewAuthorization(store, {
      status: 'active',
      description: OPERATOR_DESCRIPTION,
      orgID,
      userID: adminID,
      permissions: operatorPermissions(),
    });
    storeDemoTokens(store, orgID, DEMO_TOKENS, userIDs, bucketIDs);
    storeSecondOrg(store, adminID);
    // Written before the commit: a crash in between leaves an empty database, bootstrapped anew next start.
    writeOperatorToken(store.dataDir, token);
    return { created: true, operatorToken: token };
  });
}
