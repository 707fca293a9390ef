import * as z from 'zod';
import { RESPONSE_CATEGORIES } from '../response/index.ts';

/** MAINT-1 (§8): information; the response reached, when known. */
export const maintenanceInputSchema = z.strictObject({
  responseCategory: z.enum(RESPONSE_CATEGORIES).optional(),
});
export type MaintenanceInput = z.input<typeof maintenanceInputSchema>;
