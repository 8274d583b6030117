// One page of a list, cut the way InfluxDB's bolt store cuts it (tenant/storage_*.go), before any permission
// check: the check filters the page afterwards, so a page can come back short, or empty, while more follow.
import { invalid } from './errors';
import type { FindOptions } from './find-options';

interface WithId {
  id: string;
}

/** Skips `offset` entries (none when it is below 1), keeps those `keep` accepts, and stops at `limit`. */
function cut<T>(entries: Iterable<T>, options: FindOptions, keep: (entry: T) => boolean = () => true): T[] {
  const page: T[] = [];
  let skipped = 0;
  for (const entry of entries) {
    if (skipped < options.offset) {
      skipped++;
      continue;
    }
    if (keep(entry)) page.push(entry);
    if (page.length >= options.limit) break;
  }
  return page;
}

/** The ID after `id` (after+1, as the store seeks it); the largest ID has none, and InfluxDB answers "invalid ID". */
function nextId(id: string): string {
  const next = (BigInt(`0x${id}`) + 1n) & 0xffffffffffffffffn;
  if (next === 0n) throw invalid('invalid ID');
  return next.toString(16).padStart(16, '0');
}

/** First index whose ID is >= `id` in IDs sorted ascending (`items.length` when none is). */
function lowerBound(items: readonly WithId[], id: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle]!.id < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

function* walk<T>(items: readonly T[], from: number, step: 1 | -1): Generator<T> {
  for (let i = from; i >= 0 && i < items.length; i += step) yield items[i]!;
}

/**
 * A bucket keyed by ID (users, and buckets listed without an org): a cursor that seeks to after+1, runs up, or
 * down when descending (from the first key at or past after+1, else from the last: bbolt's Seek then Prev).
 * `keep` is a filter the store applies after skipping (a bucket name across orgs).
 */
export function pageById<T extends WithId>(
  itemsByIdAscending: readonly T[],
  options: FindOptions,
  keep?: (item: T) => boolean,
): T[] {
  const items = itemsByIdAscending;
  const seek = options.after === undefined ? undefined : lowerBound(items, nextId(options.after));
  const entries = options.descending
    ? walk(items, seek === undefined || seek === items.length ? items.length - 1 : seek, -1)
    : walk(items, seek ?? 0, 1);
  return cut(entries, options, keep);
}

/**
 * Lists that take only `offset` and `limit` (`after` and `descending` are read, and ignored): every org by ID
 * (ListOrgs), and a user's orgs through their mappings by org ID (ListURMs by user).
 */
export function pageInOrder<T>(entries: readonly T[], options: FindOptions): T[] {
  return cut(entries, options);
}

/**
 * An org's buckets through the bucket index (by name): down from the last when descending; `offset` skips first,
 * then `after` skips up to and including that bucket, so an `after` not in the org leaves the page empty.
 */
export function pageBucketsOfOrg<T extends WithId>(bucketsByName: readonly T[], options: FindOptions): T[] {
  const entries = options.descending ? walk(bucketsByName, bucketsByName.length - 1, -1) : walk(bucketsByName, 0, 1);
  let searching = options.after !== undefined;
  return cut(entries, options, (bucket) => {
    if (!searching) return true;
    searching = bucket.id !== options.after;
    return false;
  });
}
