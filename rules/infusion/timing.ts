import { RulesInputError, addDays, buildEvaluation, cite, daysBetween, parseInput } from '../core/index.ts';
import type { RuleEvaluation } from '../core/index.ts';
import { messages } from './messages.ts';
import { infusionTimingInputSchema } from './schemas.ts';
import type { InfusionTimingInput } from './schemas.ts';

/** INF-2 (§5.2): infuse 1–2 days after the end of lymphodepletion, never more than 7. */
export const RECOMMENDED_FULL_DAYS = { min: 1, max: 2 } as const;
export const MAX_FULL_DAYS = 7;

/** Full days strictly between the last lymphodepletion day and the infusion day: 2026-03-01 → 2026-03-04 is 2. */
export const fullDaysBetween = (lastLymphodepletionDay: string, infusionDay: string): number =>
  daysBetween(lastLymphodepletionDay, infusionDay) - 1;

/**
 * INF-2 by full days between the last lymphodepletion day and the infusion day: OK 1–2; LATE 3–7
 * (the spec's WARN); VIOLATION more than 7; EARLY 0 (a warning too, see checkInfusionTiming).
 */
export type InfusionTimingStatus = 'OK' | 'EARLY' | 'LATE' | 'VIOLATION';

export type InfusionTimingOutcome = {
  readonly status: InfusionTimingStatus;
  /** Full days between the last lymphodepletion day and the infusion day. */
  readonly fullDaysAfterLymphodepletion: number;
  readonly lymphodepletionEndDate: string;
  readonly infusionDate: string;
  /** The two infusion dates in the recommended window (1 and 2 full days after). */
  readonly recommendedDates: readonly [string, string];
  /** The last date that is not more than 7 days after. */
  readonly latestDate: string;
};

/**
 * INF-2 (§5.2). "Days after the end of lymphodepletion" are the FULL DAYS BETWEEN the last
 * lymphodepletion day and the infusion day, as in the ABECMA label's "2 days after completion" for
 * Flu/Cy on days -5 to -3 with infusion on day 0; so every T2 regimen infused on day 0 lands in the
 * recommended 1–2 days (CT103A, last dose day -2: 1 day). Decision: 0 full days (infusion the day
 * right after the last dose) is EARLY, a warning like 3–7 days, not a violation. Infusion on or
 * before the last lymphodepletion day is invalid input.
 */
export const checkInfusionTiming = (input: InfusionTimingInput): RuleEvaluation<InfusionTimingOutcome> => {
  const { lymphodepletionEndDate, infusionDate } = parseInput(infusionTimingInputSchema, input);
  const fullDays = fullDaysBetween(lymphodepletionEndDate, infusionDate);
  if (fullDays < 0) {
    throw new RulesInputError([
      {
        field: 'infusionDate',
        allowed: `a date after lymphodepletionEndDate (${lymphodepletionEndDate})`,
        received: infusionDate,
        message: `infusionDate must be a date after lymphodepletionEndDate (${lymphodepletionEndDate}); received "${infusionDate}"`,
      },
    ]);
  }
  const status: InfusionTimingStatus =
    fullDays > MAX_FULL_DAYS
      ? 'VIOLATION'
      : fullDays > RECOMMENDED_FULL_DAYS.max
        ? 'LATE'
        : fullDays < RECOMMENDED_FULL_DAYS.min
          ? 'EARLY'
          : 'OK';
  const recommendedDates: [string, string] = [
    addDays(lymphodepletionEndDate, RECOMMENDED_FULL_DAYS.min + 1),
    addDays(lymphodepletionEndDate, RECOMMENDED_FULL_DAYS.max + 1),
  ];
  const latestDate = addDays(lymphodepletionEndDate, MAX_FULL_DAYS + 1);
  const citation = cite('§5.2');
  return buildEvaluation<InfusionTimingOutcome>(
    {
      status,
      fullDaysAfterLymphodepletion: fullDays,
      lymphodepletionEndDate,
      infusionDate,
      recommendedDates,
      latestDate,
    },
    {
      drivers: [
        {
          code: status,
          ruleId: 'INF-2',
          text: messages.timing(status, fullDays, lymphodepletionEndDate, infusionDate),
        },
      ],
      recommendations:
        status === 'OK'
          ? []
          : [
              {
                ruleId: 'INF-2',
                text: messages.recommendedWindow(recommendedDates[0], recommendedDates[1], latestDate),
                citation,
              },
            ],
      notes: [{ ruleId: 'INF-2', text: messages.countingNote }],
      citations: [citation],
    },
  );
};
