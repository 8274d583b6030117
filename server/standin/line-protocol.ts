// Line protocol read as InfluxDB 2.x reads it (models/points.go, ParsePointsWithPrecision): the same scans over
// bytes, so what it accepts, what it refuses and the words it refuses with are InfluxDB's. A refused line is
// "unable to parse '<line>': <why>", and a batch's refusals are joined by newlines.
import { fieldsOf, scanFields, type FieldValue } from './line-protocol-fields';
import { scanKey } from './line-protocol-key';
import {
  BACKSLASH,
  COMMA,
  EQUALS,
  LineError,
  MAX_KEY_LENGTH,
  MINUS,
  NEWLINE,
  QUOTE,
  SPACE,
  fail,
  isDigit,
  skipWhitespace,
} from './line-protocol-scan';

export type { FieldValue };

const MIN_NANO_TIME = -(2n ** 63n) + 2n;
const MAX_NANO_TIME = 2n ** 63n - 2n;
const NANOSECONDS: Record<string, bigint> = { ns: 1n, us: 1_000n, ms: 1_000_000n, s: 1_000_000_000n };

/** The precisions InfluxDB takes (models.ValidPrecision). */
export const isPrecision = (text: string) => Object.hasOwn(NANOSECONDS, text);

export interface ParsedPoint {
  /** Measurement and tags as written, tags sorted by key: InfluxDB's series key. */
  seriesKey: string;
  fields: Record<string, FieldValue>;
  /** Nanoseconds since the epoch. */
  time: bigint;
}

/** Where a line ends: at a newline outside a quoted field value. */
function lineEnd(buf: Buffer, i: number): number {
  let quoted = false;
  let inFields = false;
  let equals = 0;
  let commas = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b === BACKSLASH && i + 2 < buf.length) {
      i += 2;
      continue;
    }
    if (b === SPACE) inFields = true;
    if (inFields && !quoted && b === EQUALS) equals++;
    else if (inFields && !quoted && b === COMMA) commas++;
    else if (inFields && b === QUOTE && equals > commas) quoted = !quoted;
    else if (b === NEWLINE && !quoted) break;
    i++;
  }
  return i;
}

/** The time at the end of a line: "" for none, else digits with an optional '-'; nothing but spaces after it. */
function timeOf(line: Buffer, from: number, precision: string, now: bigint): bigint {
  const start = skipWhitespace(line, from);
  let i = start;
  for (; i < line.length && line[i] !== NEWLINE && line[i] !== SPACE; i++) {
    if (!(i === start && line[i] === MINUS) && !isDigit(line[i])) fail('bad timestamp');
  }
  const text = line.subarray(start, i).toString('latin1');
  const unit = NANOSECONDS[precision]!;
  if (text === '') return now - (((now % unit) + unit) % unit);
  if (!/^-?\d+$/.test(text)) fail(`strconv.ParseInt: parsing "${text}": invalid syntax`);
  const stamp = BigInt(text);
  if (stamp < -(2n ** 63n) || stamp >= 2n ** 63n) fail(`strconv.ParseInt: parsing "${text}": value out of range`);
  const time = stamp * unit;
  if (time < MIN_NANO_TIME || time > MAX_NANO_TIME) fail(`time outside range ${MIN_NANO_TIME} - ${MAX_NANO_TIME}`);
  for (; i < line.length; i++) if (line[i] !== SPACE) fail('point is invalid');
  return time;
}

/** One line (from its first non-blank byte, without its newline) as a point; a LineError says why not. */
function parsePoint(line: Buffer, precision: string, now: bigint): ParsedPoint {
  const { end: keyEnd, key } = scanKey(line);
  if (key.length === 0) fail('missing measurement');
  if (key.length > MAX_KEY_LENGTH) fail(`max key length exceeded: ${key.length} > ${MAX_KEY_LENGTH}`);
  const { end: fieldsEnd, fields } = scanFields(line, keyEnd);
  if (fields.length === 0) fail('missing fields');
  const values = fieldsOf(fields, key.length, MAX_KEY_LENGTH);
  return { seriesKey: key.toString(), fields: values, time: timeOf(line, fieldsEnd, precision, now) };
}

/**
 * Every point of a batch, and every refusal: InfluxDB refuses the whole batch when one line fails. Blank lines
 * and lines starting with '#' are skipped; a point without a time takes `now` (nanoseconds), cut to the precision.
 */
export function parseLineProtocol(body: Buffer, precision: string, now: bigint) {
  const points: ParsedPoint[] = [];
  const errors: string[] = [];
  for (let pos = 0; pos < body.length;) {
    const end = lineEnd(body, pos);
    const block = body.subarray(pos, end);
    pos = end + 1;
    const start = skipWhitespace(block, 0);
    if (start >= block.length || block[start] === 0x23) continue; // blank, or a '#' comment
    const line = block.subarray(start);
    try {
      points.push(parsePoint(line, precision, now));
    } catch (error) {
      if (!(error instanceof LineError)) throw error;
      errors.push(`unable to parse '${line.toString()}': ${error.message}`);
    }
  }
  return { points, errors };
}
