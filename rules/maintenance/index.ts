/** Maintenance after CAR-T: MAINT-1 (§8). */
export { definitions } from './definitions.ts';
export { maintenanceInformation } from './maintenance.ts';
export type { MaintenanceOutcome } from './maintenance.ts';
export { messages } from './messages.ts';
export { maintenanceInputSchema } from './schemas.ts';
export type { MaintenanceInput } from './schemas.ts';
