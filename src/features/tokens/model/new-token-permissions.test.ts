import { describe, expect, it } from 'vitest';
import { OSS_RESOURCE_TYPES, type Permission } from '../../../../core/influx-types';
import { ORG_ID } from '../../../testing/token-factory';
import { allAccessPermissions } from '../../../../core/permissions';
import { clonedPermissions, customPermissions } from './new-token-permissions';
import { isAllAccess } from '../../../../core/permissions';

const USER = '1000000000000001';

describe('allAccessPermissions', () => {
  const permissions = allAccessPermissions(OSS_RESOURCE_TYPES, ORG_ID, USER);

  it('grants read and write org-scoped on every type but instance, orgs and users', () => {
    expect(permissions.some((p) => p.resource.type === 'instance')).toBe(false);
    expect(permissions).toContainEqual({ action: 'write', resource: { type: 'buckets', orgID: ORG_ID } });
    expect(permissions).toContainEqual({ action: 'read', resource: { type: 'authorizations', orgID: ORG_ID } });
    expect(permissions).toHaveLength((OSS_RESOURCE_TYPES.length - 3) * 2 + 3);
  });

  it('reads only its own org and reads/writes only its own user', () => {
    expect(permissions.filter((p) => p.resource.type === 'orgs')).toEqual([
      { action: 'read', resource: { type: 'orgs', id: ORG_ID } },
    ]);
    expect(permissions.filter((p) => p.resource.type === 'users')).toEqual([
      { action: 'read', resource: { type: 'users', id: USER } },
      { action: 'write', resource: { type: 'users', id: USER } },
    ]);
  });

  it('is recognized as all access by the list', () => {
    expect(isAllAccess(permissions)).toBe(true);
  });
});

describe('customPermissions', () => {
  it('builds org-scoped type permissions and per-bucket ones', () => {
    expect(
      customPermissions(
        {
          types: { dashboards: { read: true, write: false }, tasks: { write: true } },
          buckets: { b1: { read: true } },
        },
        ORG_ID,
      ),
    ).toEqual([
      { action: 'read', resource: { type: 'dashboards', orgID: ORG_ID } },
      { action: 'write', resource: { type: 'tasks', orgID: ORG_ID } },
      { action: 'read', resource: { type: 'buckets', id: 'b1', orgID: ORG_ID } },
    ]);
  });

  it('leaves out a single bucket already covered by "all buckets" for that action', () => {
    const result = customPermissions(
      { types: { buckets: { read: true } }, buckets: { b1: { read: true, write: true } } },
      ORG_ID,
    );
    expect(result).toEqual([
      { action: 'read', resource: { type: 'buckets', orgID: ORG_ID } },
      { action: 'write', resource: { type: 'buckets', id: 'b1', orgID: ORG_ID } },
    ]);
  });

  it('is empty when nothing is chosen', () => {
    expect(customPermissions({ types: { dashboards: { read: false } }, buckets: {} }, ORG_ID)).toEqual([]);
  });
});

describe('clonedPermissions', () => {
  it('keeps type, id and orgID and drops names', () => {
    const original: Permission[] = [
      { action: 'read', resource: { type: 'buckets', id: 'b1', name: 'telemetry', orgID: ORG_ID, org: 'my-org' } },
      { action: 'write', resource: { type: 'users', id: USER, name: 'admin' } },
      { action: 'read', resource: { type: 'tasks' } },
    ];
    expect(clonedPermissions(original)).toEqual([
      { action: 'read', resource: { type: 'buckets', id: 'b1', orgID: ORG_ID } },
      { action: 'write', resource: { type: 'users', id: USER } },
      { action: 'read', resource: { type: 'tasks' } },
    ]);
  });
});
