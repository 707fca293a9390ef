import { addDays, calendarDateIn, DEFAULT_TIME_ZONE, instantMs, localTimeInstant } from '#rules';

/**
 * Milliseconds to wait at `nowMs` so that the next `marginMs` fall within one day of the hospital's
 * calendar: 0 unless midnight in `timeZone` comes sooner than that, else until just after it.
 */
export const msUntilClearOfMidnight = (
  nowMs: number,
  marginMs: number,
  timeZone: string = DEFAULT_TIME_ZONE,
): number => {
  const today = calendarDateIn(new Date(nowMs), timeZone);
  const nextMidnightMs = instantMs(localTimeInstant(addDays(today, 1), '00:00', timeZone));
  const left = nextMidnightMs - nowMs;
  return left < marginMs ? left + 1_000 : 0;
};

/**
 * For an end-to-end test that works out dates ("today", "-2d") on its own side and compares them
 * with the server's: started within `marginMs` of the hospital's midnight, it waits for the new
 * day first, so the test and the server count from the same date.
 */
export const clearOfHospitalMidnight = async (marginMs = 20_000): Promise<void> => {
  const wait = msUntilClearOfMidnight(Date.now(), marginMs);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
};
