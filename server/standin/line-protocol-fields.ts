// The fields of a line (scanFields, scanNumber, scanBoolean and the field iterator of models/points.go): refused
// as InfluxDB refuses them, then read into typed values.
import {
  BACKSLASH,
  COMMA,
  DOT,
  EQUALS,
  INVALID_NUMBER,
  MINUS,
  PLUS,
  QUOTE,
  SPACE,
  fail,
  isNumeric,
  scanTo,
  skipWhitespace,
} from './line-protocol-scan';

export type FieldValue =
  ['float', number] | ['integer', string] | ['unsigned', string] | ['string', string] | ['boolean', boolean];

const char = (b: number | undefined) => (b === undefined ? '' : String.fromCharCode(b));
/** Go's strconv.ParseFloat syntax for what scanNumber lets through (digits, one '.', an exponent). */
const FLOAT = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Past a number, checking it as InfluxDB does: only long or scientific ones are parsed to check their range. */
function scanNumber(buf: Buffer, i: number): number {
  const start = i;
  let isInt = false;
  let isUnsigned = false;
  let decimal = false;
  let scientific = false;
  if (buf[i] === MINUS) {
    i++;
    if (i === buf.length) fail(INVALID_NUMBER);
  }
  for (; i < buf.length && buf[i] !== COMMA && buf[i] !== SPACE; i++) {
    const c = char(buf[i]);
    if ((c === 'i' || c === 'u') && i > start && !isInt && !isUnsigned) {
      if (c === 'i') isInt = true;
      else isUnsigned = true;
      continue;
    }
    if (buf[i] === DOT) {
      if (decimal) fail(INVALID_NUMBER);
      decimal = true;
    }
    if (i > start && (c === 'e' || c === 'E')) {
      scientific = true;
      continue;
    }
    if ((buf[i] === PLUS || buf[i] === MINUS) && (buf[i - 1] === 0x65 || buf[i - 1] === 0x45)) continue;
    if (i + 2 < buf.length && (c === 'N' || c === 'n')) fail(INVALID_NUMBER);
    if (!isNumeric(buf[i])) fail(INVALID_NUMBER);
  }
  if ((isInt || isUnsigned) && (decimal || scientific)) fail(INVALID_NUMBER);
  const digits = i - start - (isInt ? 1 : 0) - (decimal ? 1 : 0) - (buf[start] === MINUS ? 1 : 0);
  if (digits === 0) fail(INVALID_NUMBER);
  const text = buf.subarray(start, i).toString('latin1');
  if (isInt || isUnsigned) {
    if (!text.endsWith(isInt ? 'i' : 'u') || (isUnsigned && buf[start] === MINUS)) fail(INVALID_NUMBER);
    const value = BigInt(text.slice(0, -1));
    const [low, high, kind, parse] = isInt
      ? [-(2n ** 63n), 2n ** 63n - 1n, 'integer', 'ParseInt']
      : [0n, 2n ** 64n - 1n, 'unsigned', 'ParseUint'];
    if (value < low || value > high) {
      const digitsText = text.slice(0, -1);
      fail(`unable to parse ${kind} ${digitsText}: strconv.${parse}: parsing "${digitsText}": value out of range`);
    }
  } else if ((scientific || text.length >= 25) && (!FLOAT.test(text) || !Number.isFinite(Number(text)))) {
    fail('invalid float');
  }
  return i;
}

/** Past a boolean: t, T, true, True, TRUE, f, F, false, False or FALSE. */
function scanBoolean(buf: Buffer, i: number): number {
  const start = i;
  if (!'tTfF'.includes(char(buf[i]))) fail('invalid boolean');
  while (i < buf.length && buf[i] !== COMMA && buf[i] !== SPACE) i++;
  const text = buf.subarray(start, i).toString('latin1');
  if (!['t', 'T', 'f', 'F', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(text)) fail('invalid boolean');
  return i;
}

/** Past the fields (to the space before the time, or the end): each key=value checked, quotes balanced. */
export function scanFields(buf: Buffer, from: number): { end: number; fields: Buffer } {
  const start = skipWhitespace(buf, from);
  let quoted = false;
  let equals = 0;
  let commas = 0;
  let i = start;
  while (i < buf.length) {
    if (buf[i] === BACKSLASH && i + 1 < buf.length) {
      i += 2;
      continue;
    }
    if (buf[i] === QUOTE && equals > commas) {
      quoted = !quoted;
      i++;
      continue;
    }
    if (buf[i] === EQUALS && !quoted) {
      equals++;
      const before = buf[i - 1];
      if ((before === SPACE || before === COMMA) && buf[i - 2] !== BACKSLASH) fail('missing field key');
      const next = buf[i + 1];
      if (next === undefined || next === COMMA || next === SPACE) fail('missing field value');
      if (isNumeric(next) || next === MINUS || char(next) === 'N' || char(next) === 'n') {
        i = scanNumber(buf, i + 1);
        continue;
      }
      if (next !== QUOTE) {
        i = scanBoolean(buf, i + 1);
        continue;
      }
    }
    if (buf[i] === COMMA && !quoted) commas++;
    if (buf[i] === SPACE && !quoted) break;
    i++;
  }
  if (quoted) fail('unbalanced quotes');
  if (equals === 0 || commas !== equals - 1) fail('invalid field format');
  return { end: i, fields: buf.subarray(start, i) };
}

/** A field value's end: the next ',' outside quotes (only \" and \\ escape here). */
function fieldValueEnd(buf: Buffer, i: number): number {
  let quoted = false;
  while (i < buf.length) {
    if (buf[i] === BACKSLASH && (buf[i + 1] === QUOTE || buf[i + 1] === BACKSLASH)) i += 2;
    else if (buf[i] === QUOTE) {
      quoted = !quoted;
      i++;
    } else if (buf[i] === COMMA && !quoted) break;
    else i++;
  }
  return i;
}

const unescapeKey = (key: string) => key.replace(/\\([," =])/g, '$1');
const unescapeString = (text: string) => text.replace(/\\(["\\])/g, '$1');

/** A value as the field iterator types it: by its first byte, then its last. */
function typed(text: string): FieldValue {
  if (text.startsWith('"')) return ['string', unescapeString(text.slice(1, -1))];
  if (text !== '' && '0123456789-.nNiIu'.includes(text[0]!)) {
    if (text.endsWith('i')) return ['integer', BigInt(text.slice(0, -1)).toString()];
    if (text.endsWith('u')) return ['unsigned', BigInt(text.slice(0, -1)).toString()];
    return ['float', Number(text)];
  }
  return ['boolean', text.startsWith('t') || text.startsWith('T')];
}

/** The fields by key (the last of a repeated key wins), refusing a series key and field key over `maxKey` bytes. */
export function fieldsOf(buf: Buffer, keyLength: number, maxKey: number): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (let rest = buf; rest.length > 0;) {
    const keyEnd = scanTo(rest, 0, EQUALS);
    const key = rest.subarray(0, keyEnd);
    if (keyEnd > rest.length - 2) fail(`invalid value: field-key=${key.toString()}`);
    if (keyLength + 4 + key.length > maxKey) fail(`max key length exceeded: ${keyLength + 4 + key.length} > ${maxKey}`);
    rest = rest.subarray(keyEnd + 1);
    const valueEnd = fieldValueEnd(rest, 0);
    fields[unescapeKey(key.toString())] = typed(rest.subarray(0, valueEnd).toString());
    rest = rest.subarray(Math.min(valueEnd + 1, rest.length));
  }
  return fields;
}
