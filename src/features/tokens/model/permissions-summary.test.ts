import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../../core/influx-types';
import { allAccessPermissions, bucketPermission, operatorPermissions } from '../../../testing/token-factory';
import { summarizePermissions } from './permissions-summary';

describe('summarizePermissions', () => {
  it('names the operator and all-access shapes', () => {
    expect(summarizePermissions(operatorPermissions())).toBe('Operator');
    expect(summarizePermissions(allAccessPermissions())).toBe('All access');
  });

  it('does not call a token all-access when one org-wide type is missing', () => {
    const perms = allAccessPermissions().filter((p) => !(p.resource.type === 'tasks' && p.action === 'write'));
    expect(summarizePermissions(perms)).not.toBe('All access');
  });

  it('counts buckets per action', () => {
    expect(summarizePermissions([bucketPermission('read', 'b1', 'one'), bucketPermission('read', 'b2', 'two')])).toBe(
      'Read 2 buckets',
    );
    expect(summarizePermissions([bucketPermission('write', 'b1', 'my-bucket')])).toBe('Write my-bucket');
  });

  it('merges read and write on the same targets', () => {
    expect(summarizePermissions([bucketPermission('read', 'b1', 'x'), bucketPermission('write', 'b1', 'x')])).toBe(
      'Read/write x',
    );
    const threeTypes: Permission[] = (['buckets', 'dashboards', 'tasks'] as const).flatMap((type) =>
      (['read', 'write'] as const).map((action): Permission => ({ action, resource: { type, orgID: 'o1' } })),
    );
    expect(summarizePermissions(threeTypes)).toBe('Read/write 3 types');
  });

  it('lists read and write separately when they differ', () => {
    expect(
      summarizePermissions([
        bucketPermission('read', 'b1', 'a'),
        bucketPermission('read', 'b2', 'b'),
        bucketPermission('write', 'b1', 'a'),
      ]),
    ).toBe('Read 2 buckets, write a');
  });

  it('says "all" for type-wide permissions and handles nameless IDs and no permissions', () => {
    expect(summarizePermissions([{ action: 'read', resource: { type: 'buckets', orgID: 'o1' } }])).toBe(
      'Read all buckets',
    );
    expect(summarizePermissions([{ action: 'write', resource: { type: 'dashboards', id: 'd1', orgID: 'o1' } }])).toBe(
      'Write 1 dashboard',
    );
    expect(summarizePermissions([])).toBe('No permissions');
  });
});
