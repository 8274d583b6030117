// Making an org as InfluxDB's CreateOrganization does: the org, its two system buckets, and whoever made it
// as its owner. The first start's bootstrap and POST /api/v2/orgs both make orgs this way.
import { nowRfc3339 } from './clock';
import { newId } from './ids';
import type { OrgRow, StandinStore } from './store';

const DAY = 86400;

/** InfluxDB's system buckets, with its names, descriptions and retention periods (bucket.go). */
const SYSTEM_BUCKETS = [
  { name: '_tasks', retentionSeconds: 3 * DAY, description: 'System bucket for task logs' },
  { name: '_monitoring', retentionSeconds: 7 * DAY, description: 'System bucket for monitoring logs' },
];

/** Inserts the org, its system buckets and its owner in one transaction (or the caller's). */
export function storeNewOrg(store: StandinStore, org: { name: string; description: string; ownerID: string }): OrgRow {
  return store.transaction(() => {
    const now = nowRfc3339();
    const row: OrgRow = { id: newId(), name: org.name, description: org.description, createdAt: now, updatedAt: now };
    store.insertOrg(row);
    for (const bucket of SYSTEM_BUCKETS) {
      store.insertBucket({ id: newId(), orgID: row.id, type: 'system', ...bucket, createdAt: now, updatedAt: now });
    }
    store.insertOrgMember({ userID: org.ownerID, orgID: row.id, role: 'owner' });
    return row;
  });
}
