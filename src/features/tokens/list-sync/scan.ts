// Each token's id and exact JSON text in the list's answer, found without parsing, as the answer streams in: the
// worker diffs texts (a changed token has changed text) and the page parses only those it gets, so nothing is parsed
// twice or stringified again. Anything but an object with one "authorizations" array of objects, each with a plain
// string "id", fails the scan (the worker then parses the answer as the client would).

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

/** The index of the quote closing the string that opens at `start`, or -1 if it has not arrived yet. */
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

export class TokenListScanner implements ListText {
  readonly ids: string[] = [];
  readonly texts: string[] = [];
  /** False once the text turned out not to be a list answer of the usual shape. */
  ok = true;
  // What has not been scanned yet, and what a token or the envelope still needs.
  private buffer = '';
  private at = 0;
  private depth = 0;
  private expectKey = false; // at depth 1 (the answer) or 3 (a token): the next string is a key
  private key = '';
  private prefix: string | null = null; // the answer up to and including the array's "["
  private inArray = false;
  private suffixStart = -1; // where the array's "]" is in the buffer, once passed
  private elementStart = -1; // where the current or last token starts; -1 before the first and after a ","
  private needElement = false; // after a ","
  private id: string | null = null;
  private end = -1;

  feed(piece: string): void {
    if (!this.ok) return;
    this.buffer += piece;
    this.ok = this.scan();
    // Keep only what is still needed: the unfinished token (or string), or the envelope's ends.
    if (this.ok && this.inArray) {
      const cut = this.elementStart !== -1 ? this.elementStart : this.at;
      this.buffer = this.buffer.slice(cut);
      this.at -= cut;
      if (this.elementStart !== -1) this.elementStart -= cut;
    }
  }

  /** After the last piece: the answer with an empty array in the tokens' place, or null if the scan failed. */
  finish(): string | null {
    if (!this.ok || this.end === -1 || this.prefix === null) return null; // scan() failed on anything after the end
    return `${this.prefix}${this.buffer.slice(this.suffixStart, this.end + 1)}`;
  }

  private scan(): boolean {
    const text = this.buffer;
    for (let i = this.at; i < text.length; i++) {
      this.at = i;
      const c = text.charCodeAt(i);
      if (this.end !== -1) {
        if (!isSpace(c)) return false;
        continue;
      }
      if (c === QUOTE) {
        const close = stringEnd(text, i);
        if (close === -1) return true; // the rest of the string is still on its way
        if (this.depth === 0 || (this.inArray && this.depth === 2)) return false;
        if (this.depth === 1 || (this.inArray && this.depth === 3)) {
          const value = text.slice(i + 1, close);
          if (this.expectKey) this.key = value;
          else if (this.inArray && this.key === 'id') {
            if (value.includes('\\')) return false;
            this.id = value;
          }
        }
        i = close;
        continue;
      }
      if (isSpace(c)) continue;
      if (this.depth === 0) {
        if (c !== OPEN_OBJECT) return false;
        this.depth = 1;
        this.expectKey = true;
      } else if (this.inArray && this.depth === 2) {
        if (!this.arrayStep(c, i)) return false;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (this.depth === 1 && c === OPEN_ARRAY && !this.expectKey && this.key === 'authorizations') {
          if (this.prefix !== null) return false;
          this.prefix = text.slice(0, i + 1);
          this.inArray = true;
          this.depth = 2;
        } else {
          this.depth += 1;
        }
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        this.depth -= 1;
        if (this.inArray && this.depth === 2) {
          if (c !== CLOSE_OBJECT || this.id === null) return false;
          this.ids.push(this.id);
          this.texts.push(text.slice(this.elementStart, i + 1));
        } else if (this.depth === 0) {
          this.end = i;
        }
      } else if ((c === COMMA || c === COLON) && (this.depth === 1 || (this.inArray && this.depth === 3))) {
        this.expectKey = c === COMMA;
      }
    }
    this.at = text.length;
    return true;
  }

  /** One character between the array's tokens: a token's "{", a "," after a token, or the closing "]". */
  private arrayStep(c: number, i: number): boolean {
    if (c === OPEN_OBJECT && this.elementStart === -1) {
      this.elementStart = i;
      this.needElement = false;
      this.id = null;
      this.depth = 3;
      this.expectKey = true;
    } else if (c === COMMA && this.elementStart !== -1) {
      this.elementStart = -1;
      this.needElement = true;
    } else if (c === CLOSE_ARRAY && !this.needElement) {
      this.inArray = false;
      this.suffixStart = i;
      this.elementStart = -1;
      this.depth = 1;
      this.expectKey = false;
    } else {
      return false;
    }
    return true;
  }
}
