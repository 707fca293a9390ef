/** Care plan: PLAN-1 (prophylaxis, IgG checks and follow-up by phase, dated) and PLAN-2 (neutrophil recovery). */
export { carePlan } from './care-plan.ts';
export type { CarePlanOutcome } from './care-plan.ts';
export { CARE_PLAN_CITATION, definitions as carePlanDefinitions } from './definitions.ts';
export type { CarePlanItem } from './item.ts';
export { messages as carePlanMessages } from './messages.ts';
export { NEUTROPHIL_RECOVERY_ANC_E9_PER_L, neutrophilRecovery } from './neutrophil-recovery.ts';
export type { NeutrophilRecovery } from './neutrophil-recovery.ts';
export {
  CARE_PLAN_KINDS,
  CARE_PLAN_PHASES,
  CARE_PLAN_STATUSES,
  carePlanInputSchema,
  neutrophilCountSchema,
} from './schemas.ts';
export type {
  CarePlanInput,
  CarePlanKind,
  CarePlanPhase,
  CarePlanRequest,
  CarePlanStatus,
  NeutrophilCount,
} from './schemas.ts';
