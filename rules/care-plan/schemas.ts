import * as z from 'zod/mini';
import { isoDateSchema, numberIn } from '../core/index.ts';
import { followUpScheduleInputSchema } from '../follow-up/index.ts';
import { carTProductSchema } from '../reference/index.ts';

/** The plan's phases, in course order (PLAN-1). */
export const CARE_PLAN_PHASES = [
  'BEFORE_LYMPHODEPLETION',
  'FROM_LYMPHODEPLETION_START',
  'INFUSION',
  'FROM_INFUSION',
  'FOLLOW_UP',
] as const;
export type CarePlanPhase = (typeof CARE_PLAN_PHASES)[number];

/** What an item is: a screening, a prophylactic course, an IgG check or a follow-up visit. */
export const CARE_PLAN_KINDS = ['SCREENING', 'PROPHYLAXIS', 'IGG_CHECK', 'FOLLOW_UP_VISIT'] as const;
export type CarePlanKind = (typeof CARE_PLAN_KINDS)[number];

/**
 * An item's status on `today`: DUE (to be done now: a check dated today, a screening before
 * lymphodepletion, a prophylaxis to decide before infusion), ACTIVE (a course under way), DONE (the
 * course or its minimum duration is over, or the check's date has passed; the plan does not know
 * whether a check took place), UPCOMING (later), UNKNOWN (a date it needs is missing: see `needs`).
 */
export const CARE_PLAN_STATUSES = ['DUE', 'ACTIVE', 'DONE', 'UPCOMING', 'UNKNOWN'] as const;
export type CarePlanStatus = (typeof CARE_PLAN_STATUSES)[number];

/** One absolute neutrophil count on a calendar day (PLAN-2 reads recovery from them). */
export const neutrophilCountSchema = z.strictObject({
  date: isoDateSchema,
  ancE9PerL: numberIn(0, 100, '× 10⁹/L'),
});
export type NeutrophilCount = z.output<typeof neutrophilCountSchema>;

const MAX_COUNTS = 1000;

/**
 * PLAN-1: the dates of the course, the product, the CNS history and neutrophil recovery, and the
 * day the plan is read on. Every date but `today` may be missing: items that need it say so.
 * Neutrophil recovery is given as a date, or as the counts it is read from (PLAN-2), not both.
 */
export const carePlanInputSchema = z
  .strictObject({
    infusionDate: z.nullish(isoDateSchema),
    lymphodepletionStartDate: z.nullish(isoDateSchema),
    product: carTProductSchema,
    /** INF-1: prior CNS disease or complication; missing → the INF-1 item needs it. */
    priorCnsDisease: z.nullish(z.boolean()),
    /** INFX-3: the day neutrophils recovered after infusion; missing → not known (not "not recovered"). */
    neutrophilRecoveredAt: z.nullish(isoDateSchema),
    /** PLAN-2: absolute neutrophil counts, in the order taken; the latest after infusion decides. */
    neutrophilCounts: z.nullish(
      z
        .array(neutrophilCountSchema)
        .check(z.maxLength(MAX_COUNTS, { error: `at most ${MAX_COUNTS} counts` })),
    ),
    /** FU-1: the last month after infusion to list visits for. */
    followUpThroughMonth: followUpScheduleInputSchema.shape.throughMonth,
    today: isoDateSchema,
  })
  .check(
    z.superRefine((plan, ctx) => {
      const issue = (path: (string | number)[], input: unknown, message: string): void => {
        ctx.addIssue({ code: 'custom', path, input, message });
      };
      const { infusionDate, lymphodepletionStartDate, neutrophilRecoveredAt, neutrophilCounts, today } = plan;
      if (infusionDate && lymphodepletionStartDate && lymphodepletionStartDate >= infusionDate)
        issue(
          ['lymphodepletionStartDate'],
          lymphodepletionStartDate,
          `a date before infusionDate (${infusionDate})`,
        );
      if (neutrophilRecoveredAt) {
        if (neutrophilCounts)
          issue(['neutrophilCounts'], neutrophilCounts, 'not given together with neutrophilRecoveredAt');
        if (infusionDate && neutrophilRecoveredAt < infusionDate)
          issue(
            ['neutrophilRecoveredAt'],
            neutrophilRecoveredAt,
            `a date on or after infusionDate (${infusionDate})`,
          );
        if (neutrophilRecoveredAt > today)
          issue(['neutrophilRecoveredAt'], neutrophilRecoveredAt, `a date on or before today (${today})`);
      }
      neutrophilCounts?.forEach((count, index) => {
        if (count.date > today)
          issue(['neutrophilCounts', index, 'date'], count.date, `a date on or before today (${today})`);
      });
    }),
  );
export type CarePlanInput = z.input<typeof carePlanInputSchema>;
export type CarePlanRequest = z.output<typeof carePlanInputSchema>;
