// Runs one task per item with at most `limit` in flight, so a bulk change of thousands of tokens does not
// flood InfluxDB (the page's bulk actions and the CLI's `auth active/inactive`). Aborting stops new tasks;
// those already started finish and are reported.
export interface BoundedResult<T> {
  /** Items whose task finished (resolved or rejected), in completion order. */
  settled: { item: T; error?: unknown }[];
  /** Items never started because the signal aborted. */
  notStarted: T[];
}

export interface BoundedOptions<T> {
  signal?: AbortSignal;
  onSettled?: (item: T, error?: unknown) => void;
}

export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
  options: BoundedOptions<T> = {},
): Promise<BoundedResult<T>> {
  const settled: BoundedResult<T>['settled'] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && !options.signal?.aborted) {
      const index = next++;
      const item = items[index] as T;
      try {
        await task(item, index);
        settled.push({ item });
        options.onSettled?.(item);
      } catch (error) {
        settled.push({ item, error });
        options.onSettled?.(item, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(0, Math.min(limit, items.length)) }, worker));
  return { settled, notStarted: items.slice(next) };
}
