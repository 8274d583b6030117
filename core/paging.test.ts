import { describe, expect, it } from 'vitest';
import { MAX_PAGES, PAGE_SIZE, pageThrough } from './paging';

const item = (i: number) => ({ id: i.toString(16).padStart(16, '0') });

/** A list of `total` items paged as InfluxDB pages, then filtered by `readable` (what the token may read). */
function influxList(total: number, readable: (i: number) => boolean = () => true) {
  const offsets: number[] = [];
  const fetchPage = async (offset: number) => {
    offsets.push(offset);
    return Array.from({ length: Math.max(0, Math.min(PAGE_SIZE, total - offset)) }, (_, k) => offset + k)
      .filter(readable)
      .map(item);
  };
  return { fetchPage, offsets };
}

describe('pageThrough', () => {
  it('reads pages of 100 until an empty one, not stopping at a short page', async () => {
    const list = influxList(250);
    expect(await pageThrough(list.fetchPage)).toHaveLength(250);
    expect(list.offsets).toEqual([0, 100, 200, 300]);
  });

  it('goes on past pages the token’s rights left short, even to one item', async () => {
    const readable = (i: number) => i === 3 || i === 150 || i === 299;
    const list = influxList(300, readable);
    expect(await pageThrough(list.fetchPage)).toEqual([item(3), item(150), item(299)]);
    expect(list.offsets).toEqual([0, 100, 200, 300]);
  });

  it('stops at the first empty page: nothing InfluxDB sends tells a gap of 100 unreadable items from the end', async () => {
    const list = influxList(300, (i) => i < 5 || i > 250);
    expect(await pageThrough(list.fetchPage)).toEqual([0, 1, 2, 3, 4].map(item));
    expect(list.offsets).toEqual([0, 100]);
  });

  it('stops when a page brings nothing new (a server that ignores offset), keeping each item once', async () => {
    const offsets: number[] = [];
    const items = await pageThrough(async (offset) => {
      offsets.push(offset);
      return [item(1), item(2)];
    });
    expect(items).toEqual([item(1), item(2)]);
    expect(offsets).toEqual([0, 100]);
  });

  it('is bounded against a server that never runs out', async () => {
    let pages = 0;
    const items = await pageThrough(async (offset) => {
      pages++;
      return [item(offset + 1)];
    });
    expect(pages).toBe(MAX_PAGES);
    expect(items).toHaveLength(MAX_PAGES);
  });
});
