import { hashKey, QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createInfluxClient, InfluxApiError, type InfluxClient } from '../../../../core/influx-client';
import type { Authorization } from '../../../../core/influx-types';
import { FakeInflux } from '../../../testing/fake-influx';
import { heldBody } from '../../../testing/held-body';
import { mswServer } from '../../../testing/msw-server';
import { makeToken, ORG_ID } from '../../../testing/token-factory';
import { inProcessTokenListWorker } from '../../../testing/in-process-token-list-worker';
import { connectTokenListWorker, loadTokenList, partialLists, type TokenListWorkerClient } from '../list-sync';
import { patchCachedToken } from './token-cache';
import { tokenKeys, tokenQueries } from './token-queries';

const clients: QueryClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.clear()));

function setup(
  options: { fetch?: typeof fetch; tokens?: Authorization[]; client?: InfluxClient; tokensPerMessage?: number } = {},
) {
  const fake = new FakeInflux({
    tokens: options.tokens ?? [
      makeToken({ description: 'a' }),
      makeToken({ description: 'b' }),
      makeToken({ description: 'c' }),
    ],
  });
  const inProcess = inProcessTokenListWorker({ fetch: options.fetch, tokensPerMessage: options.tokensPerMessage });
  const worker = connectTokenListWorker(() => inProcess.worker);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  clients.push(queryClient);
  const client = options.client ?? createInfluxClient({ baseUrl: '' });
  const refetch = (via: TokenListWorkerClient = worker) =>
    queryClient.fetchQuery({
      ...tokenQueries.list(client, ORG_ID),
      queryFn: (context) => loadTokenList(context, client, ORG_ID, via),
      staleTime: 0,
    });
  const cached = () => queryClient.getQueryData<Authorization[]>(tokenKeys.list(ORG_ID))!;
  const answers = () => inProcess.sent.flatMap((m) => (m.type === 'done' ? [m.head.kind] : []));
  return { fake, inProcess, worker, queryClient, client, refetch, cached, answers };
}

const rename = (fake: FakeInflux, index: number, description: string) => {
  fake.tokens[index] = { ...fake.tokens[index]!, description, updatedAt: '2031-01-01T00:00:00Z' };
};

