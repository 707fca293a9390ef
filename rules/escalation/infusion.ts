/**
 * ESC-INF (warning): infusion planned more than 7 days after the end of lymphodepletion (INF-2:
 * "预处理化疗结束后1~2 d输注CAR-T细胞,最长不宜超过7 d").
 *
 * Days are counted as full days between the last lymphodepletion day and the infusion day, both
 * excluded: lymphodepletion on d-5..d-3 and infusion on d0 leave 2 full days (d-2, d-1), which is
 * the consensus' "1–2 days after"; counting the calendar difference instead (3) would put every
 * standard regimen outside its own recommendation. So the alert fires from 8 full days, i.e. when
 * the infusion date is 9 or more calendar days after the last lymphodepletion day.
 */
import { MAX_FULL_DAYS, fullDaysBetween } from '../infusion/timing.ts';
import { messages } from './messages.ts';
import { trigger } from './trigger.ts';
import type { EscalationTrigger } from './types.ts';

/** The day count and the 7-day limit are INF-2's own (rules/infusion/timing.ts). */
export const escalateLateInfusion = (plan: {
  readonly lymphodepletionEndDate: string;
  readonly plannedInfusionDate: string;
}): EscalationTrigger | null => {
  const fullDays = fullDaysBetween(plan.lymphodepletionEndDate, plan.plannedInfusionDate);
  return fullDays > MAX_FULL_DAYS ? trigger('ESC-INF', messages.infusionTooLate(fullDays), ['INF-2']) : null;
};
