import { describe, expect, it } from 'vitest';
import type { Authorization } from '../../../../core/influx-types';
import { heldBody } from '../../../testing/held-body';
import { makeToken } from '../../../testing/token-factory';
import { applyTokenListAnswer, diffTokenList, type ServerCopy, type ServerList, type TokenListAnswer } from './diff';
import { answerMessages, chunkTokens, joinAnswer, type FromWorker } from './protocol';
import { scanTokenList } from '../../../testing/scan-token-list';
import { createTokenListWorker } from './worker-core';

interface Sides {
  copy?: ServerCopy;
  list?: ServerList;
  version: number;
}

/** What the page makes of the worker's messages. */
function receive(messages: FromWorker[]): TokenListAnswer {
  const chunks = messages.flatMap((m) => (m.type === 'tokens' ? [chunkTokens(m)] : []));
  const done = messages.at(-1);
  if (done?.type !== 'done') throw new Error('no answer');
  return joinAnswer(done.head, chunks);
}

/** One load through worker and page, from the server's text (pretty-printed, as InfluxDB sends it) to the page's array. */
function load(server: Authorization[], state: Sides) {
  const text = JSON.stringify({ links: { self: '/api/v2/authorizations' }, authorizations: server }, null, 2);
  const { answer, copy } = diffTokenList(scanTokenList(text)!, ++state.version, state.copy);
  state.copy = copy;
  const messages = [...answerMessages(1, 200, answer, 2)];
  state.list = applyTokenListAnswer(state.list, receive(structuredClone(messages)));
  return { answer, messages, tokens: state.list.tokens };
}

describe('token list diff between worker and page', () => {
  const a = makeToken({ description: 'a' });
  const b = makeToken({ description: 'b' });
  const c = makeToken({ description: 'c' });

  it('answers the whole list on a first load, in chunks', () => {
    const state: Sides = { version: 0 };
    const { answer, messages, tokens } = load([a, b, c], state);
    expect(answer.kind).toBe('full');
    expect(messages.map((m) => m.type)).toEqual(['tokens', 'tokens', 'done']);
    expect(tokens).toEqual([a, b, c]);
  });

  it('answers nothing but "unchanged" when nothing changed, and the page gets its previous array back', () => {
    const state: Sides = { version: 0 };
    const first = load([a, b, c], state).tokens;
    const { messages, tokens } = load([a, b, c], state);
    expect(messages).toEqual([{ type: 'done', requestId: 1, head: { kind: 'diff', version: 2, base: 1, ids: null } }]);
    expect(tokens).toBe(first);
  });

  it('sends only a changed token; the others keep their objects', () => {
    const state: Sides = { version: 0 };
    const first = load([a, b, c], state).tokens;
    const renamed = { ...b, description: 'b renamed', updatedAt: '2031-01-01T00:00:00Z' };
    const { answer, tokens } = load([a, renamed, c], state);
    expect(answer).toMatchObject({ kind: 'diff', ids: null });
    expect(answer.texts.map((t) => (JSON.parse(t) as Authorization).description)).toEqual(['b renamed']);
    expect(tokens[0]).toBe(first[0]);
    expect(tokens[1]).toEqual(renamed);
    expect(tokens[2]).toBe(first[2]);
  });

  it('notices any change, even one a server made without touching updatedAt', () => {
    const state: Sides = { version: 0 };
    load([a, b], state);
    const { tokens } = load(
      [
        { ...a, status: 'inactive' },
        { ...b, permissions: [] },
      ],
      state,
    );
    expect(tokens[0]!.status).toBe('inactive');
    expect(tokens[1]!.permissions).toEqual([]);
  });

  it('follows added, removed and reordered tokens, reusing the objects of those that stayed', () => {
    const state: Sides = { version: 0 };
    const first = load([a, b, c], state).tokens;
    const d = makeToken({ description: 'd' });
    const { answer, tokens } = load([c, d, a], state);
    expect(answer.kind === 'diff' && answer.ids).toEqual([c.id, d.id, a.id]);
    expect(answer.texts).toHaveLength(1);
    expect(tokens.map((t) => t.id)).toEqual([c.id, d.id, a.id]);
    expect(tokens[0]).toBe(first[2]);
    expect(tokens[2]).toBe(first[0]);
    expect(tokens[1]).toEqual(d);
  });

  it('refuses a diff against an answer the page does not hold', () => {
    const state: Sides = { version: 0 };
    load([a], state);
    const { answer } = diffTokenList(scanTokenList(JSON.stringify({ authorizations: [a, b] }))!, 99, state.copy);
    const messages = [...answerMessages(1, 200, answer)];
    expect(() => applyTokenListAnswer({ version: 98, tokens: [a] }, receive(messages))).toThrow(
      /answer 1, but this page holds 98/,
    );
  });

  it('a chunk that is not JSON fails as the client’s own parse does', () => {
    expect(() =>
      chunkTokens({ type: 'tokens', requestId: 1, status: 200, json: '[{"id":"a",}]', arriving: false }),
    ).toThrow(
      expect.objectContaining({
        status: 200,
        code: 'invalid',
        message: 'The server sent a response that is not JSON (HTTP 200)',
      }),
    );
  });
});

describe('the worker’s chunks while a first load arrives', () => {
  it('sends a small first chunk as soon as it has arrived, the rest once the answer is whole', async () => {
    const tokens = Array.from({ length: 350 }, (_, i) => makeToken({ description: `t${i}` }));
    const text = JSON.stringify({ links: {}, authorizations: tokens });
    const { body, finish } = heldBody(text, text.indexOf(tokens[120]!.id));
    const messages: FromWorker[] = [];
    const handle = createTokenListWorker(
      (m) => messages.push(m),
      async () => new Response(body, { status: 200 }),
    );
    handle({
      type: 'load',
      requestId: 1,
      stream: 's',
      base: 0,
      request: { url: 'http://influx.test/api/v2/authorizations', method: 'GET', headers: {}, where: 'InfluxDB' },
    });
    while (messages.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'tokens', arriving: true });
    expect(chunkTokens(messages[0] as Extract<FromWorker, { type: 'tokens' }>)).toHaveLength(100);
    finish();
    while (messages.at(-1)?.type !== 'done') await new Promise((resolve) => setTimeout(resolve, 1));
    expect(
      messages.map((m) =>
        m.type === 'tokens' ? `${m.arriving ? 'arriving' : 'tokens'} ${chunkTokens(m).length}` : m.type,
      ),
    ).toEqual(['arriving 100', 'tokens 250', 'done']);
  });
});
