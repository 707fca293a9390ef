/**
 * Calls `work` for every item, at most `limit` at a time, starting them in the items' order. An
 * item is started only while `mayStart()` holds (e.g. before the invocation's deadline); what is
 * not started is left alone. `work` must not throw (it reports its own failures). Resolves with the
 * number of items started, once all of them have finished.
 */
export const forEachBounded = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  mayStart: () => boolean = () => true,
): Promise<number> => {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`concurrency limit must be a whole number ≥ 1, received ${String(limit)}`);
  let next = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (!stopped && next < items.length) {
      if (!mayStart()) {
        stopped = true;
        return;
      }
      const index = next;
      next += 1;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return next;
};
