/**
 * EPI-2's fever window: the highest temperature of the last 24 h of the open CRS episode, with its
 * time. Kept as a decreasing queue (a temperature followed by a higher or equal one can never be
 * the highest again), so its size stays small however many temperatures are recorded.
 */
import { instantMs } from '../core/index.ts';
import { HOUR_MS } from './settings.ts';
import type { Stamped } from './state.ts';

/** The queue after a temperature at `at`, without entries that left the window. */
export const pushTemperature = (
  queue: readonly Stamped<number>[],
  entry: Stamped<number> | null,
  at: string,
  windowHours: number,
): Stamped<number>[] => {
  const startMs = instantMs(at) - windowHours * HOUR_MS;
  const kept = queue.filter((t) => instantMs(t.at) > startMs);
  if (entry === null) return kept;
  while (kept.length > 0 && (kept.at(-1)?.value ?? Number.POSITIVE_INFINITY) <= entry.value) kept.pop();
  kept.push(entry);
  return kept;
};

/** The highest temperature of the window that was taken at or after `since`. */
export const highestSince = (queue: readonly Stamped<number>[], since: string): Stamped<number> | null =>
  queue.find((t) => instantMs(t.at) >= instantMs(since)) ?? null;
