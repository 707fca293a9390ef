import * as z from 'zod';
import { isoDateSchema, numberIn } from '../core/index.ts';
import { lymphodepletionProductSchema } from '../reference/index.ts';

/** LD-2: the contract's LymphodepletionPlanInput (product, height, weight, planned infusion date). */
export const lymphodepletionPlanInputSchema = z.strictObject({
  product: lymphodepletionProductSchema,
  heightCm: numberIn(100, 250, 'cm'),
  weightKg: numberIn(20, 350, 'kg'),
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
