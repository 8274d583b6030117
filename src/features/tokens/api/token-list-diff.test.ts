import { describe, expect, it } from 'vitest';
import type { Authorization } from '../../../lib/influx-types';
import { makeToken } from '../../../testing/token-factory';
import { applyTokenListAnswer, diffTokenList, type ServerCopy, type ServerList } from './token-list-diff';
import { answerMessages, chunkTokens, joinAnswer, type FromWorker } from './token-list-protocol';

/** What the server sends each time: fresh objects, as JSON.parse in the worker makes them. */
const fromServer = (tokens: Authorization[]) => structuredClone(tokens);

/** One load through worker and page: the worker's diff, then the page's rebuild. */
interface Sides {
  copy?: ServerCopy;
  list?: ServerList;
  version: number;
}

function load(server: Authorization[], state: Sides) {
  const { answer, copy } = diffTokenList(fromServer(server), ++state.version, state.copy);
  state.copy = copy;
  state.list = applyTokenListAnswer(state.list, structuredClone(answer));
  return { answer, tokens: state.list.tokens };
}

describe('token list diff between worker and page', () => {
  const a = makeToken({ description: 'a' });
  const b = makeToken({ description: 'b' });
  const c = makeToken({ description: 'c' });

  it('answers the whole list on a first load', () => {
    const state: Sides = { version: 0 };
    const { answer, tokens } = load([a, b], state);
    expect(answer.kind).toBe('full');
    expect(tokens).toEqual([a, b]);
  });

  it('answers nothing but "unchanged" when nothing changed, and the page gets its previous array back', () => {
    const state: Sides = { version: 0 };
    const first = load([a, b, c], state).tokens;
    const { answer, tokens } = load([a, b, c], state);
    expect(answer).toMatchObject({ kind: 'diff', ids: null, changed: [] });
    expect(tokens).toBe(first);
  });

  it('sends only a changed token; the others keep their objects', () => {
    const state: Sides = { version: 0 };
    const first = load([a, b, c], state).tokens;
    const renamed = { ...b, description: 'b renamed', updatedAt: '2031-01-01T00:00:00Z' };
    const { answer, tokens } = load([a, renamed, c], state);
    expect(answer).toMatchObject({ kind: 'diff', ids: null });
    expect(answer.kind === 'diff' && answer.changed.map((t) => t.description)).toEqual(['b renamed']);
    expect(tokens[0]).toBe(first[0]);
    expect(tokens[1]).toEqual(renamed);
    expect(tokens[2]).toBe(first[2]);
  });

  it('notices a status change even when the server kept updatedAt', () => {
    const state: Sides = { version: 0 };
    load([a], state);
    const { tokens } = load([{ ...a, status: 'inactive' }], state);
    expect(tokens[0]!.status).toBe('inactive');
  });

  it('follows added, removed and reordered tokens, reusing the objects of those that stayed', () => {
    const state: Sides = { version: 0 };
    const first = load([a, b, c], state).tokens;
    const d = makeToken({ description: 'd' });
    const { answer, tokens } = load([c, d, a], state);
    expect(answer.kind === 'diff' && answer.ids).toEqual([c.id, d.id, a.id]);
    expect(answer.kind === 'diff' && answer.changed.map((t) => t.id)).toEqual([d.id]);
    expect(tokens.map((t) => t.id)).toEqual([c.id, d.id, a.id]);
    expect(tokens[0]).toBe(first[2]);
    expect(tokens[2]).toBe(first[0]);
    expect(tokens[1]).toEqual(d);
  });

  it('rebuilds from the last server answer, so a page that dropped it cannot be handed a diff against it', () => {
    const state: Sides = { version: 0 };
    load([a], state);
    const { answer } = diffTokenList(fromServer([a, b]), 99, state.copy);
    expect(() => applyTokenListAnswer({ version: 98, tokens: [a] }, answer)).toThrow(/answer 1, but this page holds 98/);
  });
});

describe('token list messages', () => {
  it('carries a first load in chunks and joins them back in order', () => {
    const tokens = Array.from({ length: 5 }, (_, i) => makeToken({ description: `t${i}` }));
    const messages = [...answerMessages(7, { kind: 'full', version: 3, tokens }, 2)];
    expect(messages.map((m) => m.type)).toEqual(['tokens', 'tokens', 'tokens', 'done']);
    const chunks = messages.flatMap((m: FromWorker) => (m.type === 'tokens' ? [chunkTokens(m)] : []));
    const done = messages.at(-1) as Extract<FromWorker, { type: 'done' }>;
    expect(joinAnswer(done.head, chunks)).toEqual({ kind: 'full', version: 3, tokens });
  });

  it('sends an unchanged refetch as one small message', () => {
    const messages = [...answerMessages(8, { kind: 'diff', version: 4, base: 3, ids: null, changed: [] })];
    expect(messages).toEqual([{ type: 'done', requestId: 8, head: { kind: 'diff', version: 4, base: 3, ids: null } }]);
  });
});
