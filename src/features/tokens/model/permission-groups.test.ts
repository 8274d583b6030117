import { describe, expect, it } from 'vitest';
import { bucketPermission } from '../../../testing/token-factory';
import { groupPermissions } from './permission-groups';

const perms = [
  bucketPermission('read', 'b1', 'telemetry'),
  bucketPermission('write', 'b1', 'telemetry'),
  bucketPermission('read', 'b2', 'logs'),
  { action: 'read' as const, resource: { type: 'dashboards' as const, orgID: 'o1', org: 'my-org' } },
  { action: 'write' as const, resource: { type: 'tasks' as const } },
];

describe('groupPermissions', () => {
  it('groups by resource type, merging read and write on one target', () => {
    const groups = groupPermissions(perms);
    expect(groups.map((g) => g.title)).toEqual(['Buckets', 'Dashboards', 'Tasks']);
    expect(groups[0]?.entries).toEqual([
      { key: 'buckets/0a1b2c3d4e5f6071/b1', scope: 'bucket “telemetry”', id: 'b1', actions: ['read', 'write'] },
      { key: 'buckets/0a1b2c3d4e5f6071/b2', scope: 'bucket “logs”', id: 'b2', actions: ['read'] },
    ]);
    expect(groups[1]?.entries[0]?.scope).toBe('all dashboards in my-org');
    expect(groups[2]?.entries[0]?.scope).toBe('all tasks in every organization');
  });

  it('filters by name, type or action, case-insensitively', () => {
    expect(groupPermissions(perms, 'LOGS').flatMap((g) => g.entries.map((e) => e.scope))).toEqual(['bucket “logs”']);
    expect(groupPermissions(perms, 'dashb').map((g) => g.type)).toEqual(['dashboards']);
    expect(groupPermissions(perms, 'write').map((g) => g.type)).toEqual(['buckets', 'tasks']);
    expect(groupPermissions(perms, 'nothing-like-this')).toEqual([]);
  });
});
