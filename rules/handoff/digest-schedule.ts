/**
 * HANDOFF-1: when a team's scheduled handoff digest is due. Handoff times are local wall-clock
 * times ("08:00") in the hospital's zone; a time is due from its instant for `graceMinutes` (so a
 * scheduler running every few minutes, or retrying, still finds it), and at most one slot is due
 * at a time. Pure: `now` is an argument.
 */
import * as z from 'zod/mini';
import { addDays, calendarDateIn, instantMs, localTimeInstant } from '../core/index.ts';

export const HANDOFF_TIME_ALLOWED = 'a 24-hour local time HH:MM such as 08:00';
export const MAX_HANDOFF_TIMES = 6;

export const handoffTimeSchema = z
  .string({ error: HANDOFF_TIME_ALLOWED })
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: HANDOFF_TIME_ALLOWED }));

/** 1–6 distinct times, kept sorted. */
export const handoffTimesSchema = z.pipe(
  z
    .array(handoffTimeSchema)
    .check(z.maxLength(MAX_HANDOFF_TIMES, { error: `at most ${MAX_HANDOFF_TIMES} handoff times` })),
  z.transform((times: string[]) => [...new Set(times)].sort()),
);

/**
 * The slot due at `now`: the latest handoff time whose instant is at or before `now` and less than
 * `graceMinutes` ago (today's or yesterday's, for times around midnight); null when none is due.
 */
export const dueHandoffSlot = (
  times: readonly string[],
  now: string,
  timeZone: string,
  graceMinutes: number,
): string | null => {
  const nowMs = instantMs(now);
  const today = calendarDateIn(now, timeZone);
  let due: number | null = null;
  for (const date of [addDays(today, -1), today])
    for (const time of times) {
      const at = instantMs(localTimeInstant(date, time, timeZone));
      if (at <= nowMs && nowMs - at < graceMinutes * 60_000 && (due === null || at > due)) due = at;
    }
  return due === null ? null : new Date(due).toISOString();
};
