/** CAR-T infusion: INF-1 … INF-5 (§5). */
export { ABECMA_DOSE_RANGE, checkCellDose, referenceDoseRange } from './cell-dose.ts';
export type { CellDoseOutcome, CellDoseRange } from './cell-dose.ts';
export { LEVETIRACETAM_MG, cnsProphylaxis } from './cns-prophylaxis.ts';
export type { CnsProphylaxisOutcome } from './cns-prophylaxis.ts';
export { definitions as infusionDefinitions } from './definitions.ts';
export { messages as infusionMessages } from './messages.ts';
export { CRS_VITAL_SIGNS_MAX_INTERVAL_HOURS, INPATIENT_DAYS, monitoringPlan } from './monitoring-plan.ts';
export type { MonitoringPlanOutcome } from './monitoring-plan.ts';
export { checkPremedication } from './premedication.ts';
export type { PremedicationOutcome } from './premedication.ts';
export {
  CELL_DOSE_UNITS,
  cellDoseInputSchema,
  cnsProphylaxisInputSchema,
  infusionTimingInputSchema,
  monitoringPlanInputSchema,
  premedicationInputSchema,
} from './schemas.ts';
export type {
  CellDoseInput,
  CellDoseUnit,
  CnsProphylaxisInput,
  InfusionTimingInput,
  MonitoringPlanInput,
  PremedicationInput,
} from './schemas.ts';
export { MAX_FULL_DAYS, RECOMMENDED_FULL_DAYS, checkInfusionTiming, fullDaysBetween } from './timing.ts';
export type { InfusionTimingOutcome, InfusionTimingStatus } from './timing.ts';
