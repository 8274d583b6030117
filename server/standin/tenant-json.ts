// Users, orgs and buckets as InfluxDB writes them (tenant/http_server_*.go): its field order, and every link it
// sends. Go's encoder writes a map's keys sorted, so links come sorted; org names go into links unescaped, as
// InfluxDB's Sprintf puts them there.
import type { BucketRow, OrgMemberRow, OrgRow, UserRow } from './store';

export const userJson = (u: UserRow) => ({
  links: { self: `/api/v2/users/${u.id}` },
  id: u.id,
  name: u.name,
  status: u.status,
});

export const orgJson = (o: OrgRow) => ({
  links: {
    buckets: `/api/v2/buckets?org=${o.name}`,
    dashboards: `/api/v2/dashboards?org=${o.name}`,
    labels: `/api/v2/orgs/${o.id}/labels`,
    logs: `/api/v2/orgs/${o.id}/logs`,
    members: `/api/v2/orgs/${o.id}/members`,
    owners: `/api/v2/orgs/${o.id}/owners`,
    secrets: `/api/v2/orgs/${o.id}/secrets`,
    self: `/api/v2/orgs/${o.id}`,
    tasks: `/api/v2/tasks?org=${o.name}`,
  },
  id: o.id,
  name: o.name,
  description: o.description,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});

/** InfluxDB's default shard group duration for a retention period (0 = infinite). */
function shardGroupDuration(retentionSeconds: number): number {
  if (retentionSeconds === 0 || retentionSeconds >= 180 * 86400) return 7 * 86400;
  return retentionSeconds < 2 * 86400 ? 3600 : 86400;
}

export const bucketJson = (b: BucketRow) => ({
  id: b.id,
  orgID: b.orgID,
  type: b.type,
  ...(b.description !== '' && { description: b.description }),
  name: b.name,
  retentionRules: [
    {
      type: 'expire',
      everySeconds: b.retentionSeconds,
      shardGroupDurationSeconds: shardGroupDuration(b.retentionSeconds),
    },
  ],
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
  links: {
    labels: `/api/v2/buckets/${b.id}/labels`,
    members: `/api/v2/buckets/${b.id}/members`,
    org: `/api/v2/orgs/${b.orgID}`,
    owners: `/api/v2/buckets/${b.id}/owners`,
    self: `/api/v2/buckets/${b.id}`,
    write: `/api/v2/write?org=${b.orgID}&bucket=${b.id}`,
  },
  // The stand-in has no labels; InfluxDB sends the list even when it is empty.
  labels: [],
});

export type MemberRole = OrgMemberRow['role'];

/** /api/v2/{orgs|buckets}/{id}/{members|owners}: the users with that role, each with it. */
export const resourceUsersJson = (
  resource: 'orgs' | 'buckets',
  id: string,
  role: MemberRole,
  users: readonly UserRow[],
) => ({
  links: { self: `/api/v2/${resource}/${id}/${role}s` },
  users: users.map((user) => ({ role, ...userJson(user) })),
});
