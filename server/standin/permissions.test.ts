// The matching rules of influxdb.Permission.Matches, IDs and tokens, as units.
import { describe, expect, it } from 'vitest';
import { isValidId, newId, parseId } from './ids';
import { permissionString } from '../../core/permissions';
import { PermissionSet, allAccessPermissions, operatorPermissions, resourcePermission as p } from './permissions';
import { hashToken, newToken } from './tokens';

const ORG = '1111111111111111';
const OTHER_ORG = '2222222222222222';
const BUCKET = 'aaaaaaaaaaaaaaaa';
const USER = 'bbbbbbbbbbbbbbbb';

describe('PermissionSet.allows', () => {
  it('an unscoped permission matches every resource of its type and action only', () => {
    const set = new PermissionSet([p('read', 'buckets')]);
    expect(set.allows(p('read', 'buckets', BUCKET, ORG))).toBe(true);
    expect(set.allows(p('read', 'buckets', undefined, OTHER_ORG))).toBe(true);
    expect(set.allows(p('read', 'buckets'))).toBe(true);
    expect(set.allows(p('write', 'buckets', BUCKET, ORG))).toBe(false);
    expect(set.allows(p('read', 'dashboards'))).toBe(false);
  });

  it('orgID alone matches resources in that org, not unscoped requests or other orgs', () => {
    const set = new PermissionSet([p('read', 'buckets', undefined, ORG)]);
    expect(set.allows(p('read', 'buckets', BUCKET, ORG))).toBe(true);
    expect(set.allows(p('read', 'buckets', undefined, ORG))).toBe(true);
    expect(set.allows(p('read', 'buckets', BUCKET, OTHER_ORG))).toBe(false);
    expect(set.allows(p('read', 'buckets'))).toBe(false);
    expect(set.allows(p('read', 'buckets', BUCKET))).toBe(false);
  });

  it('an id matches that resource only, whatever org the request names', () => {
    const set = new PermissionSet([p('write', 'users', USER)]);
    expect(set.allows(p('write', 'users', USER))).toBe(true);
    expect(set.allows(p('write', 'users', USER, ORG))).toBe(true);
    expect(set.allows(p('write', 'users', BUCKET))).toBe(false);
    expect(set.allows(p('write', 'users'))).toBe(false);
  });

  it('instance matches everything for its action', () => {
    const set = new PermissionSet([p('read', 'instance')]);
    expect(set.allows(p('read', 'authorizations', BUCKET, ORG))).toBe(true);
    expect(set.allows(p('write', 'authorizations', BUCKET, ORG))).toBe(false);
  });

  it('operator and all-access sets grant what their names say', () => {
    const operator = new PermissionSet(operatorPermissions());
    expect(operator.allows(p('write', 'authorizations', BUCKET, OTHER_ORG))).toBe(true);
    expect(operator.allows(p('read', 'users', USER))).toBe(true);
    expect(operator.allows(p('read', 'instance'))).toBe(false);
    const allAccess = new PermissionSet(allAccessPermissions(ORG, USER));
    expect(allAccess.allows(p('write', 'authorizations', undefined, ORG))).toBe(true);
    expect(allAccess.allows(p('write', 'authorizations', undefined, OTHER_ORG))).toBe(false);
    expect(allAccess.allows(p('read', 'orgs', ORG))).toBe(true);
    expect(allAccess.allows(p('write', 'users', USER))).toBe(true);
    expect(allAccess.allows(p('read', 'users', BUCKET))).toBe(false);
  });
});

describe('permissionString', () => {
  it('writes resources as the real server does', () => {
    expect(permissionString(p('read', 'buckets'))).toBe('read:buckets');
    expect(permissionString(p('write', 'users', USER))).toBe(`write:users/${USER}`);
    expect(permissionString(p('read', 'buckets', undefined, ORG))).toBe(`read:orgs/${ORG}/buckets`);
    expect(permissionString(p('read', 'authorizations', BUCKET, ORG))).toBe(
      `read:orgs/${ORG}/authorizations/${BUCKET}`,
    );
  });
});

describe('IDs and tokens', () => {
  it('parses IDs case-insensitively to lowercase and refuses bad ones with the real messages', () => {
    expect(parseId('0A1B2C3D4E5F6A7B')).toBe('0a1b2c3d4e5f6a7b');
    expect(() => parseId('0a1b')).toThrow('id must have a length of 16 bytes');
    expect(() => parseId('0000000000000000')).toThrow('invalid ID');
    expect(() => parseId('0x1b2c3d4e5f6a7b')).toThrow('invalid ID');
  });

  it('makes unique, valid, increasing IDs even in bulk', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(ids.every(isValidId)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('makes 88-character URL-safe padded tokens, all different, hashed to 32 bytes', () => {
    const tokens = Array.from({ length: 3000 }, () => newToken());
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{86}==$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(Buffer.from(tokens[0]!, 'base64url')).toHaveLength(64);
    expect(hashToken(tokens[0]!)).toHaveLength(32);
    expect(hashToken(tokens[0]!).equals(hashToken(tokens[0]!))).toBe(true);
  });
});

describe('PermissionSet.allowsEvery', () => {
  it('is true only for unscoped or instance grants', () => {
    expect(new PermissionSet(operatorPermissions()).allowsEvery('read', 'authorizations')).toBe(true);
    expect(new PermissionSet([p('read', 'instance')]).allowsEvery('read', 'users')).toBe(true);
    expect(new PermissionSet(allAccessPermissions(ORG, USER)).allowsEvery('read', 'authorizations')).toBe(false);
    expect(new PermissionSet([p('read', 'users', USER)]).allowsEvery('read', 'users')).toBe(false);
    expect(new PermissionSet([p('read', 'users')]).allowsEvery('write', 'users')).toBe(false);
  });
});
