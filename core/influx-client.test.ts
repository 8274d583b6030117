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
