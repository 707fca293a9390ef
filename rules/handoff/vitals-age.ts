import { instantMs, type LocalizedText } from '../core/index.ts';
import { VITALS_MAX_INTERVAL_HOURS } from '../escalation/index.ts';
import { messages } from './messages.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Whole minutes from `from` to `at` (never negative: a bedside clock a little ahead reads as 0). */
export const minutesSince = (from: string, at: string): number =>
  Math.max(0, Math.floor((instantMs(at) - instantMs(from)) / MINUTE_MS));

/** "45 min ago" under an hour, "9 h ago" under 48 h (whole hours, rounded down), then "3 d ago". */
export const ageText = (from: string, at: string): LocalizedText => {
  const minutes = minutesSince(from, at);
  if (minutes < 60) return messages.minutesAgo(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return messages.hoursAgo(hours);
  return messages.daysAgo(Math.floor(hours / 24));
};

/**
 * INF-5 (ESC-VITALS): during CRS (current grade ≥ 1) vital signs at least every 4 h: overdue when
 * the last ones are more than 4 h old (exactly 4 h is not overdue), as the sweeper reads it.
 */
export const vitalsOverdue = (crsGrade: number | null, lastVitalsAt: string | null, at: string): boolean =>
  crsGrade !== null &&
  crsGrade >= 1 &&
  lastVitalsAt !== null &&
  instantMs(at) - instantMs(lastVitalsAt) > VITALS_MAX_INTERVAL_HOURS * HOUR_MS;

/** INF-5: when the next vital signs are due during CRS (last + 4 h); null outside CRS or without vitals. */
export const vitalsDueAt = (crsGrade: number | null, lastVitalsAt: string | null): string | null =>
  crsGrade !== null && crsGrade >= 1 && lastVitalsAt !== null
    ? new Date(instantMs(lastVitalsAt) + VITALS_MAX_INTERVAL_HOURS * HOUR_MS).toISOString()
    : null;
