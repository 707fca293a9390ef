/**
 * HANDOFF-1: when a team's scheduled handoff digest is due. Handoff times are local wall-clock
 * times ("08:00") in the hospital's zone; a time is due from its instant for `graceMinutes` (so a
 * scheduler running every few minutes, or retrying, still finds it), and at most one slot is due
 * at a time. Pure: `now` is an argument.
 */
import * as z from 'zod/mini';
import { addDays, calendarDateIn, instantMs } from '../core/index.ts';

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

const FORMATS = new Map<string, Intl.DateTimeFormat>();
const partsIn = (ms: number, timeZone: string): Record<string, number> => {
  let format = FORMATS.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    FORMATS.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) parts[part.type] = Number(part.value);
  return parts;
};

/** The zone's offset from UTC at instant `ms`, in ms. */
const offsetAt = (ms: number, timeZone: string): number => {
  const p = partsIn(ms, timeZone);
  const asUtc = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
};

/**
 * The instant of local `time` on local `date` in `timeZone`. A time skipped by a DST change maps to
 * the instant after the gap; a repeated time to its first occurrence.
 */
export const localTimeInstant = (date: string, time: string, timeZone: string): string => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const wall = Date.parse(`${date}T00:00:00Z`) + (h * 60 + m) * 60_000;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const candidates = [first, second].filter((ms) => ms - wall + offsetAt(ms, timeZone) === 0);
  const ms = candidates.length > 0 ? Math.min(...candidates) : Math.max(first, second);
  return new Date(ms).toISOString();
};

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
