/**
 * Calendar and instant arithmetic without reading the clock: every "now" is an argument.
 * Calendar dates are ISO `YYYY-MM-DD` strings in the hospital's calendar; instants are ISO 8601 with offset.
 */
import * as z from 'zod/mini';
import { wallClockIn } from './wall-clock.ts';

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

export const isoDateSchema = z.iso.date({ error: 'a calendar date YYYY-MM-DD' });
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'an ISO 8601 date-time with offset, e.g. 2026-03-01T08:00:00Z',
});

const dateToUtcMs = (date: string): number => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a calendar date: ${date}`);
  return ms;
};

/** `date` plus `days` (may be negative), as YYYY-MM-DD. */
export const addDays = (date: string, days: number): string =>
  new Date(dateToUtcMs(date) + days * MS_PER_DAY).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / MS_PER_DAY);

/** `date` plus `months` calendar months, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export const addMonths = (date: string, months: number): string => {
  const d = new Date(dateToUtcMs(date));
  const targetMonth = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(d.getUTCFullYear(), targetMonth, Math.min(d.getUTCDate(), lastDay)))
    .toISOString()
    .slice(0, 10);
};

export const instantMs = (instant: string): number => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 instant: ${instant}`);
  return ms;
};

/** Hours from `from` to `to` (fractional; positive when `to` is later). */
export const hoursBetween = (from: string, to: string): number =>
  (instantMs(to) - instantMs(from)) / MS_PER_HOUR;

export const addHours = (instant: string, hours: number): string =>
  new Date(instantMs(instant) + hours * MS_PER_HOUR).toISOString();

/** The hospital's default time zone (the consensus is Chinese); deployments configure their own. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The calendar date of an instant in a time zone, e.g. 2026-03-02T17:00:00Z is 2026-03-03 in
 * Asia/Shanghai. For "today" on a ward, pass the request's time; this never reads the clock.
 */
export const calendarDateIn = (instant: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string => {
  const { year, month, day } = wallClockIn(
    typeof instant === 'string' ? new Date(instantMs(instant)) : instant,
    timeZone,
  );
  return `${year}-${month}-${day}`;
};
