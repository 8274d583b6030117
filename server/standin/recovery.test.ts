// `npm run standin:recovery -- create-operator` with the first start's two orgs: the page's command (no --org)
// still works, making the token in my-org; --org picks another; without my-org, several orgs need --org.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from './ids';
import { storeNewOrg } from './new-org';
import { createOperatorToken } from './recovery';
import { StandinStore } from './store';
import { tempDataDir, withStandin } from './test-support';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('create-operator', () => {
  const h = withStandin();

  it('makes the token in my-org by default, or in the org --org names; the new token reads both orgs', async () => {
    const made = createOperatorToken({ dataDir: h.dataDir });
    const token = readFileSync(join(h.dataDir, 'operator-token'), 'utf8').trim();
    const mine = await h.call('GET', `/api/v2/authorizations/${made.id}`, { token });
    expect(mine.json).toMatchObject({ description: "admin's Recovery Token", org: 'my-org', user: 'admin' });
    const orgs = await h.call('GET', '/api/v2/orgs', { token });
    expect(orgs.json.orgs.map((o: { name: string }) => o.name)).toEqual(['my-org', 'second-org']);

    const second = createOperatorToken({ dataDir: h.dataDir, org: 'second-org' });
    expect((await h.call('GET', `/api/v2/authorizations/${second.id}`)).json.org).toBe('second-org');
    expect(() => createOperatorToken({ dataDir: h.dataDir, org: 'third-org' })).toThrow(
      'No org named "third-org" (orgs: my-org, second-org).',
    );
  });
});

it('asks for --org among several orgs when none is the first start’s my-org', () => {
  const dataDir = tempDataDir();
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const store = StandinStore.open(dataDir);
  const admin = newId();
  store.insertUser({ id: admin, name: 'admin', status: 'active' });
  for (const name of ['alpha', 'beta']) storeNewOrg(store, { name, description: '', ownerID: admin });
  store.close();
  expect(() => createOperatorToken({ dataDir })).toThrow('Several orgs (alpha, beta): choose one with --org.');
  expect(createOperatorToken({ dataDir, org: 'beta' }).description).toBe("admin's Recovery Token");
});
