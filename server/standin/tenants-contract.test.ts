// Every tenant answer the stand-in gives, checked against the official contract (contracts/, the orgs, users,
// buckets and write part), as the token answers are in authorizations.test.ts.
import { describe, expect, it } from 'vitest';
import { assertMatchesContract, contractPathOf } from '../../test/contract';
import { allAccessPermissions } from './permissions';
import { withStandin } from './test-support';

const h = withStandin({ per: 'file' });

/** Calls, expects `status`, and checks the body against the contract's schema for that path and status. */
async function conforms(
  method: string,
  path: string,
  status: number,
  options: { body?: unknown; token?: string } = {},
) {
  const answer = await h.call(method, path, options);
  expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(status);
  assertMatchesContract(method, contractPathOf(path)!, status, answer.json);
  return answer;
}

describe('the tenant endpoints against the contract', () => {
  it('orgs, their members and owners, and a new org', async () => {
    await conforms('GET', '/api/v2/orgs', 200);
    await conforms('GET', '/api/v2/orgs?limit=1&offset=1', 200);
    const created = await conforms('POST', '/api/v2/orgs', 201, { body: { name: 'contract', description: 'd' } });
    for (const path of ['', '/members', '/owners'])
      await conforms('GET', `/api/v2/orgs/${created.json.id}${path}`, 200);
    await conforms('GET', `/api/v2/orgs/${h.orgID}/members`, 200);
  });

  it('users and me, also as a token that reads only its own user', async () => {
    const user1 = await h.userID('user1');
    const token = (await h.createToken({ userID: user1, permissions: allAccessPermissions(h.orgID, user1) })).token;
    for (const as of [undefined, token]) {
      await conforms('GET', '/api/v2/users', 200, { token: as });
      await conforms('GET', '/api/v2/users?limit=2&offset=5', 200, { token: as });
      await conforms('GET', '/api/v2/me', 200, { token: as });
    }
    await conforms('GET', `/api/v2/users/${user1}`, 200);
  });

  it('buckets: lists with paging links, one bucket, its members, owners and labels; a write', async () => {
    await conforms('GET', `/api/v2/buckets?orgID=${h.orgID}&limit=1&offset=1`, 200);
    const { buckets } = (await conforms('GET', '/api/v2/buckets', 200)).json as { buckets: { id: string }[] };
    for (const bucket of buckets) {
      for (const path of ['', '/members', '/owners', '/labels'])
        await conforms('GET', `/api/v2/buckets/${bucket.id}${path}`, 200);
    }
    const write = await h.call('POST', '/api/v2/write?org=my-org&bucket=my-bucket', { rawBody: 'm f=1' });
    expect(write.status).toBe(204);
    assertMatchesContract('POST', '/write', 204, undefined);
  });
});
