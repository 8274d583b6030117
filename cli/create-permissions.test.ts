import { describe, expect, it } from 'vitest';
import { OSS_RESOURCE_TYPES } from '../core/influx-types';
import { allAccessPermissions } from '../core/permissions';
import { GRANTABLE_TYPES, requestedPermissions } from './create-permissions';
import { formatPermission } from './permission-string';

const ORG = '1111111111111111';
const USER = '2222222222222222';

describe('requestedPermissions', () => {
  it('puts bucket IDs first, then types in OSS order, read before write', () => {
    const permissions = requestedPermissions({
      orgID: ORG,
      readBuckets: ['aaaaaaaaaaaaaaaa'],
      writeBuckets: ['bbbbbbbbbbbbbbbb'],
      readTypes: ['dashboards', 'buckets'],
      writeTypes: ['buckets'],
    });
    expect(permissions.map(formatPermission)).toEqual([
      `read:orgs/${ORG}/buckets/aaaaaaaaaaaaaaaa`,
      `write:orgs/${ORG}/buckets/bbbbbbbbbbbbbbbb`,
      `read:orgs/${ORG}/buckets`,
      `write:orgs/${ORG}/buckets`,
      `read:orgs/${ORG}/dashboards`,
    ]);
  });
  it('does not scope orgs and users to the org, as influx does', () => {
    const permissions = requestedPermissions({
      orgID: ORG,
      readBuckets: [],
      writeBuckets: [],
      readTypes: ['orgs', 'users'],
      writeTypes: [],
    });
    expect(permissions.map(formatPermission)).toEqual(['read:/orgs', 'read:/users']);
  });
});

describe('allAccessPermissions', () => {
  it('grants read and write on every OSS type in the org, its own org and user only, never instance', () => {
    const strings = allAccessPermissions(GRANTABLE_TYPES, ORG, USER).map(formatPermission);
    expect(GRANTABLE_TYPES).toHaveLength(OSS_RESOURCE_TYPES.length - 1);
    expect(strings).not.toContainEqual(expect.stringContaining('instance'));
    expect(strings).toContain(`read:/orgs/${ORG}`);
    expect(strings).not.toContain(`write:/orgs/${ORG}`);
    expect(strings).toEqual(expect.arrayContaining([`read:/users/${USER}`, `write:/users/${USER}`]));
    for (const type of GRANTABLE_TYPES.filter((t) => t !== 'orgs' && t !== 'users')) {
      expect(strings).toEqual(expect.arrayContaining([`read:orgs/${ORG}/${type}`, `write:orgs/${ORG}/${type}`]));
    }
    expect(strings).toHaveLength(1 + 2 + 2 * (GRANTABLE_TYPES.length - 2));
  });
});
