import { describe, expect, it } from 'vitest';
import { createInfluxClient, InfluxApiError } from './influx-client';

/** A 200 whose body stops half-way with a network error, as when a proxy or InfluxDB drops the connection. */
function cutOffResponse(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id":"'));
      controller.error(new TypeError('network error'));
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

describe('influx client', () => {
  it('turns an answer cut off mid-body into an InfluxApiError that says so, not a bare TypeError', async () => {
    const client = createInfluxClient({
      baseUrl: 'http://127.0.0.1:8086',
      fetch: () => Promise.resolve(cutOffResponse()),
    });
    const failure = await client
      .updateAuthorization('0123456789abcdef', { status: 'inactive' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InfluxApiError);
    expect((failure as InfluxApiError).isNetworkError).toBe(true);
    expect((failure as InfluxApiError).message).toBe(
      'The answer from http://127.0.0.1:8086 was cut off before it was complete; the request may or may not have taken effect.',
    );
  });

  it('still rethrows an abort of its own caller as it is', async () => {
    const controller = new AbortController();
    const client = createInfluxClient({
      baseUrl: '',
      fetch: () => {
        controller.abort();
        return Promise.resolve(cutOffResponse());
      },
    });
    const failure = await client.listAuthorizations({}, controller.signal).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(InfluxApiError);
  });
});

describe('influx client lists', () => {
  const user = (i: number) => ({ id: i.toString(16).padStart(16, '0'), name: `user-${i}` });

  /** A server answering /api/v2/users (and /me) as InfluxDB pages them: 20 unless asked, cut, then filtered. */
  function usersServer(total: number, readable: (i: number) => boolean, me?: number) {
    const asked: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      asked.push(`${url.pathname}${url.search}`);
      if (url.pathname === '/api/v2/me') {
        return me === undefined
          ? Response.json({ code: 'unauthorized', message: 'read:users/x is unauthorized' }, { status: 401 })
          : Response.json(user(me));
      }
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const page = Array.from({ length: total }, (_, i) => i).slice(offset, offset + limit);
      return Response.json({ links: { self: '/api/v2/users' }, users: page.filter(readable).map(user) });
    };
    return { client: createInfluxClient({ baseUrl: 'http://influx.test', fetch }), asked };
  }

  it('listUsers() reads every page (InfluxDB answers 20 unless asked for up to 100)', async () => {
    const { client, asked } = usersServer(130, () => true, 0);
    expect(await client.listUsers()).toHaveLength(130);
    expect(asked.sort()).toEqual([
      '/api/v2/me',
      '/api/v2/users?limit=100',
      '/api/v2/users?limit=100&offset=100',
      '/api/v2/users?limit=100&offset=200',
    ]);
  });

  it('listUsers() adds the token’s own user when 100 it may not read come before it', async () => {
    const { client } = usersServer(250, (i) => i === 170, 170);
    expect(await client.listUsers()).toEqual([user(170)]);
    // A token that may not read its own user gets what the pages show, and no error.
    expect(await usersServer(250, (i) => i === 3).client.listUsers()).toEqual([user(3)]);
  });

  it('listUsers(name) asks once, by name, as InfluxDB answers a name unpaged', async () => {
    const { client, asked } = usersServer(130, () => true);
    await client.listUsers('user-7');
    expect(asked).toEqual(['/api/v2/users?name=user-7']);
  });
});
