import * as z from 'zod/mini';
import { isoDateSchema, numberIn } from '../core/index.ts';

/** IG-1 … IG-4 (§7.4). */
export const immunoglobulinInputSchema = z.strictObject({
  /** Serum IgG. */
  igGGPerL: z.optional(numberIn(0, 60, 'g/L')),
  /** Concurrent infection; decides IG-3 and IG-4. */
  infection: z.optional(z.boolean()),
  /** For the IG-1 monitoring dates. */
  infusionDate: z.optional(isoDateSchema),
});
export type ImmunoglobulinInput = z.input<typeof immunoglobulinInputSchema>;
