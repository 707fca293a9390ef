import * as z from 'zod/mini';
import { isoDateSchema, numberIn, weightKgSchema } from '../core/index.ts';
import { lymphodepletionProductSchema } from '../reference/index.ts';

/**
 * LD-2: the contract's LymphodepletionPlanInput (product, height, weight, planned infusion date).
 * Weight between 20 and 350 kg: the same bounds as tocilizumab (TOCI-1).
 */
export const lymphodepletionPlanInputSchema = z.strictObject({
  product: lymphodepletionProductSchema,
  heightCm: numberIn(100, 250, 'cm'),
  weightKg: weightKgSchema,
  /** Planned CAR-T infusion date (day 0). */
  infusionDate: isoDateSchema,
});
export type LymphodepletionPlanInput = z.input<typeof lymphodepletionPlanInputSchema>;

/** LD-1: the drugs of a proposed lymphodepletion regimen. */
export const lymphodepletionRegimenInputSchema = z.strictObject({
  fludarabine: z.boolean(),
  cyclophosphamide: z.boolean(),
});
export type LymphodepletionRegimenInput = z.input<typeof lymphodepletionRegimenInputSchema>;
