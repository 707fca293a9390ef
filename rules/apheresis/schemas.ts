import * as z from 'zod/mini';
import { isoDateTimeSchema, numberIn } from '../core/index.ts';

/** APH-5 (§3): treatments with a washout before lymphocyte collection. */
export const WASHOUT_TREATMENTS = [
  'ANTI_T_CELL_ANTIBODY',
  'DONOR_LYMPHOCYTE_INFUSION',
  'CNS_RADIOTHERAPY',
  'COMBINATION_CHEMOTHERAPY',
  'LENALIDOMIDE',
  'BORTEZOMIB',
  'VINCRISTINE',
  'THERAPEUTIC_DOSE_CORTICOSTEROIDS',
] as const;
export type WashoutTreatment = (typeof WASHOUT_TREATMENTS)[number];

/** The last dose of one treatment: when it was given (ISO 8601 with offset). */
export const lastDoseSchema = z.strictObject({
  treatment: z.enum(WASHOUT_TREATMENTS),
  at: isoDateTimeSchema,
});
export type LastDose = z.output<typeof lastDoseSchema>;

/** APH-5 on its own: the recorded last doses ([] when none of the eight was given) and the planned collection. */
export const washoutInputSchema = z.strictObject({
  lastDoses: z.array(lastDoseSchema).check(z.maxLength(100)),
  plannedCollectionAt: z.optional(isoDateTimeSchema),
});
export type WashoutInput = z.input<typeof washoutInputSchema>;

/** Lymphocyte collection (§3), APH-1 … APH-7. Every field optional; a missing one a rule needs gives UNKNOWN. */
export const apheresisInputSchema = z.strictObject({
  /** APH-1 */
  hemoglobinGPerL: z.optional(numberIn(20, 250, 'g/L')),
  anaemiaDueToProgression: z.optional(z.boolean()),
  /** APH-2 */
  plateletsE9PerL: z.optional(numberIn(0, 2000, '× 10⁹/L')),
  thrombocytopeniaDueToProgression: z.optional(z.boolean()),
  /** APH-3: absolute lymphocyte count and CD3⁺ lymphocytes in peripheral blood. */
  lymphocytesPerUl: z.optional(numberIn(0, 100000, '/µL')),
  cd3PerUl: z.optional(numberIn(0, 100000, '/µL')),
  /** APH-4: lymphocytes collected, × 10⁶ per kg body weight. */
  collectedE6PerKg: z.optional(numberIn(0, 10000, '× 10⁶/kg')),
  /** APH-5: the recorded last doses ([] when none of the eight treatments was given). */
  lastDoses: z.optional(z.array(lastDoseSchema).check(z.maxLength(100))),
  plannedCollectionAt: z.optional(isoDateTimeSchema),
  /** APH-6 */
  priorBendamustine: z.optional(z.boolean()),
  priorFludarabine: z.optional(z.boolean()),
  /** APH-7 */
  highRisk: z.optional(z.boolean()),
  needsLenalidomide: z.optional(z.boolean()),
});
export type ApheresisInput = z.input<typeof apheresisInputSchema>;
export type ParsedApheresisInput = z.output<typeof apheresisInputSchema>;
