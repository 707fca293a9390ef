import type { Language } from '#rules';
import { tr } from './blocks.ts';
import { AGO_LABEL } from './labels.ts';

const MINUTE_MS = 60_000;

/** How long before `now` the instant `iso` was: `just now`, `35 min ago`, `2 h 5 min ago`, `3 d ago`. */
export const ageText = (iso: string, now: Date, language: Language): string => {
  const ms = now.getTime() - Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  // A device clock slightly ahead of the server's reads as now.
  if (ms < -MINUTE_MS) return tr(AGO_LABEL.ahead, language);
  const minutes = Math.floor(Math.max(ms, 0) / MINUTE_MS);
  if (minutes < 1) return tr(AGO_LABEL.justNow, language);
  if (minutes < 60) return tr(AGO_LABEL.minutes(minutes), language);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return tr(AGO_LABEL.hours(hours, minutes % 60), language);
  return tr(AGO_LABEL.days(Math.floor(hours / 24)), language);
};
