import * as z from 'zod';
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
  lastDoses: z.array(lastDoseSchema).max(100),
  plannedCollectionAt: isoDateTimeSchema.optional(),
});
export type WashoutInput = z.input<typeof washoutInputSchema>;

/** Lymphocyte collection (§3), APH-1 … APH-7. Every field optional; a missing one a rule needs gives UNKNOWN. */
export const apheresisInputSchema = z.strictObject({
  /** APH-1 */
  hemoglobinGPerL: numberIn(20, 250, 'g/L').optional(),
  anaemiaDueToProgression: z.boolean().optional(),
  /** APH-2 */
  plateletsE9PerL: numberIn(0, 2000, '× 10⁹/L').optional(),
  thrombocytopeniaDueToProgression: z.boolean().optional(),
  /** APH-3: absolute lymphocyte count and CD3⁺ lymphocytes in peripheral blood. */
  lymphocytesPerUl: numberIn(0, 100000, '/µL').optional(),
  cd3PerUl: numberIn(0, 100000, '/µL').optional(),
  /** APH-4: lymphocytes collected, × 10⁶ per kg body weight. */
  collectedE6PerKg: numberIn(0, 10000, '× 10⁶/kg').optional(),
  /** APH-5: the recorded last doses ([] when none of the eight treatments was given). */
  lastDoses: z.array(lastDoseSchema).max(100).optional(),
  plannedCollectionAt: isoDateTimeSchema.optional(),
  /** APH-6 */
  priorBendamustine: z.boolean().optional(),
  priorFludarabine: z.boolean().optional(),
  /** APH-7 */
  highRisk: z.boolean().optional(),
  needsLenalidomide: z.boolean().optional(),
});
export type ApheresisInput = z.input<typeof apheresisInputSchema>;
export type ParsedApheresisInput = z.output<typeof apheresisInputSchema>;
