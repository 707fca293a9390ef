import * as z from 'zod/mini';
import { RESPONSE_CATEGORIES } from '../response/index.ts';

/** MAINT-1 (§8): information; the response reached, when known. */
export const maintenanceInputSchema = z.strictObject({
  responseCategory: z.optional(z.enum(RESPONSE_CATEGORIES)),
});
export type MaintenanceInput = z.input<typeof maintenanceInputSchema>;
