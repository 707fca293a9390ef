import * as z from 'zod';
import { isoDateSchema, numberIn } from '../core/index.ts';

/** IG-1 … IG-4 (§7.4). */
export const immunoglobulinInputSchema = z.strictObject({
  /** Serum IgG. */
  igGGPerL: numberIn(0, 60, 'g/L').optional(),
  /** Concurrent infection; decides IG-3 and IG-4. */
  infection: z.boolean().optional(),
  /** For the IG-1 monitoring dates. */
  infusionDate: isoDateSchema.optional(),
});
export type ImmunoglobulinInput = z.input<typeof immunoglobulinInputSchema>;
