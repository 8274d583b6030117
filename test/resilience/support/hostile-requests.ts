// A seeded, bounded set of hostile requests: every endpoint of the stand-in and every path the proxy knows,
// with bad IDs, bad query strings, malformed and oversized bodies, odd encodings and bad headers.
// The same seed always gives the same requests, so a failure names a case that can be replayed.
import { gzipSync } from 'node:zlib';
import { seededRandom, type Random } from './prng';
import { rawHttp } from './raw-socket';

export type AuthVariant =
  'operator' | 'none' | 'garbage' | 'basic' | 'scheme only' | 'bad then good' | 'good then bad' | 'huge';

export interface HostileCase {
  name: string;
  method: string;
  target: string;
  auth: AuthVariant;
  headers: [string, string][];
  body?: Buffer;
  chunked?: boolean;
  /** Send less body than declared, then vanish ('destroy') or stop sending and wait ('half-close'). */
  truncated?: 'destroy' | 'half-close';
}

export interface Ids {
  /** Tokens that exist (PATCH may change them; DELETE never targets them). */
  existing: string[];
  orgID: string;
  userID: string;
}

const ENDPOINTS: readonly (readonly [method: string, path: string])[] = [
  ['GET', '/api/v2/authorizations'],
  ['HEAD', '/api/v2/authorizations'],
  ['POST', '/api/v2/authorizations'],
  ['PUT', '/api/v2/authorizations'],
  ['DELETE', '/api/v2/authorizations'],
  ['OPTIONS', '/api/v2/authorizations'],
  ['TRACE', '/api/v2/authorizations'],
  ['GET', '/api/v2/authorizations/{id}'],
  ['HEAD', '/api/v2/authorizations/{id}'],
  ['PATCH', '/api/v2/authorizations/{id}'],
  ['DELETE', '/api/v2/authorizations/{id}'],
  ['POST', '/api/v2/authorizations/{id}'],
  ['PUT', '/api/v2/authorizations/{id}'],
  ['PATCH', '/api/v2/authorizations/{id}/{id}'],
  ['GET', '/api/v2/me'],
  ['PATCH', '/api/v2/me'],
  ['GET', '/api/v2/users'],
  ['GET', '/api/v2/users/{id}'],
  ['DELETE', '/api/v2/users/{id}'],
  ['GET', '/api/v2/orgs'],
  ['POST', '/api/v2/orgs'],
  ['GET', '/api/v2/buckets'],
  ['GET', '/api/v2/resources'],
  ['GET', '/health'],
  ['POST', '/health'],
  ['GET', '/ping'],
  ['HEAD', '/ping'],
  // Paths only the app server knows, and paths it must never forward.
  ['GET', '/api/app/config'],
  ['POST', '/api/app/config'],
  ['GET', '/'],
  ['GET', '/tokens/{id}'],
  ['POST', '/tokens'],
  ['GET', '/assets/index-abc123.js'],
  ['GET', '/favicon.svg'],
  ['POST', '/api/v2/write'],
  ['POST', '/api/v2/setup'],
  ['GET', '/api/v2'],
  ['GET', '/debug/pprof'],
  ['GET', '/metrics'],
];

function idVariants(ids: Ids): readonly (() => string)[] {
  return [
    () => ids.existing[0]!,
    () => ids.existing[ids.existing.length - 1]!,
    () => ids.existing[0]!.toUpperCase(),
    () => '0123456789abcdef',
    () => '0000000000000000',
    () => 'abc',
    () => 'a'.repeat(17),
    () => 'f'.repeat(5000),
    () => 'zzzzzzzzzzzzzzzz',
    () => '%00'.repeat(16),
    () => '%ff%fe%fd%fc%fb%fa%f9%f8',
    () => encodeURIComponent('ａ'.repeat(16)),
    () => '%2e%2e',
    () => '',
    () => '0x12345678abcdef',
    () => `${ids.existing[0]!.slice(0, 15)}%20`,
    () => '-123456789abcdef',
    () => '%E0%A4%A',
    () => ids.userID,
    () => ids.orgID,
  ];
}

