// Paging as InfluxDB pages, for any sequence: users, orgs and buckets added in any order and number, listed by
// callers of any rights with any limit, offset, after and descending, each answer (items in order, links,
// refusals) equal to the plain model in test/model/paging-model.ts.
// More: MODEL_RUNS=500 npx vitest run server/standin/paging.model.test.ts; MODEL_SEED and MODEL_PATH replay.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelParameters } from '../../test/model/parameters';
import { pagingCommands } from '../../test/model/paging-commands';
import type { MBucket, MCaller, PagingModel } from '../../test/model/paging-model';
import { allAccessPermissions } from './permissions';
import { Harness, readBuckets } from './test-support';

/** The bootstrap data as the model holds it, and a token for each kind of caller. */
async function initialModel(h: Harness): Promise<PagingModel> {
  const { orgs, users, buckets, members } = h.change((store) => ({
    orgs: store.listOrgs().map(({ id, name }) => ({ id, name })),
    users: store.listUsers().map(({ id, name }) => ({ id, name })),
    buckets: store.listBuckets().map(({ id, orgID, name, type }) => ({ id, orgID, name, type })),
    members: store.listOrgMembers().map(({ userID, orgID }) => ({ userID, orgID })),
  }));
  const org = h.orgID;
  const userID = (name: string) => users.find((u) => u.name === name)!.id;
  const [admin, user1, user2] = [userID('admin'), userID('user1'), userID('user2')];
  const myBucket = buckets.find((b) => b.name === 'my-bucket')!.id;
  const none = () => false;
  const caller = async (
    user: string,
    permissions: unknown[],
    rights: Partial<MCaller>,
    status: 'active' | 'inactive' = 'active',
  ): Promise<MCaller> => ({
    token: (await h.createToken({ userID: user, permissions, status })).token,
    userID: user,
    readsAllOrgs: false,
    readsOrg: none,
    readsUser: none,
    readsBucket: none,
    ...rights,
  });
  const readOrg = { action: 'read', resource: { type: 'orgs', id: org } };
  const inOrg = (b: MBucket) => b.orgID === org;
  return {
    orgs,
    users,
    buckets,
    members,
    callers: {
      operator: {
        token: h.operatorToken,
        userID: admin,
        readsAllOrgs: true,
        readsOrg: () => true,
        readsUser: () => true,
        readsBucket: () => true,
      },
      allAccess: await caller(user1, allAccessPermissions(org, user1), {
        readsOrg: (id) => id === org,
        readsUser: (id) => id === user1,
        readsBucket: inOrg,
      }),
      // System buckets are read with read:orgs/<id>, and only so.
      orgReader: await caller(user2, [readOrg], {
        readsOrg: (id) => id === org,
        readsBucket: (b) => inOrg(b) && b.type === 'system',
      }),
      bucketReader: await caller(admin, [readBuckets(org)], { readsBucket: (b) => inOrg(b) && b.type === 'user' }),
      picked: await caller(user2, [{ action: 'read', resource: { type: 'buckets', id: myBucket, orgID: org } }], {
        readsBucket: (b) => b.id === myBucket,
      }),
      inactive: await caller(
        admin,
        [
          readBuckets(org),
          { action: 'read', resource: { type: 'orgs' } },
          { action: 'read', resource: { type: 'users' } },
        ],
        {},
        'inactive',
      ),
    },
  };
}

describe('paging against the model', () => {
  it('any limit/offset/after/descending over any users, orgs and buckets gives what InfluxDB would', async () => {
    const params = modelParameters({ runs: 30, steps: 30 });
    let sequences = 0;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(pagingCommands, { maxCommands: params.steps, size: 'max' }), async (cmds) => {
        const h = new Harness();
        await h.open();
        try {
          const model = await initialModel(h);
          sequences++;
          steps += [...cmds].length;
          await fc.asyncModelRun(() => ({ model, real: h }), cmds);
        } finally {
          await h.close();
        }
      }),
      { ...params.assertOptions, verbose: 1 },
    );
    expect(sequences).toBeGreaterThanOrEqual(params.runs);
    console.log(`[model] paging: ${sequences} sequences, ${steps} steps (up to ${params.steps} a sequence)`);
  }, 600_000);
});
