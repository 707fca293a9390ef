import * as z from 'zod';
import { isoDateSchema, isoDateTimeSchema, numberIn } from '../core/index.ts';
import { DOSE_PROBLEM_CODES } from '../dose-safety/plausibility.ts';
import { DOSE_DRUGS, DOSE_ROUTES } from '../dose-safety/schemas.ts';
import { TOCILIZUMAB_STATUSES } from '../tocilizumab/timing.ts';

const gradeSchema = numberIn(0, 4, '(grade)', { integer: true }).transform(
  (grade) => grade as 0 | 1 | 2 | 3 | 4,
);

/** The last grading before this one (null: none) and this one. */
export const gradeChangeSchema = z.strictObject({
  previousGrade: gradeSchema.nullable().default(null),
  currentGrade: gradeSchema,
});

/**
 * The CRS grade change, with the rule ids of the current grading's drivers when known: a grade 2
 * driven by CRS-G6 (hypoxia requiring oxygen) makes ESC-CRS2 say "start oxygen and regrade".
 */
export const crsGradeChangeSchema = gradeChangeSchema.extend({
  driverRuleIds: z
    .array(z.string().regex(/^[A-Z]+(-[A-Z0-9.]+)+$/, { error: 'a rule id such as CRS-G6' }))
    .max(32)
    .optional(),
});

const OVERRIDE_REASON_ALLOWED = 'the override reason recorded with the dose, 1–500 characters';

/** ESC-DOSE: a dose recorded with an override reason and its TOCI-5 findings (see doseOverrideOf). */
export const doseOverrideSchema = z.strictObject({
  drug: z.enum(DOSE_DRUGS),
  mg: z.number({ error: 'a dose in mg greater than 0' }).positive({ error: 'a dose in mg greater than 0' }),
  route: z.enum(DOSE_ROUTES),
  computedMg: z.number().positive().nullable(),
  capMg: z.number().positive().nullable(),
  problems: z.array(z.enum(DOSE_PROBLEM_CODES)).max(DOSE_PROBLEM_CODES.length),
  overrideReason: z
    .string({ error: OVERRIDE_REASON_ALLOWED })
    .trim()
    .min(1, { error: OVERRIDE_REASON_ALLOWED })
    .max(500, { error: OVERRIDE_REASON_ALLOWED }),
});

export const HLH_STATUSES = ['SUSPECTED', 'RECHECK', 'NOT_SUSPECTED'] as const;

/**
 * Everything the escalation triggers read, each part optional: a trigger whose part is absent is
 * not evaluated. ESC-ICANS2 needs both `crsGrades` and `icansGrades` (the concurrent CRS).
 */
export const escalationInputSchema = z.strictObject({
  crsGrades: crsGradeChangeSchema.optional(),
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
    .strictObject({
      status: z.enum(TOCILIZUMAB_STATUSES),
      earliestNextDoseAt: isoDateTimeSchema.nullish(),
      timeZone: z.string().min(1).max(64).optional(),
    })
    .optional(),
  dose: doseOverrideSchema.optional(),
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
