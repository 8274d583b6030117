// The list on screen hears of an InfluxDB outage within a ping, without downloading the list, and is refreshed once
// when InfluxDB answers again. Time is faked (timers and Date); the network is MSW at the fetch boundary.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInfluxClient } from '../../../../core/influx-client';
import { FakeInflux } from '../../../testing/fake-influx';
import { mswServer } from '../../../testing/msw-server';
import { makeToken, ORG_ID } from '../../../testing/token-factory';
import { PING_EVERY_MS, PING_TIMEOUT_MS, useRefreshFailure } from './influx-probe';
import { tokenKeys } from './token-queries';

const UNREACHABLE =
  'InfluxDB at http://127.0.0.1:8086 is unreachable: connection refused (is it running, and on that port?)';

type Influx = 'up' | 'down' | 'hanging';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});

let visibility: DocumentVisibilityState = 'visible';
afterEach(() => {
  vi.useRealTimers();
  visibility = 'visible';
});
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });

/** The page's list and the hook, on a fake InfluxDB whose /ping answers as `influx` says (the app server's 502 when down). */
function setup() {
  const fake = new FakeInflux({ tokens: [makeToken({ description: 'ci writer' })] });
  const pings = { sent: 0, inFlight: 0, mostAtOnce: 0 };
  let influx: Influx = 'up';
  mswServer.use(
    http.get('/ping', async ({ request }) => {
      pings.sent += 1;
      pings.inFlight += 1;
      pings.mostAtOnce = Math.max(pings.mostAtOnce, pings.inFlight);
      try {
        if (influx === 'hanging')
          await new Promise((resolve) => request.signal.addEventListener('abort', resolve, { once: true }));
        if (influx === 'down') return HttpResponse.json({ code: 'unavailable', message: UNREACHABLE }, { status: 502 });
        return new HttpResponse(null, { status: 204 });
      } finally {
        pings.inFlight -= 1;
      }
    }),
  );
  const client = createInfluxClient({ baseUrl: '' });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const view = renderHook(
    () => {
      const list = useQuery({
        queryKey: tokenKeys.list(ORG_ID),
        queryFn: ({ signal }) => client.listAuthorizations({ orgID: ORG_ID }, signal),
        staleTime: Infinity,
      });
      return { list, failure: useRefreshFailure(client, list) };
    },
    { wrapper },
  );
  const listFetches = () => fake.sent('GET').filter((r) => r.path.startsWith('/api/v2/authorizations')).length;
  return {
    fake,
    pings,
    setInflux: (next: Influx) => (influx = next),
    current: () => view.result.current,
    listFetches,
    wait: (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms)),
    unmount: () => view.unmount(),
  };
}

describe('useRefreshFailure', () => {
  it('tells within one ping that InfluxDB stopped answering, without downloading the list', async () => {
    const page = setup();
    await page.wait(10);
    expect(page.current().list.data).toHaveLength(1);
    expect(page.listFetches()).toBe(1);
    await page.wait(PING_EVERY_MS);
    expect(page.pings.sent).toBe(1);
    expect(page.current().failure).toBeNull();

    page.setInflux('down');
    await page.wait(PING_EVERY_MS);
    expect(page.current().failure?.message).toBe(UNREACHABLE);
    // Still the list as it was, and still fetched once: only the ping was asked.
    expect(page.current().list.data).toHaveLength(1);
    expect(page.listFetches()).toBe(1);
    page.unmount();
  });

  it('clears, and refreshes the list once, when InfluxDB answers again', async () => {
    const page = setup();
    await page.wait(10);
    page.setInflux('down');
    await page.wait(PING_EVERY_MS);
    await page.wait(PING_EVERY_MS);
    expect(page.current().failure?.message).toBe(UNREACHABLE);
    page.fake.tokens[0] = { ...page.fake.tokens[0]!, description: 'ci writer (renamed meanwhile)' };

    page.setInflux('up');
    await page.wait(PING_EVERY_MS);
    expect(page.current().failure).toBeNull();
    expect(page.current().list.data?.[0]?.description).toBe('ci writer (renamed meanwhile)');
    expect(page.listFetches()).toBe(2);
    await page.wait(3 * PING_EVERY_MS);
    expect(page.pings.sent).toBe(6);
    expect(page.listFetches()).toBe(2);
    page.unmount();
  });

  it('counts a ping that hangs as a failure after its timeout, and sends the next only after that', async () => {
    const page = setup();
    await page.wait(10);
    page.setInflux('hanging');
    await page.wait(PING_EVERY_MS + PING_TIMEOUT_MS - 10);
    expect(page.current().failure).toBeNull();
    await page.wait(20);
    expect(page.current().failure?.message).toBe('InfluxDB did not answer within 4 seconds.');
    // The next ping leaves PING_EVERY_MS after the last one gave up, not on a clock that ignores it.
    await page.wait(2 * (PING_EVERY_MS + PING_TIMEOUT_MS));
    expect(page.pings.sent).toBe(3);
    expect(page.pings.mostAtOnce).toBe(1);
    page.unmount();
  });

  it('pings nothing while the page is hidden, and at once when it is shown again', async () => {
    const page = setup();
    await page.wait(10);
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    page.setInflux('down');
    await page.wait(6 * PING_EVERY_MS);
    expect(page.pings.sent).toBe(0);
    expect(page.current().failure).toBeNull();

    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await page.wait(10);
    expect(page.pings.sent).toBe(1);
    expect(page.current().failure?.message).toBe(UNREACHABLE);
    page.unmount();
  });

  it("says why the list's own refresh failed, and Retry refreshes the list", async () => {
    const page = setup();
    await page.wait(10);
    page.fake.failNext('GET', 503, 'service unavailable', /^\/api\/v2\/authorizations$/);
    await act(async () => void (await page.current().list.refetch()));
    await page.wait(1);
    expect(page.current().failure?.message).toBe('InfluxDB answered HTTP 503: service unavailable');

    await act(async () => void (await page.current().failure?.onRetry()));
    await page.wait(1);
    expect(page.current().failure).toBeNull();
    expect(page.listFetches()).toBe(3);
    page.unmount();
  });

  it('a list refreshed since the failed ping clears the message, and is not fetched again when pings work', async () => {
    const page = setup();
    await page.wait(10);
    page.setInflux('down');
    await page.wait(PING_EVERY_MS);
    expect(page.current().failure?.message).toBe(UNREACHABLE);

    page.setInflux('up');
    await act(async () => void (await page.current().failure?.onRetry()));
    await page.wait(1);
    expect(page.current().failure).toBeNull();
    expect(page.listFetches()).toBe(2);
    await page.wait(2 * PING_EVERY_MS);
    expect(page.pings.sent).toBe(3);
    expect(page.listFetches()).toBe(2);
    page.unmount();
  });

  it('pings nothing until the list is on screen', async () => {
    const page = setup();
    page.fake.failNext('GET', 503, 'service unavailable', /^\/api\/v2\/authorizations$/);
    await page.wait(3 * PING_EVERY_MS);
    expect(page.current().list.isError).toBe(true);
    expect(page.pings.sent).toBe(0);
    expect(page.current().failure).toBeNull();
    page.unmount();
  });
});
