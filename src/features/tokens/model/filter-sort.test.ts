import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelParameters } from '../../../../test/model/parameters';
import { makeToken, ORG_ID } from '../../../testing/token-factory';
import { filterTokens, searchableList, sortTokens, type FilterParams } from './filter-sort';
import { tokenMatchesPermissionFilter } from './permission-filter';
import { foldText, indexToken, indexTokens, ownerName, ownersOf, type IndexedToken } from './token-index';

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
const searchable = searchableList(indexed);
const ids = (list: { token: { id: string } }[]) => list.map((t) => t.token.id.slice(-2));
const all = { q: '', status: 'all' as const, owner: null };

describe('filterTokens', () => {
  it('matches description, ID and owner case-insensitively', () => {
    expect(ids(filterTokens(searchable, { ...all, q: 'ci W' }))).toEqual(['0a']);
    expect(ids(filterTokens(searchable, { ...all, q: '00000000000000CD' }))).toEqual(['cd']);
    expect(ids(filterTokens(searchable, { ...all, q: 'USER2' }))).toEqual(['0a', 'cd']);
  });

  it('filters by status and owner and combines filters', () => {
    expect(ids(filterTokens(searchable, { ...all, status: 'active' }))).toEqual(['0b', '0c']);
    expect(ids(filterTokens(searchable, { ...all, owner: 'user2', status: 'inactive', q: 'ci' }))).toEqual(['0a']);
    expect(filterTokens(searchable, { ...all, owner: 'nobody' })).toEqual([]);
  });

  it('does not match across field boundaries', () => {
    expect(filterTokens(searchable, { ...all, q: 'backup000' })).toEqual([]);
  });

  it('finds each word on its own, in any order and any field, ignoring case and accents', () => {
    const words = searchableList(
      indexTokens([
        makeToken({ id: '00000000000000f1', description: 'Telegraf writer (host web-1)', user: 'user2' }),
        makeToken({ id: '00000000000000f2', description: 'Überwachung Ärger', user: 'José' }),
        makeToken({ id: '00000000000000f3', description: 'telegraf reader', user: 'user1' }),
      ]),
    );
    expect(ids(filterTokens(words, { ...all, q: 'web telegraf' }))).toEqual(['f1']);
    expect(ids(filterTokens(words, { ...all, q: '  TELEGRAF   user1 ' }))).toEqual(['f3']);
    expect(ids(filterTokens(words, { ...all, q: 'uberwachung' }))).toEqual(['f2']);
    expect(ids(filterTokens(words, { ...all, q: 'ärger jose' }))).toEqual(['f2']);
    expect(ids(filterTokens(words, { ...all, q: 'telegraf f2' }))).toEqual([]);
  });
});

describe('sortTokens', () => {
  it('sorts by description both ways, case-insensitively', () => {
    expect(ids(sortTokens(indexed, 'description', 'asc'))).toEqual(['cd', '0c', '0a', '0b']);
    expect(ids(sortTokens(indexed, 'description', 'desc'))).toEqual(['0b', '0a', '0c', 'cd']);
  });

  it('sorts numbers in descriptions by value, and accented letters with their base letter', () => {
    const numbered = indexTokens(
      ['token 1422', 'Token 602', 'token 60', 'Zeta', 'Éclair', 'eagle'].map((description, i) =>
        makeToken({ id: `00000000000000${i}0`, description }),
      ),
    );
    const descriptions = (list: IndexedToken[]) => list.map((item) => item.token.description);
    expect(descriptions(sortTokens(numbered, 'description', 'asc'))).toEqual([
      'eagle',
      'Éclair',
      'token 60',
      'Token 602',
      'token 1422',
      'Zeta',
    ]);
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
    const big = searchableList(sortTokens(indexTokens(many), 'description', 'asc'));
    expect(big.items).toHaveLength(100_000);
    expect(filterTokens(big, { ...all, q: 'token 976', owner: 'user1' }).length).toBeGreaterThan(0);
  });
});

/** The plain answer: each token's own key searched on its own. */
function eachOnItsOwn(list: readonly IndexedToken[], { q, status, owner, perm }: FilterParams): IndexedToken[] {
  const words = foldText(q).split(/\s+/);
  return list.filter(
    (item) =>
      words.every((word) => item.searchKey.includes(word)) &&
      (status === 'all' || item.token.status === status) &&
      (owner === null || ownerName(item.token) === owner) &&
      (!perm || tokenMatchesPermissionFilter(item.token, perm)),
  );
}

describe('filterTokens over one string of keys', () => {
  // Few letters, a line break and the key separator, so hits often span two fields or two tokens' keys.
  const text = fc.array(fc.constantFrom('a', 'b', 'A', 'é', ' ', '\n', '\u0000', '0'), { maxLength: 6 });
  const { assertOptions } = modelParameters({ runs: 300, steps: 1 });

  it('finds exactly what searching each token on its own finds, in the same order', () => {
    const listArb = fc.array(
      fc.record({
        description: text.map((chars) => chars.join('')),
        user: fc.constantFrom('a', 'ab', 'b0'),
        status: fc.constantFrom('active' as const, 'inactive' as const),
      }),
      { maxLength: 25 },
    );
    const paramsArb = fc.record({
      q: fc.array(fc.constantFrom('a', 'B', 'é', '0', ' ', '\n', '\u0000'), { maxLength: 6 }).map((c) => c.join('')),
      status: fc.constantFrom('all' as const, 'active' as const, 'inactive' as const),
      owner: fc.constantFrom(null, 'a', 'ab'),
    });
    fc.assert(
      fc.property(listArb, paramsArb, (specs, params) => {
        const list = indexTokens(specs.map((spec) => makeToken(spec)));
        const ids = (found: IndexedToken[]) => found.map((item) => item.token.id);
        expect(ids(filterTokens(searchableList(list), params))).toEqual(ids(eachOnItsOwn(list, params)));
      }),
      assertOptions,
    );
  });
});

describe('filterTokens by permission', () => {
  it('keeps only tokens holding the permission, combined with the other filters', () => {
    const writers = searchableList(
      indexTokens([
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
      ]),
    );
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
