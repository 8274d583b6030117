import { describe, expect, it } from 'vitest';
import { isApiPath, isForwardedPath } from './forwarded-paths';
import { parseRequestTarget } from './request-target';

describe('parseRequestTarget', () => {
  it('keeps an ordinary path and its query exactly as sent', () => {
    expect(parseRequestTarget('/api/v2/authorizations?user=user2&org=my%20org')).toEqual({
      ok: true,
      path: '/api/v2/authorizations',
      search: '?user=user2&org=my%20org',
    });
  });

  it.each([
    ['http://evil.example/api/v2/me', 'absolute-form'],
    ['*', 'asterisk'],
    ['//evil.example/api/v2/me', 'network-path prefix'],
    ['/api/v2/../../etc/passwd', 'raw ..'],
    ['/assets/%2e%2e/%2e%2e/secret', 'encoded ..'],
    ['/assets/%2E%2E/x', 'upper-case encoded ..'],
    ['/api/v2/authorizations%2f..%2fusers', 'encoded slash'],
    ['/api/v2/authorizations%5Cx', 'encoded backslash'],
    ['/api\\v2\\me', 'backslash'],
    ['/assets/%252e%252e/x', 'double encoding'],
    ['/a/./b', 'dot segment'],
    ['/bad%zzescape', 'malformed escape'],
    ['/x%00y', 'NUL byte'],
  ])('refuses %s (%s)', (target) => {
    const result = parseRequestTarget(target);
    expect(result.ok).toBe(false);
  });
});

describe('forwarded paths', () => {
  it.each([
    '/api/v2/authorizations',
    '/api/v2/authorizations/0a1b2c3d4e5f6a7b',
    '/api/v2/me',
    '/api/v2/users',
    '/api/v2/users/0a1b2c3d4e5f6a7b',
    '/api/v2/orgs',
    '/api/v2/orgs/0a1b2c3d4e5f6a7b',
    '/api/v2/buckets',
    '/api/v2/resources',
    '/health',
    '/ping',
  ])('forwards %s', (path) => {
    expect(isForwardedPath(path)).toBe(true);
    expect(isApiPath(path)).toBe(true);
  });

  it.each([
    '/api/v2/write',
    '/api/v2/query',
    '/api/v2/users/x/password',
    '/api/v2/setup',
    '/api/v2/orgs/1/members',
    '/api/v2',
    '/api/app/other',
    '/metrics',
    '/debug/pprof',
  ])('never forwards %s', (path) => {
    expect(isForwardedPath(path)).toBe(false);
  });

  it('treats app routes as the app, not the API', () => {
    expect(isApiPath('/tokens/0a1b2c3d4e5f6a7b')).toBe(false);
    expect(isApiPath('/assets/index.js')).toBe(false);
    expect(isApiPath('/api/v2/query')).toBe(true);
  });
});
