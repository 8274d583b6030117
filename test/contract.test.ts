import { describe, expect, it } from 'vitest';
import { assertMatchesContract, contractPathOf } from './contract';

// The validator itself must reject what the contract forbids, or every contract check is empty.
const valid = {
  id: '0a1b2c3d4e5f6a7b',
  token: '',
  status: 'active',
  description: 'x',
  orgID: '1111111111111111',
  org: 'my-org',
  userID: '2222222222222222',
  user: 'admin',
  permissions: [{ action: 'read', resource: { type: 'buckets', orgID: '1111111111111111', org: 'my-org' } }],
  links: { self: '/api/v2/authorizations/0a1b2c3d4e5f6a7b', user: '/api/v2/users/2222222222222222' },
  createdAt: '2026-11-28T10:00:00Z',
  updatedAt: '2026-11-28T10:00:00Z',
};

describe('contract validator', () => {
  it('accepts a well-formed authorization', () => {
    expect(() => assertMatchesContract('GET', '/authorizations/{authID}', 200, valid)).not.toThrow();
  });
  it('rejects an unknown status, a bad permission action and a missing orgID', () => {
    expect(() => assertMatchesContract('GET', '/authorizations/{authID}', 200, { ...valid, status: 'paused' })).toThrow(
      /status|enum/,
    );
    expect(() =>
      assertMatchesContract('GET', '/authorizations/{authID}', 200, {
        ...valid,
        permissions: [{ action: 'delete', resource: { type: 'buckets' } }],
      }),
    ).toThrow();
    const { orgID: _orgID, ...noOrg } = valid;
    expect(() => assertMatchesContract('GET', '/authorizations/{authID}', 200, noOrg)).toThrow(/orgID/);
  });
  it('checks error bodies and lists', () => {
    expect(() =>
      assertMatchesContract('GET', '/authorizations', 200, {
        links: { self: '/api/v2/authorizations' },
        authorizations: [valid],
      }),
    ).not.toThrow();
    expect(() =>
      assertMatchesContract('GET', '/authorizations', 401, { code: 'unauthorized', message: 'unauthorized access' }),
    ).not.toThrow();
    expect(() => assertMatchesContract('GET', '/authorizations/{authID}', 404, { message: 'no code' })).toThrow(/code/);
  });
  it('maps concrete paths to templates, of both parts of the contract', () => {
    expect(contractPathOf('/api/v2/authorizations?user=x')).toBe('/authorizations');
    expect(contractPathOf('/api/v2/authorizations/0a1b2c3d4e5f6a7b')).toBe('/authorizations/{authID}');
    expect(contractPathOf('/api/v2/buckets/0a1b2c3d4e5f6a7b/labels')).toBe('/buckets/{bucketID}/labels');
    expect(contractPathOf('/api/v2/orgs?org=x')).toBe('/orgs');
    expect(contractPathOf('/api/v2/nothing')).toBeUndefined();
  });
  it('checks the tenant endpoints too', () => {
    const bucket = { id: '0a1b2c3d4e5f6a7b', name: 'b', retentionRules: [{ type: 'expire', everySeconds: 0 }] };
    expect(() =>
      assertMatchesContract('GET', '/buckets', 200, { links: { self: '/api/v2/buckets' }, buckets: [bucket] }),
    ).not.toThrow();
    const { retentionRules: _rules, ...noRules } = bucket;
    expect(() => assertMatchesContract('GET', '/buckets/{bucketID}', 200, noRules)).toThrow(/retentionRules/);
    expect(() => assertMatchesContract('GET', '/orgs', 200, { orgs: [{ id: '0a1b2c3d4e5f6a7b' }] })).toThrow(/name/);
    expect(() => assertMatchesContract('GET', '/users', 200, { users: [{ name: 'u', status: 'paused' }] })).toThrow();
  });
});
