// Paging through an InfluxDB list (/api/v2/users, /orgs, /buckets) to its end, as InfluxDB's source defines
// paging (paging.go, tenant/storage_*.go): a page holds at most 100 items; each page is cut from the whole list
// first and filtered to what the token may read afterwards. So with narrow rights a page can be short, or
// empty, while more readable items follow; and links.next is written only when a page is still full after
// filtering (and for a name filter it names `bucket=`, which the list does not read). Neither a short page nor
// a missing links.next ends the list: the client steps `offset` by the page size itself, and stops at the first
// empty page, the only end a list shows once its last item is behind.
//
// What no client can see: a token whose rights are item by item may read none of 100 items in a row and still
// read one after them. InfluxDB sends nothing that tells that gap from the end (its own UI and CLI stop there
// too), so such a token sees the list up to the gap.

/** InfluxDB's largest page (MaxPageSize). */
export const PAGE_SIZE = 100;
/** A bound against a server that never runs out of pages: a million items. */
export const MAX_PAGES = 10_000;

/**
 * Every item of a list, in the server's order, each once. `fetchPage(offset)` answers the page of PAGE_SIZE from
 * `offset`. Stops at an empty page, at a page holding nothing new (a server that ignores `offset` or loops), or
 * after MAX_PAGES.
 */
export async function pageThrough<T extends { id: string }>(
  fetchPage: (offset: number) => Promise<readonly T[]>,
): Promise<T[]> {
  const items = new Map<string, T>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const found = await fetchPage(page * PAGE_SIZE);
    const before = items.size;
    for (const item of found) if (!items.has(item.id)) items.set(item.id, item);
    if (items.size === before) break;
  }
  return [...items.values()];
}
