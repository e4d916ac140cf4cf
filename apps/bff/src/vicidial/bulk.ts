/** VICIdial calls in flight at once for one bulk request: enough to overlap round trips, few enough to spare its PHP workers. */
export const BULK_CONCURRENCY = 8;

/**
 * `run` over every item with at most `limit` running at once; results in item order. `run` must
 * not throw (a bulk answer has one result per item, a failing item does not stop the others).
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
