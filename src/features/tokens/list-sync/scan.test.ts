import { describe, expect, it } from 'vitest';
import { makeToken } from '../../../testing/token-factory';
import { scanTokenList } from '../../../testing/scan-token-list';
import { TokenListScanner } from './scan';

/** The scan's texts parsed one by one, as the page does, with the ids it found. */
function scanned(text: string) {
  const list = scanTokenList(text);
  if (!list) return null;
  JSON.parse(list.envelope);
  return { ids: list.ids, tokens: list.texts.map((t) => JSON.parse(t) as unknown) };
}

describe('scanTokenList', () => {
  it('finds every token of a real-looking answer, whatever its descriptions hold', () => {
    const hostile = [
      '"quoted"',
      'back\\slash\\',
      '{[brackets]}',
      'comma, colon: "x", "id": "fake"',
      '\u202eright-to-left',
      'emoji 🔑',
      '\\"',
      '',
    ];
    const tokens = hostile.map((description) => makeToken({ description }));
    const ids = tokens.map((t) => t.id);
    const compact = JSON.stringify({ links: { self: '/api/v2/authorizations' }, authorizations: tokens });
    const pretty = JSON.stringify(
      { authorizations: tokens, links: { self: '/api/v2/authorizations', next: '[{"x"' } },
      null,
      '\t',
    );
    expect(scanned(compact)).toEqual({ ids, tokens });
    expect(scanned(`\n ${pretty}\n`)).toEqual({ ids, tokens });
    expect(JSON.parse(scanTokenList(pretty)!.envelope)).toEqual({
      authorizations: [],
      links: { self: '/api/v2/authorizations', next: '[{"x"' },
    });
  });

  it('finds the same, whatever pieces the answer arrives in', () => {
    const tokens = ['a "quoted" one', 'back\\slash', '{[x]}', '\u0022'].map((description) =>
      makeToken({ description }),
    );
    const text = JSON.stringify({ links: { self: '/x' }, authorizations: tokens, after: { note: '"]}' } }, null, 2);
    const whole = scanTokenList(text);
    for (const size of [1, 2, 3, 7, 64, 1000]) {
      const scanner = new TokenListScanner();
      for (let i = 0; i < text.length; i += size) scanner.feed(text.slice(i, i + size));
      expect({ ids: scanner.ids, texts: scanner.texts, envelope: scanner.finish() }, `pieces of ${size}`).toEqual(
        whole,
      );
    }
  });

  it('takes the token’s own id, not a permission’s', () => {
    const text =
      '{"authorizations":[{"permissions":[{"resource":{"id":"bucket1"}}],"id":"token1","x":{"id":"nested"}}]}';
    expect(scanTokenList(text)?.ids).toEqual(['token1']);
  });

  it('handles an empty list, spacing, and a key named like it deeper down', () => {
    expect(scanned('{"authorizations":[]}')).toEqual({ ids: [], tokens: [] });
    expect(scanned('{"links":{"authorizations":[1]},"authorizations":[{"id":"a"}]}')).toEqual({
      ids: ['a'],
      tokens: [{ id: 'a' }],
    });
    expect(scanned('{ "authorizations" : [ {"id":"a"} , {"id":"b"} ] }')?.ids).toEqual(['a', 'b']);
  });

  it('gives up on anything else, so the worker parses the answer as the client would', () => {
    for (const text of [
      '<html>Bad gateway</html>',
      '',
      '[]',
      '{"links":{}}',
      '{"authorizations":null}',
      '{"authorizations":[{"id":"a"}],"authorizations":[]}',
      '{"authorizations":[{"id":"a"}',
      '{"authorizations":[{"id":"a"}]} trailing',
      '{"authorizations":[{"id":"a"}]}{}',
      '{"authorizations":[{"id":"unterminated]}',
      '{"authorizations":[,{"id":"a"}]}',
      '{"authorizations":[{"id":"a"},]}',
      '{"authorizations":[{"id":"a"} {"id":"b"}]}',
      '{"authorizations":[{"id":"a"}, "b"]}',
      '{"authorizations":[{"name":"no id"}]}',
      '{"authorizations":[{"id":7}]}',
      '{"authorizations":[{"id":"a\\u0062"}]}',
    ]) {
      expect(scanTokenList(text), text).toBeNull();
    }
  });
});
