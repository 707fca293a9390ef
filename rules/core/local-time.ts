/**
 * EPI-7: times shown to people are in the hospital's time zone with the zone named, in both
 * languages; stored times stay UTC. Pure: the zone is an argument, the clock is never read.
 */
import type { LocalizedText } from './text.ts';
import { instantMs } from './dates.ts';

const FORMATS = new Map<string, Intl.DateTimeFormat>();

const formatIn = (timeZone: string): Intl.DateTimeFormat => {
  let format = FORMATS.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    FORMATS.set(timeZone, format);
  }
  return format;
};

/** "2026-03-01 03:10" in `timeZone`. */
export const localDateTime = (instant: string, timeZone: string): string => {
  const parts = formatIn(timeZone).formatToParts(new Date(instantMs(instant)));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
};

/** EPI-7: "2026-03-01 03:10 (Asia/Shanghai)" / "2026-03-01 03:10（Asia/Shanghai）". */
export const localTimeText = (instant: string, timeZone: string): LocalizedText => {
  const local = localDateTime(instant, timeZone);
  return { zh: `${local}（${timeZone}）`, en: `${local} (${timeZone})` };
};
