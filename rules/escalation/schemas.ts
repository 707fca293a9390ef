import * as z from 'zod';
import { isoDateSchema, isoDateTimeSchema, numberIn } from '../core/index.ts';
import { TOCILIZUMAB_STATUSES } from '../tocilizumab/timing.ts';

const gradeSchema = numberIn(0, 4, '(grade)', { integer: true }).transform(
  (grade) => grade as 0 | 1 | 2 | 3 | 4,
);

/** The last grading before this one (null: none) and this one. */
export const gradeChangeSchema = z.strictObject({
  previousGrade: gradeSchema.nullable().default(null),
  currentGrade: gradeSchema,
});

export const HLH_STATUSES = ['SUSPECTED', 'RECHECK', 'NOT_SUSPECTED'] as const;

/**
 * Everything the escalation triggers read, each part optional: a trigger whose part is absent is
 * not evaluated. ESC-ICANS2 needs both `crsGrades` and `icansGrades` (the concurrent CRS).
 */
export const escalationInputSchema = z.strictObject({
  crsGrades: gradeChangeSchema.optional(),
  icansGrades: gradeChangeSchema.optional(),
  suspicion: z
    .strictObject({
      daysSinceInfusion: numberIn(0, 3650, 'days', { integer: true }),
      suspected: z.boolean(),
      previouslySuspected: z.boolean().default(false),
    })
    .optional(),
  hlh: z
    .strictObject({ status: z.enum(HLH_STATUSES), previousStatus: z.enum(HLH_STATUSES).nullish() })
    .optional(),
  tocilizumab: z
    .strictObject({ status: z.enum(TOCILIZUMAB_STATUSES), earliestNextDoseAt: isoDateTimeSchema.nullish() })
    .optional(),
  vitals: z
    .strictObject({
      currentCrsGrade: gradeSchema,
      hoursSinceLastVitals: numberIn(0, 24 * 365, 'h').nullable(),
    })
    .optional(),
  infusionPlan: z
    .strictObject({ lymphodepletionEndDate: isoDateSchema, plannedInfusionDate: isoDateSchema })
    .optional(),
  igg: z
    .strictObject({ igRuleId: z.string().regex(/^IG-\d+$/, { error: 'an IgG rule id such as IG-2' }) })
    .optional(),
});
export type EscalationInput = z.input<typeof escalationInputSchema>;
export type EscalationChecks = z.output<typeof escalationInputSchema>;
