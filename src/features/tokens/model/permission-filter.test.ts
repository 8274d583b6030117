import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../../core/influx-types';
import {
  allAccessPermissions,
  bucketPermission,
  makeToken,
  operatorPermissions,
  ORG_ID,
} from '../../../testing/token-factory';
import {
  formatPermissionFilter,
  parsePermissionFilter,
  tokenMatchesPermissionFilter,
  type PermissionFilter,
} from './permission-filter';
import { permissionMatches } from './permission-match';

const TELEGRAF = 'b000000000000002';
const MY_BUCKET = 'b000000000000001';
const OTHER_ORG = '0f0f0f0f0f0f0f0f';

const tokens = {
  operator: makeToken({ description: 'operator', permissions: operatorPermissions() }),
  allAccess: makeToken({ description: 'all access', permissions: allAccessPermissions() }),
  telegrafWriter: makeToken({
    description: 'telegraf writer',
    permissions: [bucketPermission('write', TELEGRAF, 'telegraf')],
  }),
  myBucketRw: makeToken({
    description: 'my-bucket rw',
    permissions: [bucketPermission('read', MY_BUCKET, 'my-bucket'), bucketPermission('write', MY_BUCKET, 'my-bucket')],
  }),
  readAllBuckets: makeToken({
    description: 'read all buckets',
    permissions: [{ action: 'read', resource: { type: 'buckets', orgID: ORG_ID } }],
  }),
  dashboards: makeToken({
    description: 'dashboards',
    permissions: [{ action: 'write', resource: { type: 'dashboards', orgID: ORG_ID } }],
  }),
  otherOrgBuckets: makeToken({
    description: 'other org buckets',
    permissions: [{ action: 'write', resource: { type: 'buckets', orgID: OTHER_ORG } }],
  }),
  instance: makeToken({ description: 'instance', permissions: [{ action: 'write', resource: { type: 'instance' } }] }),
};

function matching(filter: PermissionFilter): string[] {
  return Object.values(tokens)
    .filter((t) => tokenMatchesPermissionFilter(t, filter))
    .map((t) => t.description);
}

describe('permissionMatches (InfluxDB rules)', () => {
  const wanted = { action: 'write' as const, resource: { type: 'buckets', id: TELEGRAF, orgID: ORG_ID } };
  it('needs the same action and type', () => {
    expect(permissionMatches({ action: 'read', resource: { type: 'buckets' } }, wanted)).toBe(false);
    expect(permissionMatches({ action: 'write', resource: { type: 'dashboards' } }, wanted)).toBe(false);
  });
  it('unscoped covers every resource, orgID only the org, id only that resource', () => {
    expect(permissionMatches({ action: 'write', resource: { type: 'buckets' } }, wanted)).toBe(true);
    expect(permissionMatches({ action: 'write', resource: { type: 'buckets', orgID: ORG_ID } }, wanted)).toBe(true);
    expect(permissionMatches({ action: 'write', resource: { type: 'buckets', orgID: OTHER_ORG } }, wanted)).toBe(false);
    expect(
      permissionMatches({ action: 'write', resource: { type: 'buckets', id: TELEGRAF, orgID: ORG_ID } }, wanted),
    ).toBe(true);
    expect(
      permissionMatches({ action: 'write', resource: { type: 'buckets', id: MY_BUCKET, orgID: ORG_ID } }, wanted),
    ).toBe(false);
  });
  it('an org-wide permission does not cover a resource whose org is unknown', () => {
    const granted: Permission = { action: 'write', resource: { type: 'buckets', orgID: ORG_ID } };
    expect(permissionMatches(granted, { action: 'write', resource: { type: 'buckets', id: TELEGRAF } })).toBe(false);
  });
  it('instance covers everything for its action', () => {
    expect(permissionMatches({ action: 'write', resource: { type: 'instance' } }, wanted)).toBe(true);
    expect(permissionMatches({ action: 'read', resource: { type: 'instance' } }, wanted)).toBe(false);
  });
});

describe('the permission filter', () => {
  it('write on bucket telegraf: the operator, all-access, org-wide and the bucket writer', () => {
    expect(matching({ action: 'write', type: 'buckets', id: TELEGRAF })).toEqual([
      'operator',
      'all access',
      'telegraf writer',
      'instance',
    ]);
  });
  it('read on bucket telegraf: org-wide read counts, a write-only token does not', () => {
    expect(matching({ action: 'read', type: 'buckets', id: TELEGRAF })).toEqual([
      'operator',
      'all access',
      'read all buckets',
    ]);
  });
  it('any action on my-bucket', () => {
    expect(matching({ action: 'any', type: 'buckets', id: MY_BUCKET })).toEqual([
      'operator',
      'all access',
      'my-bucket rw',
      'read all buckets',
      'instance',
    ]);
  });
  it('write on buckets: holds write on at least one bucket (any org)', () => {
    expect(matching({ action: 'write', type: 'buckets' })).toEqual([
      'operator',
      'all access',
      'telegraf writer',
      'my-bucket rw',
      'other org buckets',
      'instance',
    ]);
  });
  it('write on any resource, and any action on dashboards', () => {
    expect(matching({ action: 'write', type: null })).not.toContain('read all buckets');
    expect(matching({ action: 'any', type: 'dashboards' })).toEqual([
      'operator',
      'all access',
      'dashboards',
      'instance',
    ]);
  });
});

describe('the permission filter in the URL', () => {
  it('round-trips every form', () => {
    for (const text of ['write:buckets', `write:buckets/${TELEGRAF}`, 'any:dashboards', 'read:any']) {
      const parsed = parsePermissionFilter(text);
      expect(parsed).not.toBeNull();
      expect(formatPermissionFilter(parsed!)).toBe(text);
    }
    expect(parsePermissionFilter(`read:buckets/${TELEGRAF.toUpperCase()}`)).toEqual({
      action: 'read',
      type: 'buckets',
      id: TELEGRAF,
    });
  });
  it('ignores malformed or empty filters', () => {
    for (const text of [
      null,
      '',
      'any:any',
      'delete:buckets',
      'write:buckets/xyz',
      'write:',
      'write:any/b000000000000002',
      'write:buck ets',
    ]) {
      expect(parsePermissionFilter(text)).toBeNull();
    }
  });
});
