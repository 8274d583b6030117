// RFC 3339 timestamps with nanosecond digits, strictly increasing within the process,
// so every PATCH visibly moves updatedAt even when two writes land in the same millisecond.
let lastMs = 0;
let lastSubMs = 0; // nanoseconds within the millisecond, 0..999999
let cachedSecond = -1;
let cachedPrefix = '';

/** e.g. "2026-11-28T20:18:12.123456789Z" */
export function nowRfc3339(): string {
  let ms = Date.now();
  // Wall-clock milliseconds, with the monotonic clock's sub-millisecond digits as a tie-breaker.
  let subMs = process.hrtime()[1] % 1_000_000;
  if (ms < lastMs || (ms === lastMs && subMs <= lastSubMs)) {
    ms = lastMs;
    subMs = lastSubMs + 1;
    if (subMs === 1_000_000) {
      ms += 1;
      subMs = 0;
    }
  }
  lastMs = ms;
  lastSubMs = subMs;
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19);
  }
  const nanos = (ms % 1000) * 1_000_000 + subMs;
  return `${cachedPrefix}.${String(nanos).padStart(9, '0')}Z`;
}
