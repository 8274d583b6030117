import { describe, expect, it } from 'vitest';
import { OSS_RESOURCE_TYPES } from './influx-types';
import { allAccessPermissions, grantableTypes, permissionString, resourcePath } from './permissions';

const ORG = '1111111111111111';
const USER = '2222222222222222';
const BUCKET = '3333333333333333';

describe('permissionString', () => {
  it.each([
    [{ action: 'read', resource: { type: 'buckets', orgID: ORG, id: BUCKET } }, `read:orgs/${ORG}/buckets/${BUCKET}`],
    [{ action: 'write', resource: { type: 'buckets', orgID: ORG } }, `write:orgs/${ORG}/buckets`],
    [{ action: 'write', resource: { type: 'users', id: USER } }, `write:users/${USER}`],
    [{ action: 'read', resource: { type: 'buckets' } }, 'read:buckets'],
  ] as const)('writes %j as InfluxDB does: %s', (permission, text) => {
    expect(permissionString(permission)).toBe(text);
  });

  it('ignores names, which the server looks up', () => {
    expect(resourcePath({ type: 'buckets', id: BUCKET, orgID: ORG, name: 'telemetry', org: 'my-org' } as never)).toBe(
      `orgs/${ORG}/buckets/${BUCKET}`,
    );
  });
});

describe('allAccessPermissions', () => {
  const permissions = allAccessPermissions(OSS_RESOURCE_TYPES, ORG, USER);

  it('grants read and write in the org on every type but instance, reads its own org, and reads/writes its own user', () => {
    expect(permissions.map(permissionString)).toEqual(
      grantableTypes(OSS_RESOURCE_TYPES).flatMap((type) =>
        type === 'orgs'
          ? [`read:orgs/${ORG}`]
          : type === 'users'
            ? [`read:users/${USER}`, `write:users/${USER}`]
            : [`read:orgs/${ORG}/${type}`, `write:orgs/${ORG}/${type}`],
      ),
    );
  });

  it('follows the types it is given (the server lists them for the page), never granting instance', () => {
    expect(allAccessPermissions(['instance', 'dashboards', 'orgs'], ORG, USER).map(permissionString)).toEqual([
      `read:orgs/${ORG}/dashboards`,
      `write:orgs/${ORG}/dashboards`,
      `read:orgs/${ORG}`,
    ]);
    expect(grantableTypes(['instance', 'buckets'])).toEqual(['buckets']);
  });
});