const QUERIES: readonly ((ids: Ids) => string)[] = [
  () => '',
  () => '?userID=xyz',
  () => '?userID=%zz',
  () => '?user=%FF%FE%00',
  () => '?org=%00',
  () => '?id=0000000000000000',
  (ids) => `?orgID=${ids.orgID.toUpperCase()}`,
  () => '?&&==&=',
  () => '?user=user2&user=admin',
  () => '?user[]=x&user[0]=y',
  () => '?__proto__=1&constructor=2&hasOwnProperty=3&toString=4',
  () => '?limit=-1&offset=NaN',
  () => '?limit=1e309&offset=99999999999999999999',
  () => '?name=%E0%A4%A',
  () => `?user=${'a'.repeat(6000)}`,
  () => '?',
  () => '?name=constructor&org=__proto__',
  () => '?id=%u0041',
];

export interface BodyKind {
  name: string;
  contentType?: string;
  headers?: [string, string][];
  body: (ids: Ids) => Buffer;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const text = (value: string) => Buffer.from(value, 'utf8');
const DEPTH = 100_000;

export const BODY_KINDS: readonly BodyKind[] = [
  { name: 'valid PATCH', body: () => json({ description: 'fuzzed but valid' }) },
  { name: 'valid status', body: () => json({ status: 'inactive' }) },
  { name: 'nulls', body: () => json({ status: null, description: null }) },
  {
    name: 'valid POST',
    body: (ids) =>
      json({
        orgID: ids.orgID,
        description: 'fuzz create',
        permissions: [{ action: 'read', resource: { type: 'buckets', orgID: ids.orgID } }],
      }),
  },
  { name: 'description is a number', body: () => json({ description: 42 }) },
  { name: 'status is an array', body: () => json({ status: ['active'] }) },
  { name: 'description is an object', body: () => json({ description: { toString: 'x' } }) },
  { name: 'unknown status', body: () => json({ status: 'ACTIVE' }) },
  { name: 'orgID is a number', body: () => json({ orgID: 123, permissions: [] }) },
  { name: 'permissions is a string', body: (ids) => json({ orgID: ids.orgID, permissions: 'all' }) },
  {
    name: 'instance permission',
    body: (ids) => json({ orgID: ids.orgID, permissions: [{ action: 'write', resource: { type: 'instance' } }] }),
  },
  {
    name: '__proto__ keys',
    body: () => text('{"__proto__":{"status":"inactive"},"constructor":{"prototype":{"x":1}}}'),
  },
  {
    name: '20k permissions, the last one bad',
    body: (ids) =>
      json({
        orgID: ids.orgID,
        permissions: [
          ...Array.from({ length: 20_000 }, () => ({ action: 'read', resource: { type: 'buckets' } })),
          { action: 'read', resource: { type: 'nope' } },
        ],
      }),
  },
  { name: 'truncated JSON', body: () => text('{"description":') },
  { name: 'trailing comma', body: () => text('{"description":"x",}') },
  { name: 'single quotes', body: () => text("{'description':'x'}") },
  { name: 'NaN', body: () => text('NaN') },
  { name: 'huge number', body: () => text('{"description":1e999999}') },
  { name: 'raw control character', body: () => text('{"description":"a\u0001b"}') },
  { name: 'raw NUL inside a string', body: () => Buffer.from('{"description":"a\u0000b"}', 'latin1') },
  { name: 'NUL after the JSON', body: () => Buffer.concat([json({ description: 'x' }), Buffer.from([0])]) },
  { name: 'empty body', body: () => Buffer.alloc(0) },
  { name: 'whitespace only', body: () => text(' \n\t ') },
  { name: 'null', body: () => text('null') },
  {
    name: 'invalid UTF-8',
    body: () =>
      Buffer.concat([text('{"description":"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), text('"}')]),
  },
  {
    name: 'UTF-16LE with BOM',
    body: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"description":"utf16"}', 'utf16le')]),
  },
  { name: 'UTF-8 BOM', body: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json({ description: 'bom' })]) },
  { name: 'lone surrogate escape', body: () => text('{"description":"\\ud800"}') },
  {
    name: 'gzip-compressed, declared',
    headers: [['Content-Encoding', 'gzip']],
    body: () => gzipSync(json({ description: 'gz' })),
  },
  { name: 'plain JSON claiming gzip', headers: [['Content-Encoding', 'gzip']], body: () => json({ status: 'bogus' }) },
  { name: 'claiming br', headers: [['Content-Encoding', 'br']], body: () => Buffer.from([0x0b, 0x02, 0x80]) },
  { name: '100k nested arrays', body: () => text('['.repeat(DEPTH) + ']'.repeat(DEPTH)) },
  { name: '100k nested objects', body: () => text('{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH)) },
  { name: 'nested description', body: () => text(`{"description":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`) },
  {
    name: 'nested permissions',
    body: (ids) => text(`{"orgID":"${ids.orgID}","permissions":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`),
  },
  { name: 'unclosed nesting', body: () => text('['.repeat(DEPTH)) },
  {
    name: '1.5 MiB body',
    body: () => Buffer.concat([text('{"description":"'), Buffer.alloc(1536 * 1024, 0x61), text('"}')]),
  },
  {
    name: 'just under 1 MiB of whitespace',
    body: () => Buffer.concat([Buffer.alloc(1024 * 1024 - 64, 0x20), text('{"status":"bogus"}')]),
  },
  {
    name: 'form-encoded',
    contentType: 'application/x-www-form-urlencoded',
    body: () => text('description=form&status=inactive'),
  },
  { name: 'text/plain JSON', contentType: 'text/plain', body: () => json({ status: 'inactive' }) },
  {
    name: 'multipart',
    contentType: 'multipart/form-data; boundary=x',
    body: () => text('--x\r\nContent-Disposition: form-data; name="status"\r\n\r\ninactive\r\n--x--\r\n'),
  },
  {
    name: 'JSON labelled UTF-16',
    contentType: 'application/json; charset=utf-16',
    body: () => json({ status: 'bogus' }),
  },
  { name: 'upper-case media type', contentType: 'APPLICATION/JSON', body: () => json({ status: 'bogus' }) },
  { name: 'garbage media type', contentType: 'application/json;;;charset=;=', body: () => json({ status: 'bogus' }) },
  { name: 'two media types', contentType: 'application/json, text/plain', body: () => json({ status: 'bogus' }) },
  { name: '4 KiB media type', contentType: `application/${'x'.repeat(4096)}`, body: () => json({ status: 'bogus' }) },
];

const EXTRA_HEADERS: readonly [string, string][][] = [
  [],
  [],
  [],
  [],
  [],
  [],
  [['Expect', '100-continue']],
  [['Expect', 'bogus']],
  [['X-Padding', 'a'.repeat(20_000)]],
  [
    ['X-Forwarded-Host', 'evil.example'],
    ['Forwarded', 'host=evil.example'],
    ['X-Forwarded-For', '203.0.113.9'],
  ],
  [['Content-Type', 'text/plain']],
  [
    ['Accept-Encoding', 'gzip, br'],
    ['Accept', '*/*'],
  ],
  [['Cookie', 'session=x'.repeat(500)]],
  [['Range', 'bytes=0-1']],
  [['If-None-Match', '*']],
];

const AUTH: readonly AuthVariant[] = [
  'operator',
  'operator',
  'operator',
  'none',
  'garbage',
  'basic',
  'scheme only',
  'bad then good',
  'good then bad',
  'huge',
];

function fill(path: string, random: Random, ids: Ids): string {
  const variants = idVariants(ids);
  return path.replace(/\{id\}/g, () => random.pick(variants)());
}

/** `count` random cases plus every body kind sent once to PATCH and POST; the same seed gives the same list. */
export function hostileCases(seed: number, count: number, ids: Ids): HostileCase[] {
  const random = seededRandom(seed);
  const cases: HostileCase[] = [];
  for (const kind of BODY_KINDS) {
    for (const [method, path] of [
      ['PATCH', `/api/v2/authorizations/${ids.existing[0]}`],
      ['POST', '/api/v2/authorizations'],
    ] as const) {
      cases.push(
        withBody(
          { name: `${method} body: ${kind.name}`, method, target: path, auth: 'operator', headers: [] },
          kind,
          ids,
        ),
      );
    }
  }
  for (let i = 0; i < count; i++) {
    // Endpoints in turn, so each is hit count/length times; everything else at random.
    const [method, template] = ENDPOINTS[i % ENDPOINTS.length]!;
    const target = fill(template, random, ids) + random.pick(QUERIES)(ids);
    const base: HostileCase = {
      name: `#${i} ${method} ${template}`,
      method,
      target,
      auth: random.pick(AUTH),
      headers: [...random.pick(EXTRA_HEADERS)],
    };
    const hasBody = method === 'POST' || method === 'PATCH' || method === 'PUT' || random.chance(0.15);
    const kind = random.pick(BODY_KINDS);
    const c = hasBody ? withBody(base, kind, ids) : base;
    if (hasBody && random.chance(0.15)) c.chunked = true;
    // Deleting a real token is a legitimate success; the fuzz only ever deletes what does not exist.
    if (method === 'DELETE' && ids.existing.some((id) => c.target.toLowerCase().includes(id))) {
      c.target = c.target.replace(new RegExp(ids.existing.join('|'), 'gi'), '0123456789abcdef');
    }
    c.name += ` auth=${c.auth}${c.headers.length ? ` +${c.headers.map(([n]) => n).join(',')}` : ''}${c.chunked ? ' chunked' : ''}`;
    cases.push(c);
  }
  for (const truncated of ['destroy', 'half-close'] as const) {
    for (const chunked of [false, true]) {
      cases.push({
        name: `PATCH cut off mid-body (${chunked ? 'chunked' : 'Content-Length'}), then ${truncated}`,
        method: 'PATCH',
        target: `/api/v2/authorizations/${ids.existing[0]}`,
        auth: 'operator',
        headers: [['Content-Type', 'application/json']],
        body: json({ description: 'never complete' }),
        truncated,
        chunked,
      });
    }
  }
  return cases;
}

function withBody(base: HostileCase, kind: BodyKind, ids: Ids): HostileCase {
  return {
    ...base,
    name: `${base.name} body=${kind.name}`,
    headers: [['Content-Type', kind.contentType ?? 'application/json'], ...(kind.headers ?? []), ...base.headers],
    body: kind.body(ids),
  };
}

/** The raw bytes of a case for one server: `operatorToken` is sent when the case says so and `sendOperator` is true. */
export function serialize(c: HostileCase, port: number, operatorToken: string, sendOperator: boolean): Buffer {
  const headers: [string, string][] = [['Host', `127.0.0.1:${port}`]];
  const own = `Token ${operatorToken}`;
  switch (c.auth) {
    case 'operator':
      if (sendOperator) headers.push(['Authorization', own]);
      break;
    case 'none':
      break;
    case 'garbage':
      headers.push(['Authorization', 'Token not-a-token']);
      break;
    case 'basic':
      headers.push(['Authorization', `Basic ${Buffer.from(`admin:${operatorToken}`).toString('base64')}`]);
      break;
    case 'scheme only':
      headers.push(['Authorization', 'Token']);
      break;
    case 'bad then good':
      headers.push(['Authorization', 'Token not-a-token'], ['Authorization', own]);
      break;
    case 'good then bad':
      headers.push(['Authorization', own], ['Authorization', 'Token not-a-token']);
      break;
    case 'huge':
      headers.push(['Authorization', `Token ${'A'.repeat(15_000)}`]);
      break;
  }
  headers.push(...c.headers, ['Connection', 'close']);
  let body = c.body ?? Buffer.alloc(0);
  if (c.truncated && c.chunked) {
    // A complete chunk, but never the last one.
    headers.push(['Transfer-Encoding', 'chunked']);
    body = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')]);
  } else if (c.truncated) {
    headers.push(['Content-Length', String(body.length + 100)]);
  } else if (c.chunked) {
    headers.push(['Transfer-Encoding', 'chunked']);
    body =
      body.length === 0
        ? Buffer.from('0\r\n\r\n')
        : Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
  } else if (c.body !== undefined) {
    headers.push(['Content-Length', String(body.length)]);
  }
  return rawHttp(`${c.method} ${c.target} HTTP/1.1`, headers, body);
}
