// While a list refresh keeps failing, ask again by itself, waiting longer each time (2 s, 4 s, 8 s … at most
// 30 s), so the "Could not refresh" banner clears on its own once the list can be read again. After an outage the
// ping (influx-probe.ts) is quicker: it refreshes the list within 5 s of InfluxDB answering again.
import type { Query } from '@tanstack/react-query';

export const POLL_FIRST_MS = 2_000;
export const POLL_MAX_MS = 30_000;

/** The delay before the next attempt after `failures` failed refreshes in a row (1-based). */
export function pollDelay(failures: number): number {
  return Math.min(POLL_MAX_MS, POLL_FIRST_MS * 2 ** Math.max(0, Math.min(failures - 1, 10)));
}

/** For `refetchInterval`: a delay while the last fetch failed, none otherwise. */
export function pollWhileFailing(query: Pick<Query, 'state'>): number | false {
  const { status, fetchFailureCount } = query.state;
  // fetchFailureCount counts failures in a row (retries included) and resets on success.
  return status === 'error' ? pollDelay(Math.max(1, fetchFailureCount)) : false;
}
