/**
 * EPI-7: times shown to people are in the hospital's time zone with the zone named, in both
 * languages; stored times stay UTC. Pure: the zone is an argument, the clock is never read.
 */
import type { LocalizedText } from './text.ts';
import { instantMs } from './dates.ts';
import { wallClockIn } from './wall-clock.ts';

/** "2026-03-01 03:10" in `timeZone`. */
export const localDateTime = (instant: string, timeZone: string): string => {
  const { year, month, day, hour, minute } = wallClockIn(new Date(instantMs(instant)), timeZone);
  return `${year}-${month}-${day} ${hour}:${minute}`;
};

/** EPI-7: "2026-03-01 03:10 (Asia/Shanghai)" / "2026-03-01 03:10（Asia/Shanghai）". */
export const localTimeText = (instant: string, timeZone: string): LocalizedText => {
  const local = localDateTime(instant, timeZone);
  return { zh: `${local}（${timeZone}）`, en: `${local} (${timeZone})` };
};

/** The zone's offset from UTC at instant `ms`, in ms (east of UTC positive), from its local wall time. */
const offsetAt = (ms: number, timeZone: string): number => {
  const local = localDateTime(new Date(ms).toISOString(), timeZone);
  return Date.parse(`${local.replace(' ', 'T')}:00Z`) - Math.floor(ms / 60_000) * 60_000;
};

/**
 * The instant of local `time` (HH:MM) on local `date` in `timeZone`. A time skipped by a DST change
 * maps to the instant after the gap; a repeated time to its first occurrence.
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
