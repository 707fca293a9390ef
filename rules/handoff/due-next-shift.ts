import { carePlan, type CarePlanItem } from '../care-plan/index.ts';
import { RulesInputError, type LocalizedText } from '../core/index.ts';
import type { CarTProduct } from '../reference/index.ts';
import { messages } from './messages.ts';
import { shortLocal, type ShiftWindow } from './shift-window.ts';
import { ageText, vitalsDueAt, vitalsOverdue } from './vitals-age.ts';

/** One thing due in the next shift, with the rule it comes from. */
export type DueItem = {
  readonly key: string;
  readonly ruleId: string;
  /** The instant (vitals) or hospital calendar date (plan items) it is due; null when undated. */
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly text: LocalizedText;
};

/** The dates of a plan item that fall due: a check's date, a course's start and stop. */
const datesOf = (item: CarePlanItem): string[] =>
  [item.dueDate, item.dueBefore, item.startDate, item.stopDate, item.earliestStopDate].filter(
    (d): d is string => d !== null,
  );

/** Only a missing infusion date is named: every date of the plan after lymphodepletion hangs on it (the rest is in the care plan itself). */
const PLAN_NEEDS_SHOWN = new Set(['infusionDate']);

export type DueFacts = {
  readonly product: CarTProduct;
  readonly infusionDate: string | null;
  readonly lymphodepletionStartDate: string | null;
  readonly crsGrade: number | null;
  readonly lastVitalsAt: string | null;
};

/**
 * HANDOFF-1: what falls due in the next shift. INF-5: during CRS, vital signs overdue (more than 4 h
 * since the last) or due by last + 4 h within the next shift. PLAN-1: the care plan's IgG checks
 * (IG-1), prophylaxis starts and stops (INFX-2, INFX-3) and follow-up visits (FU-1) dated from the
 * hospital's today to the next shift's end date, or due today. Missing dates are named.
 */
export const dueNextShift = (
  facts: DueFacts,
  window: ShiftWindow,
  timeZone: string,
): { readonly items: readonly DueItem[]; readonly needs: readonly LocalizedText[] } => {
  const items: DueItem[] = [];
  const needs: LocalizedText[] = [];
  if (vitalsOverdue(facts.crsGrade, facts.lastVitalsAt, window.at) && facts.lastVitalsAt !== null) {
    items.push({
      key: 'INF-5-VITALS',
      ruleId: 'INF-5',
      dueAt: vitalsDueAt(facts.crsGrade, facts.lastVitalsAt),
      overdue: true,
      text: messages.vitalsOverdue(
        shortLocal(facts.lastVitalsAt, timeZone),
        ageText(facts.lastVitalsAt, window.at),
      ),
    });
  } else {
    const due = vitalsDueAt(facts.crsGrade, facts.lastVitalsAt);
    if (due !== null && Date.parse(due) <= Date.parse(window.nextEnd))
      items.push({
        key: 'INF-5-VITALS',
        ruleId: 'INF-5',
        dueAt: due,
        overdue: false,
        text: messages.vitalsDueBy(shortLocal(due, timeZone)),
      });
  }
  try {
    const plan = carePlan({
      product: facts.product,
      infusionDate: facts.infusionDate,
      lymphodepletionStartDate: facts.lymphodepletionStartDate,
      today: window.today,
    }).outcome;
    for (const item of plan.items) {
      const dates = datesOf(item).filter((d) => d >= window.today && d <= window.nextEndDate);
      if (item.status !== 'DUE' && dates.length === 0) continue;
      if (item.status === 'UNKNOWN') continue;
      items.push({
        key: item.key,
        ruleId: item.ruleId,
        dueAt: dates[0] ?? null,
        overdue: false,
        text: messages.planItem(item.text, item.timing, item.ruleId),
      });
    }
    const shown = plan.needs.filter((field) => PLAN_NEEDS_SHOWN.has(field));
    if (shown.length > 0) needs.push(messages.planNeeds(shown));
  } catch (error) {
    if (!(error instanceof RulesInputError)) throw error;
    needs.push(messages.planUnavailable(error.message));
  }
  return { items, needs };
};
