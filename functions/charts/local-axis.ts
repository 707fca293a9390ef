import { calendarDateIn, daysBetween, instantMs, localDateTime, localTimeInstant } from '#rules';

/**
 * The chart's x axis: days since infusion in the hospital's calendar (day 0 = the infusion date,
 * from local midnight), read back as local times. Positions are fractional days from day 0's
 * local midnight; a label turns a position back into an instant, so day numbers and times stay
 * exact across a daylight-saving change inside the window.
 */
const MS_PER_DAY = 86_400_000;

/** The instant of local midnight starting `date` (YYYY-MM-DD) in `timeZone`. */
export const localMidnight = (date: string, timeZone: string): number =>
  instantMs(localTimeInstant(date, '00:00', timeZone));

export type DayAxis = {
  /** Position on the axis (fractional days from day 0's local midnight) of an instant. */
  readonly position: (instant: string | number) => number;
  /** The instant at a position. */
  readonly instantAt: (position: number) => number;
  /** Day number of an instant (days since infusion in the hospital's calendar), or null without an infusion date. */
  readonly dayOf: (instant: string | number) => number | null;
  /** "d3 14:00" (or "03-05 14:00" without an infusion date): language-neutral, for the picture. */
  readonly label: (position: number) => string;
  /** "2026-03-05 14:00": the local date and time. */
  readonly localTime: (instant: string | number) => string;
};

const toIso = (instant: string | number): string =>
  typeof instant === 'number' ? new Date(instant).toISOString() : instant;

/**
 * The axis of a window. Without an infusion date, positions count from the local midnight
 * starting the window and labels show the local date instead of a day number.
 */
export const dayAxis = (timeZone: string, infusionDate: string | null, windowFrom: string): DayAxis => {
  const origin = localMidnight(infusionDate ?? calendarDateIn(windowFrom, timeZone), timeZone);
  const dayOf = (instant: string | number): number | null =>
    infusionDate === null ? null : daysBetween(infusionDate, calendarDateIn(toIso(instant), timeZone));
  const localTime = (instant: string | number): string => localDateTime(toIso(instant), timeZone);
  return {
    position: (instant) =>
      ((typeof instant === 'number' ? instant : Date.parse(instant)) - origin) / MS_PER_DAY,
    instantAt: (position) => Math.round(origin + position * MS_PER_DAY),
    dayOf,
    localTime,
    label: (position) => {
      // To the nearest minute: a position is a float, its instant may fall a hair before the minute.
      const at = Math.round((origin + position * MS_PER_DAY) / 60_000) * 60_000;
      const local = localTime(at);
      const day = dayOf(at);
      return day === null ? local.slice(5) : `d${day} ${local.slice(11)}`;
    },
  };
};
