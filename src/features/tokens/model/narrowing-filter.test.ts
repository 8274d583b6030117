// The narrowing filter reuses its last answer; whatever a person types, deletes, pastes or switches in between,
// its answer must be exactly a fresh filter's. Random sequences of those steps against filterTokens as the model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelParameters } from '../../../../test/model/parameters';
import { makeToken } from '../../../testing/token-factory';
import { filterTokens, type FilterParams } from './filter-sort';
import type { StatusFilter } from './list-params';
import { createNarrowingFilter } from './narrowing-filter';
import type { PermissionFilter } from './permission-filter';
import { indexTokens, type IndexedToken } from './token-index';

const { steps: STEPS, assertOptions } = modelParameters({ runs: 200, steps: 40 });
const LETTERS = ['a', 'b', 'c', 'A', 'é', ' ', '0'];
const descriptionArb = fc.array(fc.constantFrom(...LETTERS), { maxLength: 8 }).map((chars) => chars.join(''));
const tokenArb = fc.record({
  description: descriptionArb,
  user: fc.constantFrom('admin', 'user1', 'user2'),
  status: fc.constantFrom('active' as const, 'inactive' as const),
  readsBuckets: fc.boolean(),
});
const listArb = fc.array(tokenArb, { maxLength: 30 }).map((specs) =>
  indexTokens(
    specs.map((spec) =>
      makeToken({
        description: spec.description,
        user: spec.user,
        status: spec.status,
        permissions: spec.readsBuckets
          ? [{ action: 'read', resource: { type: 'buckets' } }]
          : [{ action: 'write', resource: { type: 'dashboards' } }],
      }),
    ),
  ),
);

interface World {
  lists: IndexedToken[][];
  list: number;
  params: FilterParams;
}
interface Real {
  filter: ReturnType<typeof createNarrowingFilter>;
}

/** Each step changes what is asked for, then asks: the answer must equal a fresh filterTokens over the same list. */
class Step implements fc.Command<World, Real> {
  constructor(
    readonly label: string,
    readonly change: (world: World) => void,
  ) {}
  check() {
    return true;
  }
  run(world: World, real: Real) {
    this.change(world);
    const list = world.lists[world.list]!;
    const expected = filterTokens(list, world.params).map((t) => t.token.id);
    expect(real.filter(list, world.params).map((t) => t.token.id)).toEqual(expected);
  }
  toString() {
    return this.label;
  }
}

const commands = [
  fc
    .constantFrom(...LETTERS)
    .map((ch) => new Step(`type ${JSON.stringify(ch)}`, (w) => void (w.params = { ...w.params, q: w.params.q + ch }))),
  fc.constant(new Step('backspace', (w) => void (w.params = { ...w.params, q: w.params.q.slice(0, -1) }))),
  fc
    .constantFrom(...LETTERS)
    .map(
      (ch) =>
        new Step(
          `type ${JSON.stringify(ch)} at the start`,
          (w) => void (w.params = { ...w.params, q: ch + w.params.q }),
        ),
    ),
  descriptionArb.map(
    (text) => new Step(`paste ${JSON.stringify(text)}`, (w) => void (w.params = { ...w.params, q: text })),
  ),
  fc
    .constantFrom<StatusFilter>('all', 'active', 'inactive')
    .map((status) => new Step(`status ${status}`, (w) => void (w.params = { ...w.params, status }))),
  fc
    .constantFrom(null, 'admin', 'user2')
    .map((owner) => new Step(`owner ${owner}`, (w) => void (w.params = { ...w.params, owner }))),
  fc
    .constantFrom<PermissionFilter | undefined>(
      undefined,
      { action: 'read', type: 'buckets' },
      { action: 'write', type: null },
    )
    .map(
      (perm) =>
        new Step(
          `perm ${perm ? `${perm.action}:${perm.type}` : 'any'}`,
          (w) => void (w.params = { ...w.params, perm }),
        ),
    ),
  fc.nat(2).map((index) => new Step(`list #${index} (a refetch or a re-sort)`, (w) => void (w.list = index))),
];

describe('createNarrowingFilter', () => {
  it('answers exactly what a fresh filter answers, for any sequence of edits, filters and list changes', () => {
    fc.assert(
      fc.property(
        fc.tuple(listArb, listArb, listArb),
        fc.commands(commands, { maxCommands: STEPS, size: 'max' }),
        (lists, steps) => {
          // list #2 shares list #0's tokens in another array: same tokens, new identity (what a re-sort makes).
          const world: World = {
            lists: [lists[0], lists[1], [...lists[0]]],
            list: 0,
            params: { q: '', status: 'all', owner: null },
          };
          fc.modelRun(() => ({ model: world, real: { filter: createNarrowingFilter() } }), steps);
        },
      ),
      { ...assertOptions, verbose: 1 },
    );
  });

  it('searches only the last matches when the text narrows, and the whole list otherwise', () => {
    const list = indexTokens(['telegraf a', 'telegraf b', 'grafana'].map((description) => makeToken({ description })));
    const seen: string[] = [];
    const spied = list.map((item) => ({
      ...item,
      get searchKey() {
        seen.push(item.token.description);
        return item.searchKey;
      },
    }));
    const filter = createNarrowingFilter();
    const base = { status: 'all' as const, owner: null };
    expect(filter(spied, { ...base, q: 'tele' })).toHaveLength(2);
    seen.length = 0;
    expect(filter(spied, { ...base, q: 'telegraf b' })).toHaveLength(1);
    expect(seen).toEqual(['telegraf a', 'telegraf b']); // not 'grafana'
    seen.length = 0;
    expect(filter(spied, { ...base, q: 'graf' })).toHaveLength(3); // widened: a full scan
    expect(seen).toHaveLength(3);
  });
});
