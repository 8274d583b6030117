import { describe, expect, it } from 'vitest';
import type { InfluxClient } from '../../../../core/influx-client';
import type { Bucket } from '../../../../core/influx-types';
import { listEveryBucket } from './lookup-queries';

const bucket = (i: number) =>
  ({ id: i.toString(16).padStart(16, '0'), name: `b${i}`, orgID: 'o', type: 'user' }) as Bucket;

/** A client whose /api/v2/buckets pages `total` buckets by offset (or ignores offset, like a server that does not page). */
function client(total: number, pages = true) {
  const offsets: number[] = [];
  const all = Array.from({ length: total }, (_, i) => bucket(i));
  const listBuckets = ({ offset = 0 }: { offset?: number }) => {
    offsets.push(offset);
    const from = pages ? offset : 0;
    return Promise.resolve(all.slice(from, from + 100));
  };
  return { client: { listBuckets } as unknown as InfluxClient, offsets };
}

describe('listEveryBucket', () => {
  it('pages past the first 100 until an empty page: a short page is not the end (pages are cut before filtering)', async () => {
    const { client: c, offsets } = client(250);
    const buckets = await listEveryBucket(c, 'o');
    expect(buckets).toHaveLength(250);
    expect(buckets.at(-1)?.name).toBe('b249');
    expect(offsets).toEqual([0, 100, 200, 300]);
  });

  it('asks once more after a full last page, and stops at the empty one', async () => {
    const { client: c, offsets } = client(200);
    expect(await listEveryBucket(c, 'o')).toHaveLength(200);
    expect(offsets).toEqual([0, 100, 200]);
  });

  it('stops when a server ignores offset and repeats the first page', async () => {
    const { client: c, offsets } = client(300, false);
    expect(await listEveryBucket(c, 'o')).toHaveLength(100);
    expect(offsets).toEqual([0, 100]);
  });
});
