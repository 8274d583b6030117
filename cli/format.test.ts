import { describe, expect, it } from 'vitest';
import type { Authorization } from '../core/influx-types';
import { renderAuthTable, toPrintedToken, TOKEN_IN_USE } from './auth-output';
import { formatPermission, formatPermissionList } from './permission-string';
import { TABLE_COLUMNS } from './test-support/table-columns';

const ORG = '1111111111111111';
const USER = '2222222222222222';

function auth(overrides: Partial<Authorization> = {}): Authorization {
  return {
    id: '0a1b2c3d4e5f6a7b',
    token: 'tok-abc==',
    status: 'active',
    description: 'Grafana read',
    orgID: ORG,
    org: 'my-org',
    userID: USER,
    user: 'user2',
    permissions: [
      { action: 'read', resource: { type: 'buckets', orgID: ORG, org: 'my-org' } },
      { action: 'write', resource: { type: 'buckets', id: '3333333333333333', orgID: ORG, org: 'my-org', name: 'b' } },
    ],
    links: { self: '/api/v2/authorizations/0a1b2c3d4e5f6a7b', user: `/api/v2/users/${USER}` },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('permission strings', () => {
  it('prints org-scoped permissions as action:orgs/<orgID>/<type>[/<id>]', () => {
    expect(formatPermission({ action: 'read', resource: { type: 'buckets', orgID: ORG } })).toBe(
      `read:orgs/${ORG}/buckets`,
    );
    expect(
      formatPermission({ action: 'write', resource: { type: 'buckets', orgID: ORG, id: 'aaaaaaaaaaaaaaaa' } }),
    ).toBe(`write:orgs/${ORG}/buckets/aaaaaaaaaaaaaaaa`);
  });
  it('prints unscoped permissions with a leading slash, as influx does', () => {
    expect(formatPermission({ action: 'read', resource: { type: 'authorizations' } })).toBe('read:/authorizations');
    expect(formatPermission({ action: 'write', resource: { type: 'users', id: USER } })).toBe(`write:/users/${USER}`);
  });
  it('joins a list with spaces inside brackets', () => {
    expect(formatPermissionList(auth().permissions)).toBe(
      `[read:orgs/${ORG}/buckets write:orgs/${ORG}/buckets/3333333333333333]`,
    );
    expect(formatPermissionList([])).toBe('[]');
  });
});

describe('tables', () => {
  it('leaves the header row out with hideHeaders, and prints nothing for no rows', () => {
    const lines = renderAuthTable([auth()], { hideHeaders: true }).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `0a1b2c3d4e5f6a7b  Grafana read  tok-abc==  user2  2222222222222222  active  [read:orgs/${ORG}/buckets write:orgs/${ORG}/buckets/3333333333333333]`,
    );
    expect(lines[1]).toBe('');
    expect(renderAuthTable([], { hideHeaders: true })).toBe('');
  });
  it('has influx columns with Status before Permissions, and Deleted last after a deletion', () => {
    const [header, row] = renderAuthTable([auth()]).split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(TABLE_COLUMNS);
    expect(row).toMatch(
      /^0a1b2c3d4e5f6a7b\s+Grafana read\s+tok-abc==\s+user2\s+2222222222222222\s+active\s+\[read:orgs\//,
    );
    const deleted = renderAuthTable([auth()], { deleted: true }).split('\n');
    expect(deleted[0]).toMatch(/Permissions\s+Deleted$/);
    expect(deleted[1]).toMatch(/\]\s+true$/);
  });
  it('never prints the token the command authenticates with', () => {
    const text = renderAuthTable([auth({ token: 'the-secret' }), auth({ id: 'ffffffffffffffff', token: 'other' })], {
      secretInUse: 'the-secret',
    });
    expect(text).not.toContain('the-secret');
    expect(text).toContain(TOKEN_IN_USE);
    expect(text).toContain('other');
    expect(toPrintedToken(auth({ token: 'the-secret' }), 'the-secret').token).toBe('');
  });
});

describe('JSON shape', () => {
  it('matches influx-cli: id, description, token, status, userName, userID, permissions as strings', () => {
    const printed = toPrintedToken(auth());
    expect(Object.keys(printed)).toEqual(['id', 'description', 'token', 'status', 'userName', 'userID', 'permissions']);
    expect(printed).toMatchObject({ userName: 'user2', userID: USER, status: 'active', token: 'tok-abc==' });
    expect(printed.permissions).toEqual([`read:orgs/${ORG}/buckets`, `write:orgs/${ORG}/buckets/3333333333333333`]);
  });
});
