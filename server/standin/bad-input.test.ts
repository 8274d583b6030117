// Every kind of bad input: the right status, code and message, the contract's error shape,
// and no state change (the full list is identical before and after).
import { describe, expect, it } from 'vitest';
import { withStandin, expectError, readBuckets, type CallOptions } from './test-support';

let existingID: string;
let userID: string;
/** May read every token but change none. */
let readOnlyToken: string;
const h = withStandin({
  per: 'file',
  ready: async (started) => {
    existingID = (await started.allAuthorizations())[1]!.id;
    userID = await started.userID('user1');
    readOnlyToken = (
      await started.createToken({
        description: 'read-only',
        permissions: [
          { action: 'read', resource: { type: 'authorizations', orgID: started.orgID } },
          { action: 'read', resource: { type: 'users' } },
        ],
      })
    ).token;
  },
});

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: () => string;
  options?: () => CallOptions;
  status: number;
  code: string;
  message: string | RegExp | (() => string);
}

const post = (body: unknown): CallOptions => ({ body });
const postRaw = (rawBody: string, contentType?: string): CallOptions => ({
  rawBody,
  headers: contentType === undefined ? {} : { 'Content-Type': contentType },
});
const valid = () => ({ orgID: h.orgID, permissions: [readBuckets(h.orgID)] });
const one = (id = existingID) => `/api/v2/authorizations/${id}`;
const OVERSIZED = JSON.stringify({ description: 'x'.repeat(1024 * 1024), permissions: [] });

