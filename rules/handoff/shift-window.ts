import { calendarDateIn, instantMs, localDateTime } from '../core/index.ts';

/** HANDOFF-1: the last shift is (at − shiftHours, at], the next shift (at, at + shiftHours]. */
export type ShiftWindow = {
  readonly lastStart: string;
  readonly at: string;
  readonly nextEnd: string;
  /** Hospital calendar dates of `at` and of the next shift's end (what falls due between them). */
  readonly today: string;
  readonly nextEndDate: string;
};

export const shiftWindow = (at: string, shiftHours: number, timeZone: string): ShiftWindow => {
  const atMs = instantMs(at);
  const lastStart = new Date(atMs - shiftHours * 3_600_000).toISOString();
  const nextEnd = new Date(atMs + shiftHours * 3_600_000).toISOString();
  return {
    lastStart,
    at: new Date(atMs).toISOString(),
    nextEnd,
    today: calendarDateIn(at, timeZone),
    nextEndDate: calendarDateIn(nextEnd, timeZone),
  };
};

/** EPI-7: a time of the handoff in the hospital zone, "03-02 02:10" (the zone is named in the title). */
export const shortLocal = (instant: string, timeZone: string): string =>
  localDateTime(instant, timeZone).slice(5);
