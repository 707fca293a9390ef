import { describe, expect, it } from 'vitest';
import { forEachBounded } from './bounded-concurrency.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('forEachBounded', () => {
  it('starts every item in order, never more than the limit at once, and reaches the limit', async () => {
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const count = await forEachBounded([...Array(20).keys()], 4, async (item) => {
      started.push(item);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await pause(item % 3);
      inFlight -= 1;
    });
    expect(count).toBe(20);
    expect(started).toEqual([...Array(20).keys()]);
    expect(most).toBe(4);
  });

  it('starts nothing more once mayStart() fails, and waits for what was started', async () => {
    const finished: number[] = [];
    let allowed = 5;
    const count = await forEachBounded(
      [...Array(10).keys()],
      2,
      async (item) => {
        await pause(1);
        finished.push(item);
      },
      () => (allowed -= 1) >= 0,
    );
    expect(count).toBe(5);
    expect(finished.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
  });

  it('an empty list starts nothing; a limit that is not a whole number ≥ 1 is refused', async () => {
    await expect(forEachBounded([], 8, () => Promise.resolve())).resolves.toBe(0);
    await expect(forEachBounded([1], 0, () => Promise.resolve())).rejects.toThrow(
      'concurrency limit must be a whole number ≥ 1, received 0',
    );
    await expect(forEachBounded([1], 2.5, () => Promise.resolve())).rejects.toThrow('received 2.5');
  });
});
