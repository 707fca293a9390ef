import * as z from 'zod/mini';
import { isoDateSchema } from '../core/index.ts';

/** RESP-1 (§6): IMWG response categories, deepest first. */
export const RESPONSE_CATEGORIES = ['sCR', 'CR', 'VGPR', 'PR', 'MR', 'SD', 'PD'] as const;
export type ResponseCategory = (typeof RESPONSE_CATEGORIES)[number];

export const responseInputSchema = z.strictObject({
  /** The response assessed (IMWG); omit for the timing information only. */
  category: z.optional(z.enum(RESPONSE_CATEGORIES)),
  infusionDate: z.optional(isoDateSchema),
  assessmentDate: z.optional(isoDateSchema),
});
export type ResponseInput = z.input<typeof responseInputSchema>;
