// Each token's id and exact JSON text in the list's answer, found without parsing it. The worker compares
// these texts with the last answer's (a changed token has changed text) and hands the page only the texts
// it must parse, so the worker never parses the list itself and nothing is stringified again.
// Returns null for anything but an object with one "authorizations" array of objects, each with a plain
// string "id" (the worker then parses the answer as the client would).

/** A list answer as texts: ids and each token's JSON, in order. */
export interface ListText {
  ids: string[];
  texts: string[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The index of the quote closing the string that opens at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    at = text.indexOf('"', at);
    if (at === -1) return -1;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
    at += 1;
  }
}

/**
 * The tokens' texts, and the answer with an empty array in their place (`envelope`): parsing the envelope and
 * every token's text checks exactly what parsing the whole answer would (the separators are checked here).
 */
export function scanTokenList(text: string): (ListText & { envelope: string }) | null {
  const ids: string[] = [];
  const texts: string[] = [];
  let depth = 0;
  let expectKey = false; // at depth 1 (the answer) or 3 (a token): the next string is a key
  let key = '';
  let arrayStart = -1;
  let arrayEnd = -1;
  let inArray = false;
  let elementStart = -1;
  let elementDone = false;
  let needElement = false;
  let id: string | null = null;
  let end = -1;

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const close = stringEnd(text, i);
      if (close === -1 || depth === 0 || (inArray && depth === 2)) return null;
      if (depth === 1 || (inArray && depth === 3)) {
        const value = text.slice(i + 1, close);
        if (expectKey) key = value;
        else if (inArray && key === 'id') {
          if (value.includes('\\')) return null;
          id = value;
        }
      }
      i = close;
      continue;
    }
    if (isSpace(c)) continue;
    if (depth === 0) {
      if (c !== OPEN_OBJECT || end !== -1) return null;
      depth = 1;
      expectKey = true;
      continue;
    }
    if (inArray && depth === 2) {
      if (c === OPEN_OBJECT && elementStart === -1) {
        elementStart = i;
        needElement = false;
        id = null;
        depth = 3;
        expectKey = true;
      } else if (c === COMMA && elementDone) {
        elementStart = -1;
        elementDone = false;
        needElement = true;
      } else if (c === CLOSE_ARRAY && !needElement && (elementStart === -1 || elementDone)) {
        inArray = false;
        arrayEnd = i;
        depth = 1;
        expectKey = false;
      } else {
        return null;
      }
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === 1 && c === OPEN_ARRAY && !expectKey && key === 'authorizations') {
        if (arrayStart !== -1) return null;
        arrayStart = i;
        inArray = true;
        depth = 2;
        continue;
      }
      depth += 1;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth -= 1;
      if (inArray && depth === 2) {
        if (c !== CLOSE_OBJECT || id === null) return null;
        ids.push(id);
        texts.push(text.slice(elementStart, i + 1));
        elementDone = true;
      } else if (depth === 0) {
        end = i;
        break;
      }
    } else if (c === COMMA && (depth === 1 || (inArray && depth === 3))) {
      expectKey = true;
    } else if (c === COLON && (depth === 1 || (inArray && depth === 3))) {
      expectKey = false;
    }
  }
  if (end === -1 || arrayStart === -1 || inArray) return null;
  for (let i = end + 1; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return null;
  return { ids, texts, envelope: `${text.slice(0, arrayStart + 1)}${text.slice(arrayEnd, end + 1)}` };
}
