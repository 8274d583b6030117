import { describe, expect, it } from 'vitest';
import { makeToken, ORG_ID } from '../../../testing/token-factory';
import { filterTokens, sortTokens } from './filter-sort';
import { indexToken, indexTokens, ownersOf } from './token-index';

const tokens = [
  makeToken({
    id: '000000000000000a',
    description: 'CI writer',
    user: 'user2',
    status: 'inactive',
    createdAt: '2024-01-03T00:00:00Z',
    updatedAt: '2024-02-01T00:00:00Z',
  }),
  makeToken({
    id: '000000000000000b',
    description: 'grafana reader',
    user: 'user1',
    status: 'active',
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-03-01T00:00:00Z',
  }),
  makeToken({
    id: '000000000000000c',
    description: 'backup',
    user: 'admin',
    status: 'active',
    createdAt: '2024-01-02T00:00:00Z',
    updatedAt: '2024-01-05T00:00:00Z',
  }),
  makeToken({
    id: '00000000000000cd',
    description: '',
    user: 'user2',
    status: 'inactive',
    createdAt: '2024-01-04T00:00:00Z',
    updatedAt: '2024-01-04T00:00:00Z',
  }),
];
const indexed = indexTokens(tokens);
const ids = (list: { token: { id: string } }[]) => list.map((t) => t.token.id.slice(-2));
const all = { q: '', status: 'all' as const, owner: null };

describe('filterTokens', () => {
  it('matches description, ID and owner case-insensitively', () => {
    expect(ids(filterTokens(indexed, { ...all, q: 'ci W' }))).toEqual(['0a']);
    expect(ids(filterTokens(indexed, { ...all, q: '00000000000000CD' }))).toEqual(['cd']);
    expect(ids(filterTokens(indexed, { ...all, q: 'USER2' }))).toEqual(['0a', 'cd']);
  });

  it('filters by status and owner and combines filters', () => {
    expect(ids(filterTokens(indexed, { ...all, status: 'active' }))).toEqual(['0b', '0c']);
    expect(ids(filterTokens(indexed, { ...all, owner: 'user2', status: 'inactive', q: 'ci' }))).toEqual(['0a']);
    expect(filterTokens(indexed, { ...all, owner: 'nobody' })).toEqual([]);
  });

  it('does not match across field boundaries', () => {
    expect(filterTokens(indexed, { ...all, q: 'backup000' })).toEqual([]);
  });
});

describe('sortTokens', () => {
  it('sorts by description both ways, case-insensitively', () => {
    expect(ids(sortTokens(indexed, 'description', 'asc'))).toEqual(['cd', '0c', '0a', '0b']);
    expect(ids(sortTokens(indexed, 'description', 'desc'))).toEqual(['0b', '0a', '0c', 'cd']);
  });

  it('sorts by status with description as the tie-break', () => {
    expect(ids(sortTokens(indexed, 'status', 'asc'))).toEqual(['0c', '0b', 'cd', '0a']);
    expect(ids(sortTokens(indexed, 'status', 'desc'))).toEqual(['cd', '0a', '0c', '0b']);
  });

  it('sorts by created and last modified dates', () => {
    expect(ids(sortTokens(indexed, 'created', 'asc'))).toEqual(['0b', '0c', '0a', 'cd']);
    expect(ids(sortTokens(indexed, 'created', 'desc'))).toEqual(['cd', '0a', '0c', '0b']);
    expect(ids(sortTokens(indexed, 'updated', 'desc'))).toEqual(['0b', '0a', '0c', 'cd']);
  });

  it('does not change its input', () => {
    const before = ids(indexed);
    sortTokens(indexed, 'created', 'desc');
    expect(ids(indexed)).toEqual(before);
  });
});

describe('token index', () => {
  it('reuses the index of an unchanged token object and lists owners once', () => {
    expect(indexToken(tokens[0]!)).toBe(indexed[0]);
    expect(indexToken({ ...tokens[0]! })).not.toBe(indexed[0]);
    expect(ownersOf(tokens)).toEqual(['admin', 'user1', 'user2']);
  });

  it('filters and sorts 100,000 tokens', () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      makeToken({ id: i.toString(16).padStart(16, '0'), description: `token ${i % 977}`, user: `user${i % 50}` }),
    );
    const big = sortTokens(indexTokens(many), 'description', 'asc');
    expect(big).toHaveLength(100_000);
    expect(filterTokens(big, { ...all, q: 'token 976', owner: 'user1' }).length).toBeGreaterThan(0);
  });
});

describe('filterTokens by permission', () => {
  it('keeps only tokens holding the permission, combined with the other filters', () => {
    const writers = indexTokens([
      makeToken({
        id: '00000000000000e1',
        description: 'writer',
        permissions: [{ action: 'write', resource: { type: 'buckets', orgID: ORG_ID } }],
      }),
      makeToken({
        id: '00000000000000e2',
        description: 'reader',
        permissions: [{ action: 'read', resource: { type: 'buckets', orgID: ORG_ID } }],
      }),
    ]);
    const perm = { action: 'write' as const, type: 'buckets', id: 'b000000000000002' };
    expect(ids(filterTokens(writers, { ...all, perm }))).toEqual(['e1']);
    expect(filterTokens(writers, { ...all, perm, q: 'reader' })).toEqual([]);
  });
});

describe('owners in natural order', () => {
  it('lists and sorts user-2 before user-10, whatever the case', () => {
    const tokens = ['user-10', 'User-2', 'user-1', 'admin'].map((user, i) =>
      makeToken({ id: `000000000000000${i}`, user, description: user }),
    );
    expect(ownersOf(tokens)).toEqual(['admin', 'user-1', 'User-2', 'user-10']);
    expect(sortTokens(indexTokens(tokens), 'owner', 'asc').map((t) => t.token.user)).toEqual([
      'admin',
      'user-1',
      'User-2',
      'user-10',
    ]);
    expect(sortTokens(indexTokens(tokens), 'owner', 'desc').map((t) => t.token.user)).toEqual([
      'user-10',
      'User-2',
      'user-1',
      'admin',
    ]);
  });
});
