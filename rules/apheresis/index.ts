/** Lymphocyte collection (apheresis): APH-1 … APH-7 (§3). */
export { USUAL_YIELD_E6_PER_KG, checkEarlyCollection, checkManufacturingRisk, checkYield } from './advice.ts';
export {
  CD3_MIN_PER_UL,
  HEMOGLOBIN_MIN_G_PER_L,
  LYMPHOCYTES_MIN_PER_UL,
  PLATELETS_MIN_E9_PER_L,
  checkHemoglobin,
  checkLymphocytes,
  checkPlatelets,
} from './blood-counts.ts';
export { definitions as apheresisDefinitions } from './definitions.ts';
export { evaluateApheresis } from './evaluate-apheresis.ts';
export type { ApheresisOutcome } from './evaluate-apheresis.ts';
export { messages as apheresisMessages } from './messages.ts';
export { APHERESIS_RULE_IDS, overallOf as apheresisOverallOf } from './result.ts';
export type { ApheresisOverall, ApheresisRuleId, ApheresisRuleResult, ApheresisStatus } from './result.ts';
export { WASHOUT_TREATMENTS, apheresisInputSchema, lastDoseSchema, washoutInputSchema } from './schemas.ts';
export type {
  ApheresisInput,
  LastDose,
  ParsedApheresisInput,
  WashoutInput,
  WashoutTreatment,
} from './schemas.ts';
export { WASHOUT_HOURS, checkWashout } from './washout.ts';
export type { TreatmentWashout, WashoutOutcome } from './washout.ts';