const cases: Case[] = [
  // POST bodies
  {
    name: 'POST malformed JSON',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => postRaw('{"orgID":', 'application/json'),
    status: 400,
    code: 'invalid',
    message: /^invalid json structure: .+/,
  },
  {
    name: 'POST empty body',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => postRaw('', 'application/json'),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: the request body is empty; send a JSON object',
  },
  {
    name: 'POST body is an array',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post([valid()]),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: the body must be a JSON object, not an array',
  },
  {
    name: 'POST description is a number',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), description: 42 }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: description must be a string, not a number',
  },
  {
    name: 'POST status is not a string',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), status: true }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: status must be a string, not a boolean',
  },
  {
    name: 'POST permissions is not an array',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), permissions: readBuckets(h.orgID) }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: permissions must be an array of {action, resource} objects, not an object',
  },
  {
    name: 'POST a permission is a string',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), permissions: ['read:buckets'] }),
    status: 400,
    code: 'invalid',
    message: /^invalid json structure: permissions\[0\] must be an object/,
  },
  {
    name: 'POST unknown status',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), status: 'paused' }),
    status: 400,
    code: 'invalid',
    message: 'invalid status: must be active or inactive',
  },
  {
    name: 'POST without permissions',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ orgID: h.orgID }),
    status: 400,
    code: 'invalid',
    message: 'authorization must include permissions',
  },
  {
    name: 'POST with empty permissions',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ orgID: h.orgID, permissions: [] }),
    status: 400,
    code: 'invalid',
    message: 'authorization must include permissions',
  },
  {
    name: 'POST null body',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => postRaw('null', 'application/json'),
    status: 400,
    code: 'invalid',
    message: 'authorization must include permissions',
  },
  {
    name: 'POST unknown resource type',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), permissions: [{ action: 'read', resource: { type: 'widgets' } }] }),
    status: 400,
    code: 'invalid',
    message:
      'invalid resource type for permission: permissions[0]: "widgets" is not a resource type (GET /api/v2/resources lists them)',
  },
  ...['flows', 'functions', 'subscriptions'].map((type): Case => ({
    name: `POST cloud-only type ${type}`,
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () =>
      post({ ...valid(), permissions: [readBuckets(h.orgID), { action: 'read', resource: { type, orgID: h.orgID } }] }),
    status: 400,
    code: 'invalid',
    message: `invalid resource type for permission: permissions[1]: "${type}" exists only in InfluxDB Cloud, not in InfluxDB OSS`,
  })),
  {
    name: 'POST permission without resource',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), permissions: [{ action: 'read' }] }),
    status: 400,
    code: 'invalid',
    message: 'invalid resource type for permission: permissions[0].resource.type is missing',
  },
  {
    name: 'POST bad action',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), permissions: [{ action: 'delete', resource: { type: 'buckets' } }] }),
    status: 400,
    code: 'invalid',
    message: 'invalid action type for permission: permissions[0].action must be "read" or "write", not "delete"',
  },
  {
    name: 'POST without orgID',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ permissions: [readBuckets(h.orgID)] }),
    status: 400,
    code: 'invalid',
    message: 'org id required: invalid ID',
  },
  {
    name: 'POST with an org name only',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ org: 'my-org', permissions: [readBuckets(h.orgID)] }),
    status: 400,
    code: 'invalid',
    message: 'org id required: invalid ID',
  },
  {
    name: 'POST without orgID and with a bad status (orgID checked first)',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ status: 'paused', permissions: [readBuckets(h.orgID)] }),
    status: 400,
    code: 'invalid',
    message: 'org id required: invalid ID',
  },
  {
    name: 'POST orgID of wrong length',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), orgID: 'abc' }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: orgID: id must have a length of 16 bytes',
  },
  {
    name: 'POST orgID not hex',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), orgID: 'zzzzzzzzzzzzzzzz' }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: orgID: invalid ID',
  },
  {
    name: 'POST orgID all zeros',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), orgID: '0000000000000000' }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: orgID: invalid ID',
  },
  {
    name: 'POST orgID is a number',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), orgID: 1234567890123456 }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: orgID must be a string, not a number',
  },
  {
    name: 'POST malformed userID',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), userID: 'user1' }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: userID: id must have a length of 16 bytes',
  },
  {
    name: 'POST malformed permission id',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () =>
      post({ ...valid(), permissions: [{ action: 'read', resource: { type: 'buckets', id: 'my-bucket-000000' } }] }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: permissions[0].resource.id: invalid ID',
  },
  {
    name: 'POST unknown org',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ orgID: '0123456789abcdef', permissions: [readBuckets('0123456789abcdef')] }),
    status: 400,
    code: 'invalid',
    message: 'unable to create token: organization 0123456789abcdef not found',
  },
  {
    name: 'POST unknown user',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), userID: '0123456789abcdef' }),
    status: 400,
    code: 'invalid',
    message: 'unable to create token: user 0123456789abcdef not found',
  },
  {
    name: 'POST permission for another org',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), permissions: [readBuckets('0123456789abcdef')] }),
    status: 400,
    code: 'invalid',
    message: () => `permission read:orgs/0123456789abcdef/buckets is not for org id ${h.orgID}`,
  },
  {
    name: 'POST instance permission',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => post({ ...valid(), permissions: [{ action: 'write', resource: { type: 'instance' } }] }),
    status: 403,
    code: 'forbidden',
    message: 'permission write:instance is not allowed: write:instance is unauthorized',
  },
  {
    name: 'POST text/plain',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => postRaw(JSON.stringify(valid()), 'text/plain'),
    status: 415,
    code: 'unsupported media type',
    message: 'unsupported Content-Type "text/plain": send the body as JSON with Content-Type: application/json',
  },
  {
    name: 'POST form-encoded (curl -d default)',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => postRaw(JSON.stringify(valid()), 'application/x-www-form-urlencoded'),
    status: 415,
    code: 'unsupported media type',
    message: /^unsupported Content-Type "application\/x-www-form-urlencoded"/,
  },
  {
    name: 'POST malformed Content-Type',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => postRaw(JSON.stringify(valid()), 'bogus'),
    status: 415,
    code: 'unsupported media type',
    message: /^unsupported Content-Type "bogus"/,
  },
  {
    name: 'POST body over 1 MiB',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => postRaw(OVERSIZED, 'application/json'),
    status: 413,
    code: 'request too large',
    message: 'request body is larger than 1048576 bytes (1 MiB); no token operation needs that much',
  },
  {
    name: 'POST without a token',
    method: 'POST',
    path: () => '/api/v2/authorizations',
    options: () => ({ ...post(valid()), token: null }),
    status: 401,
    code: 'unauthorized',
    message: 'unauthorized access',
  },
  // PATCH
  {
    name: 'PATCH malformed JSON',
    method: 'PATCH',
    path: () => one(),
    options: () => postRaw('{"status": inactive}', 'application/json'),
    status: 400,
    code: 'invalid',
    message: /^invalid json structure: .+/,
  },
  {
    name: 'PATCH empty body',
    method: 'PATCH',
    path: () => one(),
    options: () => postRaw('', 'application/json'),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: the request body is empty; send a JSON object',
  },
  {
    name: 'PATCH body is a string',
    method: 'PATCH',
    path: () => one(),
    options: () => post('inactive'),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: the body must be a JSON object, not a string',
  },
  {
    name: 'PATCH description is a number',
    method: 'PATCH',
    path: () => one(),
    options: () => post({ description: 7 }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: description must be a string, not a number',
  },
  {
    name: 'PATCH description is an object',
    method: 'PATCH',
    path: () => one(),
    options: () => post({ description: { text: 'x' } }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: description must be a string, not an object',
  },
  {
    name: 'PATCH status is a number',
    method: 'PATCH',
    path: () => one(),
    options: () => post({ status: 0 }),
    status: 400,
    code: 'invalid',
    message: 'invalid json structure: status must be a string, not a number',
  },
  {
    name: 'PATCH unknown status',
    method: 'PATCH',
    path: () => one(),
    options: () => post({ status: 'disabled', description: 'should not be saved' }),
    status: 400,
    code: 'invalid',
    message: 'encodeAuthorization: unknown authorization status',
  },
  {
    name: 'PATCH status in capitals',
    method: 'PATCH',
    path: () => one(),
    options: () => post({ status: 'INACTIVE' }),
    status: 400,
    code: 'invalid',
    message: 'encodeAuthorization: unknown authorization status',
  },
  {
    name: 'PATCH unknown status on an unknown id (looked up first)',
    method: 'PATCH',
    path: () => one('0123456789abcdef'),
    options: () => post({ status: 'disabled' }),
    status: 404,
    code: 'not found',
    message: 'authorization not found',
  },
  {
    name: 'PATCH unknown status without rights (checked first)',
    method: 'PATCH',
    path: () => one(),
    options: () => ({ ...post({ status: 'disabled' }), token: readOnlyToken }),
    status: 401,
    code: 'unauthorized',
    message: () => `write:orgs/${h.orgID}/authorizations/${existingID} is unauthorized`,
  },
  {
    name: 'PATCH text/plain',
    method: 'PATCH',
    path: () => one(),
    options: () => postRaw('{"status":"inactive"}', 'text/plain'),
    status: 415,
    code: 'unsupported media type',
    message: /^unsupported Content-Type "text\/plain"/,
  },
  {
    name: 'PATCH body over 1 MiB',
    method: 'PATCH',
    path: () => one(),
    options: () => postRaw(OVERSIZED, 'application/json'),
    status: 413,
    code: 'request too large',
    message: /^request body is larger than 1048576 bytes/,
  },
  {
    name: 'PATCH id of wrong length',
    method: 'PATCH',
    path: () => one('abc'),
    options: () => post({ status: 'inactive' }),
    status: 400,
    code: 'invalid',
    message: 'id must have a length of 16 bytes',
  },
  {
    name: 'PATCH id not hex, body malformed (id checked first)',
    method: 'PATCH',
    path: () => one('zzzzzzzzzzzzzzzz'),
    options: () => postRaw('{', 'application/json'),
    status: 400,
    code: 'invalid',
    message: 'invalid ID',
  },
  {
    name: 'PATCH unknown id',
    method: 'PATCH',
    path: () => one('0123456789abcdef'),
    options: () => post({ status: 'inactive' }),
    status: 404,
    code: 'not found',
    message: 'authorization not found',
  },
  // GET and DELETE one
  {
    name: 'GET id of wrong length',
    method: 'GET',
    path: () => one('0123'),
    status: 400,
    code: 'invalid',
    message: 'id must have a length of 16 bytes',
  },
  {
    name: 'GET id too long',
    method: 'GET',
    path: () => one('0123456789abcdef0'),
    status: 400,
    code: 'invalid',
    message: 'id must have a length of 16 bytes',
  },
  {
    name: 'GET very long id',
    method: 'GET',
    path: () => one('a'.repeat(500)),
    status: 400,
    code: 'invalid',
    message: 'id must have a length of 16 bytes',
  },
  {
    name: 'GET id not hex',
    method: 'GET',
    path: () => one('0123456789abcdeg'),
    status: 400,
    code: 'invalid',
    message: 'invalid ID',
  },
  {
    name: 'GET id with a sign',
    method: 'GET',
    path: () => one('+123456789abcdef'),
    status: 400,
    code: 'invalid',
    message: 'invalid ID',
  },
  {
    name: 'GET all-zero id',
    method: 'GET',
    path: () => one('0000000000000000'),
    status: 400,
    code: 'invalid',
    message: 'invalid ID',
  },
  {
    name: 'GET unknown id',
    method: 'GET',
    path: () => one('0123456789abcdef'),
    status: 404,
    code: 'not found',
    message: 'authorization not found',
  },
  {
    name: 'GET malformed id without a token (authentication first)',
    method: 'GET',
    path: () => one('abc'),
    options: () => ({ token: null }),
    status: 401,
    code: 'unauthorized',
    message: 'unauthorized access',
  },
  {
    name: 'DELETE id of wrong length',
    method: 'DELETE',
    path: () => one('x'),
    status: 400,
    code: 'invalid',
    message: 'id must have a length of 16 bytes',
  },
  {
    name: 'DELETE all-zero id',
    method: 'DELETE',
    path: () => one('0000000000000000'),
    status: 400,
    code: 'invalid',
    message: 'invalid ID',
  },
  {
    name: 'DELETE unknown id',
    method: 'DELETE',
    path: () => one('0123456789abcdef'),
    status: 404,
    code: 'not found',
    message: 'authorization not found',
  },
  // List filters
  {
    name: 'GET list with malformed userID',
    method: 'GET',
    path: () => '/api/v2/authorizations?userID=user1',
    status: 400,
    code: 'invalid',
    message: 'id must have a length of 16 bytes',
  },
  {
    name: 'GET list with non-hex orgID',
    method: 'GET',
    path: () => '/api/v2/authorizations?orgID=my-org-my-org-my',
    status: 400,
    code: 'invalid',
    message: 'invalid ID',
  },
  {
    name: 'GET list with malformed id',
    method: 'GET',
    path: () => '/api/v2/authorizations?id=1',
    status: 400,
    code: 'invalid',
    message: 'id must have a length of 16 bytes',
  },
  {
    name: 'GET list with unknown id',
    method: 'GET',
    path: () => '/api/v2/authorizations?id=0123456789abcdef',
    status: 404,
    code: 'not found',
    message: 'authorization not found',
  },
  {
    name: 'GET list with unknown user',
    method: 'GET',
    path: () => '/api/v2/authorizations?user=nobody',
    status: 404,
    code: 'not found',
    message: 'user not found',
  },
  {
    name: 'GET list with unknown org',
    method: 'GET',
    path: () => '/api/v2/authorizations?org=x',
    status: 404,
    code: 'not found',
    message: 'organization name "x" not found',
  },
  {
    // OrgNotFoundByName puts the name between quotes as it is, unescaped.
    name: 'GET list with an unknown org whose name holds quotes',
    method: 'GET',
    path: () => '/api/v2/authorizations?org=%22x%5C',
    status: 404,
    code: 'not found',
    message: 'organization name ""x\\" not found',
  },
];

describe('bad input changes nothing and says what is wrong', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.status}`, async () => {
      const before = await h.allAuthorizations();
      const answer = await h.call(c.method, c.path(), c.options?.());
      const message = typeof c.message === 'function' ? c.message() : c.message;
      expectError(answer, c.status, c.code, message);
      expect(await h.allAuthorizations()).toEqual(before);
    });
  }

  it('accepts a JSON body sent without Content-Type, and with a charset', async () => {
    // Bytes, not a string: fetch would label a string body text/plain.
    const bytes = new TextEncoder().encode(JSON.stringify({ ...valid(), description: 'no type' }));
    const noType = await h.call('POST', '/api/v2/authorizations', { rawBody: bytes });
    expect(noType.status, noType.text).toBe(201);
    const charset = await h.call('PATCH', one(noType.json.id), {
      rawBody: '{"description":"charset"}',
      headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    });
    expect(charset.status).toBe(200);
    expect(charset.json.description).toBe('charset');
    await h.call('DELETE', one(noType.json.id));
  });

  it('answers unknown paths 404 and wrong methods 405, in InfluxDB error form', async () => {
    expectError(await h.call('GET', '/api/v2/nothing-here'), 404, 'not found', 'path not found');
    expectError(await h.call('GET', '/'), 404, 'not found', 'path not found');
    const put = await h.call('PUT', '/api/v2/authorizations', { body: valid() });
    expectError(
      put,
      405,
      'method not allowed',
      'method PUT is not allowed on /api/v2/authorizations; use GET, HEAD, POST',
    );
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    const postOne = await h.call('POST', one(), { body: {} });
    expectError(
      postOne,
      405,
      'method not allowed',
      /^method POST is not allowed on \/api\/v2\/authorizations\/[0-9a-f]{16}; use DELETE, GET, HEAD, PATCH$/,
    );
    expectError(await h.call('DELETE', '/api/v2/users'), 405, 'method not allowed', /^method DELETE is not allowed/);
    expectError(await h.call('GET', '/api/v2/authorizations/%E0%A4%A'), 400, 'invalid', /^malformed URL/);
  });

  it('does not answer 500 or crash on odd but harmless input', async () => {
    const trailing = await h.call('GET', '/api/v2/authorizations/');
    expect(trailing.status).toBe(200);
    const repeated = await h.call('GET', `/api/v2/authorizations?user=user2&user=nobody&userID=`);
    expect(repeated.status).toBe(200); // the first value counts, as with Go's url.Values.Get
    const forUser1 = await h.call('POST', '/api/v2/authorizations', { body: { ...valid(), userID } });
    expect(forUser1.status).toBe(201);
    // A stray body on DELETE is ignored, whatever its type.
    const strayBody = await h.call('DELETE', one(forUser1.json.id), {
      rawBody: 'x',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(strayBody.status).toBe(204);
  });
});
