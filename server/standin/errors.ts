// The stand-in's errors, in InfluxDB's words. Every failure it reports is an InfluxError (../influx-error.ts, shared
// with the app server), so the one error handler in app.ts can answer it.
import { InfluxError } from '../influx-error';

export const invalid = (message: string) => new InfluxError('invalid', message);
export const notFound = (message: string) => new InfluxError('not found', message);
export const unauthorized = (message: string) => new InfluxError('unauthorized', message);
export const forbidden = (message: string) => new InfluxError('forbidden', message);

/** What the real server answers for a missing, malformed or unknown token. */
export const unauthorizedAccess = () => unauthorized('unauthorized access');
export const tokenInactive = () => unauthorized('token is inactive');
export const authorizationNotFound = () => notFound('authorization not found');

const CONTROL_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** Go's %q (strconv.Quote): quotes, backslashes and what is not printable escaped, printable Unicode kept. */
export function goQuote(text: string): string {
  let quoted = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') quoted += `\\${char}`;
    else if (char === ' ' || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(char)) quoted += char;
    else if (CONTROL_ESCAPES[char] !== undefined) quoted += CONTROL_ESCAPES[char];
    else if (code < 0x20 || code === 0x7f) quoted += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) quoted += `\\u${code.toString(16).padStart(4, '0')}`;
    else quoted += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${quoted}"`;
}

/** OrgNotFoundByName: the name between plain quotes, as sent. */
export const orgNameNotFound = (name: string) => notFound(`organization name "${name}" not found`);
/** ErrBucketNotFoundByName: the name as Go's %q writes it. */
export const bucketNameNotFound = (name: string) => notFound(`bucket ${goQuote(name)} not found`);
