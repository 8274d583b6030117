// A round trip with InfluxData's own JavaScript client: what real integrations use must work unchanged.
import { InfluxDB } from '@influxdata/influxdb-client';
import { AuthorizationsAPI, OrgsAPI, UsersAPI } from '@influxdata/influxdb-client-apis';
import { describe, expect, it } from 'vitest';
import { assertMatchesContract } from '../../test/contract';
import { withStandin } from './test-support';

const h = withStandin();

describe('@influxdata/influxdb-client-apis against the stand-in', () => {
  it('creates, lists, gets, patches and deletes an authorization', async () => {
    const influxDB = new InfluxDB({ url: h.standin.url, token: h.operatorToken });
    const api = new AuthorizationsAPI(influxDB);
    const [org] = (await new OrgsAPI(influxDB).getOrgs({ org: 'my-org' })).orgs ?? [];
    expect(org?.id).toBe(h.orgID);
    const [user2] = (await new UsersAPI(influxDB).getUsers({ name: 'user2' })).users ?? [];
    expect(user2?.name).toBe('user2');

    const created = await api.postAuthorizations({
      body: {
        orgID: h.orgID,
        userID: user2!.id,
        description: 'from the official client',
        permissions: [{ action: 'read', resource: { type: 'buckets', orgID: h.orgID } }],
      },
    });
    assertMatchesContract('POST', '/authorizations', 201, created);
    expect(created.token).toHaveLength(88);
    expect(created).toMatchObject({ status: 'active', user: 'user2', org: 'my-org' });

    const listed = await api.getAuthorizations({ user: 'user2' });
    assertMatchesContract('GET', '/authorizations', 200, listed);
    expect(listed.authorizations?.map((a) => a.id)).toContain(created.id);

    const got = await api.getAuthorizationsID({ authID: created.id! });
    expect(got).toMatchObject({ id: created.id, token: '', description: 'from the official client' });

    const patched = await api.patchAuthorizationsID({
      authID: created.id!,
      body: { status: 'inactive', description: 'patched' },
    });
    assertMatchesContract('PATCH', '/authorizations/{authID}', 200, patched);
    expect(patched).toMatchObject({ status: 'inactive', description: 'patched' });

    await api.deleteAuthorizationsID({ authID: created.id! });
    await expect(api.getAuthorizationsID({ authID: created.id! })).rejects.toMatchObject({ statusCode: 404 });
    const after = await api.getAuthorizations({ userID: user2!.id });
    expect(after.authorizations?.map((a) => a.id)).not.toContain(created.id);
  });

  it('surfaces InfluxDB error bodies to the client', async () => {
    const api = new AuthorizationsAPI(new InfluxDB({ url: h.standin.url, token: 'wrong' }));
    await expect(api.getAuthorizations()).rejects.toMatchObject({
      statusCode: 401,
      body: JSON.stringify({ code: 'unauthorized', message: 'unauthorized access' }),
    });
  });
});
