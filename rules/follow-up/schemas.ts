import * as z from 'zod/mini';
import { isoDateSchema, numberIn } from '../core/index.ts';

/** FU-1 (§10): the contract's followUpSchedule(infusionDate, throughMonth = 36). */
export const followUpScheduleInputSchema = z.strictObject({
  infusionDate: isoDateSchema,
  throughMonth: z._default(numberIn(1, 120, 'months', { integer: true }), 36),
});
export type FollowUpScheduleInput = z.input<typeof followUpScheduleInputSchema>;

/** FU-2 … FU-5 (§10): what follow-up covers (the indicators, imaging, infection prevention, biosafety). */
export const followUpContentInputSchema = z.strictObject({
  infusionDate: z.optional(isoDateSchema),
  /** Extramedullary disease (FU-3 imaging). */
  extramedullaryDisease: z.optional(z.boolean()),
  /** The CAR-T product was made with a viral vector (FU-5 long-term biosafety monitoring). */
  viralVectorProduct: z.optional(z.boolean()),
});
export type FollowUpContentInput = z.input<typeof followUpContentInputSchema>;
