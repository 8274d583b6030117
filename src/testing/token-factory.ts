// Builds Authorization objects shaped like the real server's, for component and model tests.
import {
  OSS_RESOURCE_TYPES,
  type Authorization,
  type Permission,
  type PermissionAction,
} from '../../core/influx-types';

export const ORG_ID = '0a1b2c3d4e5f6071';
export const ORG_NAME = 'my-org';

const USER_IDS: Record<string, string> = {
  admin: '1000000000000001',
  user1: '1000000000000002',
  user2: '1000000000000003',
};

let counter = 0;

export function tokenId(n: number): string {
  return n.toString(16).padStart(16, '0').replace(/^0/, 'a');
}

export function bucketPermission(action: PermissionAction, id: string, name: string): Permission {
  return { action, resource: { type: 'buckets', id, name, orgID: ORG_ID, org: ORG_NAME } };
}

export function operatorPermissions(): Permission[] {
  return OSS_RESOURCE_TYPES.flatMap((type) =>
    (['read', 'write'] as const).map((action): Permission => ({ action, resource: { type } })),
  );
}

export function allAccessPermissions(userID = USER_IDS.admin!): Permission[] {
  const orgWide = OSS_RESOURCE_TYPES.filter((t) => t !== 'instance' && t !== 'orgs' && t !== 'users').flatMap((type) =>
    (['read', 'write'] as const).map((action): Permission => ({
      action,
      resource: { type, orgID: ORG_ID, org: ORG_NAME },
    })),
  );
  return [
    ...orgWide,
    { action: 'read', resource: { type: 'orgs', id: ORG_ID, name: ORG_NAME } },
    { action: 'read', resource: { type: 'users', id: userID, name: 'admin' } },
    { action: 'write', resource: { type: 'users', id: userID, name: 'admin' } },
  ];
}

export function makeToken(overrides: Partial<Authorization> = {}): Authorization {
  counter += 1;
  const id = overrides.id ?? tokenId(0xb000 + counter);
  const user = overrides.user ?? 'user1';
  const userID = overrides.userID ?? USER_IDS[user] ?? '1000000000000009';
  return {
    id,
    token: '',
    status: 'active',
    description: `token ${counter}`,
    orgID: ORG_ID,
    org: ORG_NAME,
    userID,
    user,
    permissions: [bucketPermission('read', 'b000000000000001', 'telemetry')],
    links: { self: `/api/v2/authorizations/${id}`, user: `/api/v2/users/${userID}` },
    createdAt: '2024-03-01T10:00:00Z',
    updatedAt: '2024-03-02T10:00:00Z',
    ...overrides,
  };
}

/** user2's "ci writer", reading and writing the telemetry bucket: the token the drawer and lifecycle tests open. */
export function ciWriter(id: string, extra: Permission[] = []): Authorization {
  return makeToken({
    id,
    description: 'ci writer',
    user: 'user2',
    permissions: [
      bucketPermission('read', 'b000000000000001', 'telemetry'),
      bucketPermission('write', 'b000000000000001', 'telemetry'),
      ...extra,
    ],
  });
}
