import {
  addDays,
  addMonths,
  buildEvaluation,
  cite,
  daysBetween,
  localize,
  parseInput,
} from '../core/index.ts';
import type { Language, LocalizedText, RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { followUpScheduleInputSchema } from './schemas.ts';
import type { FollowUpScheduleInput } from './schemas.ts';

/** EARLY: day 14 and 28. MONTHLY: months 2–6. EVERY_2_MONTHS: 8, 10, 12. YEAR_2: 15–24. YEAR_3_ON: 27, 30, … */
export type FollowUpPhase = 'EARLY' | 'MONTHLY' | 'EVERY_2_MONTHS' | 'YEAR_2' | 'YEAR_3_ON';

export type FollowUpVisit = {
  readonly date: string;
  readonly label: LocalizedText;
  readonly phase: FollowUpPhase;
  /** Day after infusion for EARLY visits; otherwise null. */
  readonly day: number | null;
  /** Month after infusion (day 14 and 28 count as month 1). */
  readonly month: number;
  readonly daysAfterInfusion: number;
};

export type FollowUpScheduleOutcome = { readonly visits: readonly FollowUpVisit[] };

/**
 * The visit months after the two early visits: monthly to month 6 (month 1 is the day-28 visit),
 * every 2 months to month 12, every 3 months in year 2, and every 3 months from year 3 (the
 * consensus says every 3–6 months or as clinically indicated; the shorter interval is listed and the
 * label says so).
 */
const visitMonths = (throughMonth: number): { month: number; phase: FollowUpPhase }[] => {
  const months: { month: number; phase: FollowUpPhase }[] = [];
  for (let month = 2; month <= throughMonth; month += 1) {
    if (month <= 6) months.push({ month, phase: 'MONTHLY' });
    else if (month <= 12) {
      if (month % 2 === 0) months.push({ month, phase: 'EVERY_2_MONTHS' });
    } else if (month % 3 === 0) months.push({ month, phase: month <= 24 ? 'YEAR_2' : 'YEAR_3_ON' });
  }
  return months;
};

/**
 * FU-1 (§10): the follow-up schedule from the infusion date through a month (default 36): day 14
 * and day 28, then monthly to month 6, every 2 months to month 12, every 3 months in year 2, and
 * every 3 months from year 3 labelled "every 3–6 months or as clinically indicated". Dates strictly
 * increase; each visit maps onto the contract's FollowUpVisit { date, label }.
 */
export const followUpSchedule = (input: FollowUpScheduleInput): RuleEvaluation<FollowUpScheduleOutcome> => {
  const { infusionDate, throughMonth } = parseInput(followUpScheduleInputSchema, input);
  const early: FollowUpVisit[] = [14, 28].map((day) => ({
    date: addDays(infusionDate, day),
    label: messages.visitLabel('EARLY', day),
    phase: 'EARLY',
    day,
    month: 1,
    daysAfterInfusion: day,
  }));
  const later: FollowUpVisit[] = visitMonths(throughMonth).map(({ month, phase }) => {
    const date = addMonths(infusionDate, month);
    return {
      date,
      label: messages.visitLabel(phase, month),
      phase,
      day: null,
      month,
      daysAfterInfusion: daysBetween(infusionDate, date),
    };
  });
  const visits = [...early, ...later];
  return buildEvaluation<FollowUpScheduleOutcome>(
    { visits },
    {
      recommendations: [{ ruleId: 'FU-1', text: messages.suspectedProgression, citation: cite('§10') }],
      notes: [
        { ruleId: 'FU-1', text: messages.followUpScope },
        ...(visits.some((v) => v.phase === 'YEAR_3_ON')
          ? [{ ruleId: 'FU-1', text: messages.year3Interval }]
          : []),
      ],
      citations: [cite('§10')],
    },
  );
};

/** The visits as the contract's FollowUpVisit { date, label } in one language. */
export const toContractVisits = (
  visits: readonly FollowUpVisit[],
  language: Language,
): { date: string; label: string }[] =>
  visits.map((visit) => ({ date: visit.date, label: localize(visit.label, language) }));
