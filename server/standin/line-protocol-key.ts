// The measurement and tags of a line (scanKey in models/points.go): refused as InfluxDB refuses them, and the
// tags put in order by key, so one series has one key however its tags were written.
import { BACKSLASH, COMMA, EQUALS, SPACE, fail, scanTo, skipWhitespace } from './line-protocol-scan';

/** Tag keys no point may use, with the way Go's %q writes each. */
const RESERVED_TAG_KEYS: [Buffer, string][] = [
  [Buffer.from([0xff]), '"\\xff"'],
  [Buffer.from([0x00]), '"\\x00"'],
  [Buffer.from('_field'), '"_field"'],
  [Buffer.from('_measurement'), '"_measurement"'],
  [Buffer.from('time'), '"time"'],
];

const unescaped = (buf: Buffer, i: number) => buf[i - 1] !== BACKSLASH;

/** Past a tag key and its '='. */
function scanTagKey(buf: Buffer, i: number): number {
  if (i >= buf.length || buf[i] === SPACE || buf[i] === COMMA || buf[i] === EQUALS) fail('missing tag key');
  for (;;) {
    i++;
    if (i >= buf.length || ((buf[i] === SPACE || buf[i] === COMMA) && unescaped(buf, i))) fail('missing tag value');
    if (buf[i] === EQUALS && unescaped(buf, i)) return i + 1;
  }
}

/** Past a tag value: at the next tag's key, or at the space before the fields. */
function scanTagValue(buf: Buffer, i: number): { next: 'key' | 'fields'; at: number } {
  if (i >= buf.length || buf[i] === COMMA || buf[i] === SPACE) fail('missing tag value');
  for (;;) {
    i++;
    if (i >= buf.length) fail('missing fields');
    if (buf[i] === EQUALS && unescaped(buf, i)) fail('invalid tag format');
    if (buf[i] === COMMA && unescaped(buf, i)) return { next: 'key', at: i + 1 };
    if (buf[i] === SPACE && unescaped(buf, i)) return { next: 'fields', at: i };
  }
}

/** The measurement's end: at the first tag, or at the space before the fields. */
function scanMeasurement(buf: Buffer, i: number): { next: 'key' | 'fields'; at: number } {
  if (i >= buf.length || buf[i] === COMMA) fail('missing measurement');
  for (;;) {
    i++;
    if (i >= buf.length) fail('missing fields');
    if (buf[i - 1] === BACKSLASH) continue;
    if (buf[i] === COMMA) return { next: 'key', at: i + 1 };
    if (buf[i] === SPACE) return { next: 'fields', at: i };
  }
}

/** A tag (key=value) from `i` to the next unescaped ',' or ' '. */
function tagAt(buf: Buffer, i: number): Buffer {
  let end = i;
  while (end < buf.length && !((buf[end] === COMMA || buf[end] === SPACE) && buf[end - 1] !== BACKSLASH)) end++;
  return buf.subarray(i, end);
}

/** Where the key ends (the space before the fields) and the key, its tags sorted. */
export function scanKey(buf: Buffer): { end: number; key: Buffer } {
  const start = skipWhitespace(buf, 0);
  let { next, at: i } = scanMeasurement(buf, start);
  const tagStarts: number[] = [];
  while (next === 'key') {
    tagStarts.push(i);
    ({ next, at: i } = scanTagValue(buf, scanTagKey(buf, i)));
  }
  const keyEnd = i;
  const keyOf = (tagStart: number, tagEnd: number) => {
    const tag = buf.subarray(tagStart, tagEnd);
    return tag.subarray(0, scanTo(tag, 0, EQUALS));
  };
  const keys = tagStarts.map((tagStart, j) => keyOf(tagStart, (tagStarts[j + 1] ?? keyEnd + 1) - 1));
  for (const key of keys) {
    const reserved = RESERVED_TAG_KEYS.find(([bytes]) => bytes.equals(key));
    if (reserved) fail(`cannot use reserved tag key ${reserved[1]}`);
  }
  let sorted = true;
  for (let j = 0; j + 1 < keys.length; j++) {
    const order = Buffer.compare(keys[j]!, keys[j + 1]!);
    if (order === 0) fail('duplicate tags');
    if (order > 0) {
      sorted = false;
      break;
    }
  }
  if (sorted) return { end: keyEnd, key: buf.subarray(start, keyEnd) };
  const tags = tagStarts.map((tagStart) => tagAt(buf, tagStart));
  const order = tags.map((_, j) => j).sort((a, b) => Buffer.compare(keys[a]!, keys[b]!));
  for (let j = 0; j + 1 < order.length; j++) if (keys[order[j]!]!.equals(keys[order[j + 1]!]!)) fail('duplicate tags');
  const measurement = buf.subarray(start, tagStarts[0]! - 1);
  const parts = [measurement, ...order.flatMap((j) => [Buffer.from(','), tags[j]!])];
  return { end: keyEnd, key: Buffer.concat(parts) };
}
