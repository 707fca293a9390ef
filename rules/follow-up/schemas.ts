import * as z from 'zod';
import { isoDateSchema, numberIn } from '../core/index.ts';

/** FU-1 (§10): the contract's followUpSchedule(infusionDate, throughMonth = 36). */
export const followUpScheduleInputSchema = z.strictObject({
  infusionDate: isoDateSchema,
  throughMonth: numberIn(1, 120, 'months', { integer: true }).default(36),
});
export type FollowUpScheduleInput = z.input<typeof followUpScheduleInputSchema>;

/** FU-2 … FU-5 (§10): what follow-up covers (the indicators, imaging, infection prevention, biosafety). */
export const followUpContentInputSchema = z.strictObject({
  infusionDate: isoDateSchema.optional(),
  /** Extramedullary disease (FU-3 imaging). */
  extramedullaryDisease: z.boolean().optional(),
  /** The CAR-T product was made with a viral vector (FU-5 long-term biosafety monitoring). */
  viralVectorProduct: z.boolean().optional(),
});
export type FollowUpContentInput = z.input<typeof followUpContentInputSchema>;
