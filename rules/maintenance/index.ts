/** Maintenance after CAR-T: MAINT-1 (§8). */
export { definitions as maintenanceDefinitions } from './definitions.ts';
export { maintenanceInformation } from './maintenance.ts';
export type { MaintenanceOutcome } from './maintenance.ts';
export { messages as maintenanceMessages } from './messages.ts';
export { maintenanceInputSchema } from './schemas.ts';
export type { MaintenanceInput } from './schemas.ts';
