// The shared client (core/) against the stand-in with more users, orgs and buckets than one page of InfluxDB's
// largest (100): every list comes back whole, paged as InfluxDB pages.
import { describe, expect, it } from 'vitest';
import { createInfluxClient } from '../core/influx-client';
import { nowRfc3339 } from '../server/standin/clock';
import { newId } from '../server/standin/ids';
import { storeNewOrg } from '../server/standin/new-org';
import { allAccessPermissions } from '../server/standin/permissions';
import { withStandin } from '../server/standin/test-support';

const USERS = 130;
const ORGS = 120;
const BUCKETS = 150;

const h = withStandin({
  per: 'file',
  ready: async (started) => {
    started.change((store) => {
      const admin = store.listUsers().find((u) => u.name === 'admin')!.id;
      for (let i = 1; i <= USERS; i++) {
        const id = newId();
        store.insertUser({ id, name: `many-${i}`, status: 'active' });
        store.insertOrgMember({ userID: id, orgID: started.orgID, role: 'member' });
      }
      for (let i = 1; i <= ORGS; i++) storeNewOrg(store, { name: `org-${i}`, description: '', ownerID: admin });
      const now = nowRfc3339();
      for (let i = 1; i <= BUCKETS; i++) {
        const row = { orgID: started.orgID, type: 'user' as const, description: '', retentionSeconds: 0 };
        store.insertBucket({ id: newId(), ...row, name: `many-${i}`, createdAt: now, updatedAt: now });
      }
    });
  },
});

/** A client on the stand-in that counts the pages it asks for. */
function client(token = h.operatorToken) {
  const asked: string[] = [];
  const counting: typeof fetch = (input, init) => {
    asked.push(new URL(String(input)).pathname);
    return fetch(input, init);
  };
  return { influx: createInfluxClient({ baseUrl: h.standin.url, token, fetch: counting }), asked };
}

describe('the client pages through the stand-in', () => {
  it('lists every user, org and bucket past 100', async () => {
    const { influx, asked } = client();
    const users = await influx.listUsers();
    // The first start's users: admin, user1 and user2 (my-org), user3 and user4 (second-org).
    expect(users).toHaveLength(USERS + 5);
    expect(new Set(users.map((u) => u.id)).size).toBe(USERS + 5);
    expect((await influx.listOrgs()).map((o) => o.name)).toEqual([
      'my-org',
      'second-org',
      ...Array.from({ length: ORGS }, (_, i) => `org-${i + 1}`),
    ]);
    const buckets = await influx.listEveryBucket({ orgID: h.orgID });
    expect(buckets).toHaveLength(BUCKETS + 4);
    // In InfluxDB's order for an org: by name, as bytes.
    expect(buckets.map((b) => b.name)).toEqual(buckets.map((b) => b.name).sort());
    // Every org's buckets, each org with its two system buckets; second-org has two of its own besides.
    expect(await influx.listEveryBucket()).toHaveLength(BUCKETS + 4 + 4 + 2 * ORGS);
    // Two pages each, and the empty one that ends the list.
    expect(asked.filter((path) => path === '/api/v2/users')).toHaveLength(3);
    expect(asked.filter((path) => path === '/api/v2/orgs')).toHaveLength(3);
  });

  it('finds an all-access token’s own user though 100 users it may not read come first', async () => {
    const late = h.change((store) => {
      const id = 'ffffffffffffff00';
      store.insertUser({ id, name: 'late', status: 'active' });
      store.insertOrgMember({ userID: id, orgID: h.orgID, role: 'member' });
      return id;
    });
    const token = (await h.createToken({ userID: late, permissions: allAccessPermissions(h.orgID, late) })).token;
    const { influx } = client(token);
    expect((await influx.listUsers()).map((u) => u.name)).toEqual(['late']);
    expect((await influx.listOrgs()).map((o) => o.name)).toEqual(['my-org']);
    expect(await influx.listEveryBucket({ orgID: h.orgID })).toHaveLength(BUCKETS + 4);
  });
});
