import * as z from 'zod/mini';
import { isoDateSchema, numberIn, weightKgSchema } from '../core/index.ts';
import { carTProductSchema } from '../reference/index.ts';

/** INF-1 (§5.1) */
export const cnsProphylaxisInputSchema = z.strictObject({
  /** Prior central-nervous-system disease or complication. */
  priorCnsDisease: z.optional(z.boolean()),
  /** Whether that CNS disease is now controlled. */
  cnsDiseaseControlled: z.optional(z.boolean()),
});
export type CnsProphylaxisInput = z.input<typeof cnsProphylaxisInputSchema>;

/** INF-2 (§5.2): the last lymphodepletion day and the (planned) infusion day. */
export const infusionTimingInputSchema = z.strictObject({
  lymphodepletionEndDate: isoDateSchema,
  infusionDate: isoDateSchema,
});
export type InfusionTimingInput = z.input<typeof infusionTimingInputSchema>;

/** A CAR-T cell dose in units of 10⁶ cells: per kg body weight or in total. */
export const CELL_DOSE_UNITS = ['E6_PER_KG', 'E6_TOTAL'] as const;
export type CellDoseUnit = (typeof CELL_DOSE_UNITS)[number];

/** INF-3 (§5.2, T1) */
export const cellDoseInputSchema = z.strictObject({
  product: carTProductSchema,
  /** Dose value in units of 10⁶ CAR⁺ T cells (per kg or total, see unit). */
  doseE6: numberIn(0.001, 100000, '× 10⁶ cells'),
  unit: z.enum(CELL_DOSE_UNITS),
  /** Needed only to compare a per-kg dose with a total range or the reverse. */
  weightKg: z.optional(weightKgSchema),
});
export type CellDoseInput = z.input<typeof cellDoseInputSchema>;

/** INF-4 (§5.2) */
export const premedicationInputSchema = z.strictObject({
  /** A corticosteroid given or planned as premedication to prevent allergy. */
  steroidPremedication: z.optional(z.boolean()),
});
export type PremedicationInput = z.input<typeof premedicationInputSchema>;

/** INF-5 (§5.3) */
export const monitoringPlanInputSchema = z.strictObject({
  infusionDate: z.optional(isoDateSchema),
  /** Current CRS grade (ASTCT, 0 = none). */
  currentCrsGrade: z.optional(numberIn(0, 4, '', { integer: true })),
});
export type MonitoringPlanInput = z.input<typeof monitoringPlanInputSchema>;
