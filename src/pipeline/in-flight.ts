/**
 * Runs `work` on every item, with at most `limit` running at once; items are taken in order. Threads
 * given the same items and the same `shared` counter (an Int32Array on a SharedArrayBuffer) take
 * each item once between them: the next free one, whichever thread is free first.
 */
export async function inFlight<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, shared?: Int32Array): Promise<void> {
  let next = 0;
  const take = shared ? () => Atomics.add(shared, 0, 1) : () => next++;
  const lane = async () => {
    for (let n = take(); n < items.length; n = take()) await work(items[n]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
