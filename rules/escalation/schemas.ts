import * as z from 'zod/mini';
import { isoDateSchema, isoDateTimeSchema, numberIn } from '../core/index.ts';
import { DOSE_PROBLEM_CODES } from '../dose-safety/plausibility.ts';
import { DOSE_DRUGS, DOSE_ROUTES } from '../dose-safety/schemas.ts';
import { TOCILIZUMAB_STATUSES } from '../tocilizumab/timing.ts';

const gradeSchema = z.pipe(
  numberIn(0, 4, '(grade)', { integer: true }),
  z.transform((grade) => grade as 0 | 1 | 2 | 3 | 4),
);

/** The last grading before this one (null: none) and this one. */
export const gradeChangeSchema = z.strictObject({
  previousGrade: z._default(z.nullable(gradeSchema), null),
  currentGrade: gradeSchema,
});

/**
 * The CRS grade change, with the rule ids of the current grading's drivers when known: a grade 2
 * driven by CRS-G6 (hypoxia requiring oxygen) makes ESC-CRS2 say "start oxygen and regrade".
 */
export const crsGradeChangeSchema = z.extend(gradeChangeSchema, {
  driverRuleIds: z.optional(
    z
      .array(z.string().check(z.regex(/^[A-Z]+(-[A-Z0-9.]+)+$/, { error: 'a rule id such as CRS-G6' })))
      .check(z.maxLength(32)),
  ),
});

const OVERRIDE_REASON_ALLOWED = 'the override reason recorded with the dose, 1–500 characters';

/** ESC-DOSE: a dose recorded with an override reason and its TOCI-5 findings (see doseOverrideOf). */
export const doseOverrideSchema = z.strictObject({
  drug: z.enum(DOSE_DRUGS),
  mg: z
    .number({ error: 'a dose in mg greater than 0' })
    .check(z.positive({ error: 'a dose in mg greater than 0' })),
  route: z.enum(DOSE_ROUTES),
  computedMg: z.nullable(z.number().check(z.positive())),
  capMg: z.nullable(z.number().check(z.positive())),
  problems: z.array(z.enum(DOSE_PROBLEM_CODES)).check(z.maxLength(DOSE_PROBLEM_CODES.length)),
  overrideReason: z
    .string({ error: OVERRIDE_REASON_ALLOWED })
    .check(
      z.trim(),
      z.minLength(1, { error: OVERRIDE_REASON_ALLOWED }),
      z.maxLength(500, { error: OVERRIDE_REASON_ALLOWED }),
    ),
});

export const HLH_STATUSES = ['SUSPECTED', 'RECHECK', 'NOT_SUSPECTED'] as const;

/**
 * Everything the escalation triggers read, each part optional: a trigger whose part is absent is
 * not evaluated. ESC-ICANS2 needs both `crsGrades` and `icansGrades` (the concurrent CRS).
 */
export const escalationInputSchema = z.strictObject({
  crsGrades: z.optional(crsGradeChangeSchema),
  icansGrades: z.optional(gradeChangeSchema),
  suspicion: z.optional(
    z.strictObject({
      daysSinceInfusion: numberIn(0, 3650, 'days', { integer: true }),
      suspected: z.boolean(),
      previouslySuspected: z._default(z.boolean(), false),
    }),
  ),
  hlh: z.optional(
    z.strictObject({ status: z.enum(HLH_STATUSES), previousStatus: z.nullish(z.enum(HLH_STATUSES)) }),
  ),
  tocilizumab: z.optional(
    z.strictObject({
      status: z.enum(TOCILIZUMAB_STATUSES),
      earliestNextDoseAt: z.nullish(isoDateTimeSchema),
      timeZone: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    }),
  ),
  dose: z.optional(doseOverrideSchema),
  vitals: z.optional(
    z.strictObject({
      currentCrsGrade: gradeSchema,
      hoursSinceLastVitals: z.nullable(numberIn(0, 24 * 365, 'h')),
    }),
  ),
  infusionPlan: z.optional(
    z.strictObject({ lymphodepletionEndDate: isoDateSchema, plannedInfusionDate: isoDateSchema }),
  ),
  igg: z.optional(
    z.strictObject({
      igRuleId: z.string().check(z.regex(/^IG-\d+$/, { error: 'an IgG rule id such as IG-2' })),
    }),
  ),
});
export type EscalationInput = z.input<typeof escalationInputSchema>;
export type EscalationChecks = z.output<typeof escalationInputSchema>;
