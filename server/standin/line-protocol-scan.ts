// What the line protocol reader's parts share: byte values, the refusal every scan throws, and the small scans
// of models/points.go that several parts use.
export const SPACE = 0x20;
export const NEWLINE = 0x0a;
export const COMMA = 0x2c;
export const EQUALS = 0x3d;
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const MINUS = 0x2d;
export const PLUS = 0x2b;
export const DOT = 0x2e;

export const MAX_KEY_LENGTH = 65535;

/** Why a line was refused, in InfluxDB's words. */
export class LineError extends Error {}
export const fail = (message: string): never => {
  throw new LineError(message);
};
export const INVALID_NUMBER = 'invalid number';

export const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
export const isNumeric = (b: number | undefined) => isDigit(b) || b === DOT;

/** Past spaces, tabs and NUL bytes. */
export function skipWhitespace(buf: Buffer, i: number): number {
  while (i < buf.length && (buf[i] === SPACE || buf[i] === 0x09 || buf[i] === 0x00)) i++;
  return i;
}

/** Up to `stop` not escaped by the byte before it. */
export function scanTo(buf: Buffer, i: number, stop: number): number {
  while (i < buf.length && !(buf[i] === stop && (i === 0 || buf[i - 1] !== BACKSLASH))) i++;
  return i;
}