describe('the token list through its worker', () => {
  it('loads the list with the client’s own headers', async () => {
    const pasted = createInfluxClient({ baseUrl: '', token: 'pasted-secret' });
    const { fake, refetch, answers } = setup({ client: pasted });
    fake.validToken = 'pasted-secret';
    expect((await refetch()).map((t) => t.description)).toEqual(['a', 'b', 'c']);
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/api/v2/authorizations?orgID=${ORG_ID}`,
      authorization: 'Token pasted-secret',
    });
    expect(answers()).toEqual(['full']);
  });

  it('keeps the very same array when nothing changed, and only a changed token’s object is new', async () => {
    const { fake, refetch, cached, answers } = setup();
    await refetch();
    const first = cached();
    await refetch();
    expect(cached()).toBe(first);

    rename(fake, 1, 'b renamed');
    await refetch();
    expect(cached().map((t) => t.description)).toEqual(['a', 'b renamed', 'c']);
    expect(cached()[0]).toBe(first[0]);
    expect(cached()[2]).toBe(first[2]);
    expect(answers()).toEqual(['full', 'diff', 'diff']);
  });

  it('shows the server’s value after a refetch, not an optimistic edit the server never confirmed', async () => {
    const { fake, queryClient, refetch, cached } = setup();
    await refetch();
    const before = cached();
    const id = fake.tokens[0]!.id;
    patchCachedToken(queryClient, id, (t) => ({ ...t, description: 'never saved' }));
    expect(cached()[0]!.description).toBe('never saved');

    await refetch();
    expect(cached()[0]!.description).toBe('a');
    expect(cached()[1]).toBe(before[1]);

    // And the other way round: an edit the server did make is shown, though the worker's last copy predates it.
    patchCachedToken(queryClient, id, (t) => ({ ...t, description: 'saved' }));
    rename(fake, 0, 'saved');
    await refetch();
    expect(cached()[0]!.description).toBe('saved');
  });

  it('follows tokens added, deleted and reordered on the server', async () => {
    const { fake, refetch, cached } = setup();
    await refetch();
    const [a, , c] = cached();
    const added = makeToken({ description: 'd' });
    fake.tokens = [structuredClone(fake.tokens[2]!), added, structuredClone(fake.tokens[0]!)];
    await refetch();
    expect(cached().map((t) => t.description)).toEqual(['c', 'd', 'a']);
    expect(cached()[0]).toBe(c);
    expect(cached()[2]).toBe(a);
  });

  it('fails with the same InfluxApiError as the main-thread client', async () => {
    const { fake, client, refetch } = setup();
    const both = async () => {
      const inWorker = await refetch().catch((error: unknown) => error);
      const onMainThread = await client.listAuthorizations({ orgID: ORG_ID }).catch((error: unknown) => error);
      return [inWorker, onMainThread] as const;
    };

    fake.failNext('GET', 401, 'unauthorized access', /\/authorizations$/);
    fake.failNext('GET', 401, 'unauthorized access', /\/authorizations$/);
    const [refused, refusedHere] = await both();
    expect(refused).toBeInstanceOf(InfluxApiError);
    expect(refused).toMatchObject({ status: 401, code: 'unauthorized', message: 'unauthorized access' });
    expect(refusedHere).toMatchObject({ status: 401, code: 'unauthorized', message: 'unauthorized access' });

    mswServer.use(http.get('/api/v2/authorizations', () => HttpResponse.error()));
    const [down, downHere] = await both();
    expect(down).toBeInstanceOf(InfluxApiError);
    expect(down).toMatchObject({ status: 0, code: 'unavailable', message: (downHere as InfluxApiError).message });
    expect((down as InfluxApiError).message).toMatch(/^Could not reach the server: /);

    mswServer.use(
      http.get('/api/v2/authorizations', () => new HttpResponse('<html>proxy page</html>', { status: 200 })),
    );
    const [html, htmlHere] = await both();
    expect(html).toMatchObject({ status: 200, code: 'invalid', message: (htmlHere as InfluxApiError).message });

    // Broken inside a token: the worker only cuts it out; the page's parse of it fails like the client's.
    const broken = `{"links":{},"authorizations":[{"id":"${ORG_ID}","description":oops}]}`;
    mswServer.use(http.get('/api/v2/authorizations', () => new HttpResponse(broken, { status: 200 })));
    const [token, tokenHere] = await both();
    expect(token).toBeInstanceOf(InfluxApiError);
    expect(token).toMatchObject({ status: 200, code: 'invalid', message: (tokenHere as InfluxApiError).message });
  });

  it('loads a list shaped unlike InfluxDB’s answers by parsing it in the worker', async () => {
    const { fake, refetch, answers } = setup();
    const body = JSON.stringify({ links: {}, authorizations: fake.tokens }).replace(
      '"authorizations"',
      '"authoriz\\u0061tions"',
    );
    mswServer.use(
      http.get(
        '/api/v2/authorizations',
        () => new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    expect((await refetch()).map((t) => t.description)).toEqual(['a', 'b', 'c']);
    expect(answers()).toEqual(['full']);

    mswServer.use(http.get('/api/v2/authorizations', () => HttpResponse.json({ links: {} })));
    expect(await refetch().catch((error: unknown) => error)).toMatchObject({ status: 200, code: 'invalid' });
  });

  it('sends a first load’s tokens while the rest is still downloading', async () => {
    const { fake, inProcess, refetch } = setup({ tokensPerMessage: 1 });
    const text = JSON.stringify({ links: {}, authorizations: fake.tokens });
    const { body, finish } = heldBody(text, text.indexOf(fake.tokens[2]!.id));
    mswServer.use(
      http.get(
        '/api/v2/authorizations',
        () => new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    const loading = refetch();
    await waitFor(() => inProcess.sent.filter((m) => m.type === 'tokens').length === 2);
    expect(inProcess.sent.some((m) => m.type === 'done')).toBe(false);
    finish();
    expect((await loading).map((t) => t.description)).toEqual(['a', 'b', 'c']);
  });

  it('sends the tokens again, parsed, when the answer turns out shaped unlike InfluxDB’s after some went out', async () => {
    const { fake, inProcess, refetch } = setup({ tokensPerMessage: 1 });
    const text = JSON.stringify({ links: {}, authorizations: [...fake.tokens, { id: 7, description: 'numeric id' }] });
    const cut = text.indexOf('{"id":7');
    const pieces = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text.slice(0, cut)));
          controller.enqueue(new TextEncoder().encode(text.slice(cut)));
          controller.close();
        },
      });
    mswServer.use(
      http.get(
        '/api/v2/authorizations',
        () => new HttpResponse(pieces(), { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    expect((await refetch()).map((t) => t.description)).toEqual(['a', 'b', 'c', 'numeric id']);
    expect(inProcess.sent.map((m) => m.type)).toEqual([
      'tokens',
      'tokens',
      'tokens',
      'reset',
      'tokens',
      'tokens',
      'tokens',
      'tokens',
      'done',
    ]);
  });

  it('cancelling the query aborts the worker’s download, and the next load still compares correctly', async () => {
    let aborted: AbortSignal | undefined;
    let hang = false;
    const slowFetch: typeof fetch = (input, init) => {
      if (!hang) return fetch(input, init);
      aborted = init?.signal ?? undefined;
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      );
    };
    const { fake, queryClient, refetch, cached, answers } = setup({ fetch: slowFetch });
    await refetch();
    const first = cached();
    hang = true;
    const cancelled = refetch().catch((error: unknown) => error);
    await waitFor(() => aborted !== undefined);
    await queryClient.cancelQueries({ queryKey: tokenKeys.list(ORG_ID) });
    await cancelled;
    await waitFor(() => aborted!.aborted);
    expect(cached()).toBe(first);

    hang = false;
    rename(fake, 2, 'c renamed');
    await refetch();
    expect(cached().map((t) => t.description)).toEqual(['a', 'b', 'c renamed']);
    expect(answers()).toEqual(['full', 'diff']);
  });

  it('drops an answer that lands after the query was cancelled, and diffs the next one against what the page holds', async () => {
    const { fake, inProcess, queryClient, refetch, cached, answers } = setup();
    await refetch();
    const first = cached();
    rename(fake, 0, 'a renamed');
    inProcess.hold();
    const cancelled = refetch().catch((error: unknown) => error);
    await waitFor(() => inProcess.sent.length >= 2);
    await queryClient.cancelQueries({ queryKey: tokenKeys.list(ORG_ID) });
    inProcess.release();
    await cancelled;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cached()).toBe(first);

    rename(fake, 1, 'b renamed');
    await refetch();
    expect(cached().map((t) => t.description)).toEqual(['a renamed', 'b renamed', 'c']);
    expect(cached()[2]).toBe(first[2]);
    expect(answers()).toEqual(['full', 'diff', 'diff']);
  });

  it('falls back to the main thread when the worker cannot start', async () => {
    const never: typeof fetch = () => new Promise(() => {});
    const { inProcess, worker, refetch, cached } = setup({ fetch: never });
    const loading = refetch(worker);
    await waitFor(() => inProcess.received.length > 0);
    inProcess.fail();
    await loading;
    expect(cached().map((t) => t.description)).toEqual(['a', 'b', 'c']);

    const none = connectTokenListWorker(() => {
      throw new Error('no Worker here');
    });
    expect((await refetch(none)).map((t) => t.description)).toEqual(['a', 'b', 'c']);
  });

  it('tells the worker to drop its copy once the list leaves the cache', async () => {
    const { inProcess, queryClient, refetch } = setup();
    await refetch();
    queryClient.removeQueries({ queryKey: tokenKeys.list(ORG_ID) });
    expect(inProcess.received.at(-1)).toMatchObject({ type: 'forget' });
  });
});

/** An answer of `tokens` whose text is sent up to `cut` at once, the rest when the test says (or never: it breaks off). */
function heldAnswer(tokens: Authorization[], cutBefore: number) {
  const text = JSON.stringify({ links: {}, authorizations: tokens });
  const cut = text.indexOf(tokens[cutBefore]!.id) - 7;
  const held = heldBody(text, cut);
  mswServer.use(
    http.get(
      '/api/v2/authorizations',
      () => new HttpResponse(held.body, { headers: { 'Content-Type': 'application/json' } }),
      { once: true },
    ),
  );
  return held;
}

describe('a first load’s partial list', () => {
  const partialOf = (queryClient: QueryClient) => partialLists(queryClient).get(hashKey(tokenKeys.list(ORG_ID)));
  const many = () => Array.from({ length: 5 }, (_, i) => makeToken({ description: `t${i}` }));

  it('holds the tokens so far while the answer downloads, and goes once the list is whole', async () => {
    const { fake, queryClient, refetch, cached } = setup({ tokens: many(), tokensPerMessage: 1 });
    const answer = heldAnswer(fake.tokens, 3);
    const loading = refetch();
    await waitFor(() => partialOf(queryClient)?.tokens.length === 3, 3_000);
    expect(partialOf(queryClient)).toMatchObject({ failed: null });
    expect(partialOf(queryClient)!.tokens.map((t) => t.description)).toEqual(['t0', 't1', 't2']);
    expect(queryClient.getQueryData(tokenKeys.list(ORG_ID))).toBeUndefined();
    answer.finish();
    await loading;
    expect(cached().map((t) => t.description)).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(partialOf(queryClient)).toBeUndefined();
  });

  it('is never made on a refetch: the complete list stays until the new one is whole', async () => {
    const { fake, queryClient, refetch, cached } = setup({ tokens: many(), tokensPerMessage: 1 });
    await refetch();
    const first = cached();
    rename(fake, 4, 't4 renamed');
    const answer = heldAnswer(fake.tokens, 3);
    const loading = refetch();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(partialOf(queryClient)).toBeUndefined();
    expect(cached()).toBe(first);
    answer.finish();
    await loading;
    expect(cached()[4]!.description).toBe('t4 renamed');
    expect(cached()[0]).toBe(first[0]);
  });

  it('keeps what arrived, marked failed, when the answer breaks off; a cache write reaches it too', async () => {
    const { fake, queryClient, refetch } = setup({ tokens: many(), tokensPerMessage: 1 });
    const answer = heldAnswer(fake.tokens, 3);
    const loading = refetch().catch((error: unknown) => error);
    await waitFor(() => partialOf(queryClient)?.tokens.length === 3, 3_000);
    answer.breakOff();
    expect(await loading).toBeInstanceOf(InfluxApiError);
    expect(partialOf(queryClient)!.failed).toBeInstanceOf(InfluxApiError);
    expect(partialOf(queryClient)!.tokens).toHaveLength(3);

    patchCachedToken(queryClient, fake.tokens[1]!.id, (t) => ({ ...t, description: 'typed' }));
    expect(partialOf(queryClient)!.tokens.map((t) => t.description)).toEqual(['t0', 'typed', 't2']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
