/** CRS (§7.1, T3, T4): suspicion, grading, management, HLH/MAS alert. */
export { CRS_CITATIONS } from './citations.ts';
export { crsDefinitions } from './definitions.ts';
export { CRS_DRIVERS } from './drivers.ts';
export { evaluateCrs, evaluateCrsAssessment } from './evaluate.ts';
export {
  FEVER_THRESHOLD_CELSIUS,
  HYPOTENSION_SYSTOLIC_BELOW_MMHG,
  LOW_FLOW_MAX_LPM,
  ROOM_AIR_SPO2_BELOW_PERCENT,
  gradeCrsFindings,
  hypotensionFinding,
  hypoxiaFinding,
} from './grading.ts';
export type { Finding } from './grading.ts';
export { HLH_NO_IMPROVEMENT_HOURS, evaluateHlhCheck, hlhCheck } from './hlh.ts';
export type { HlhOutcome, HlhStatus } from './hlh.ts';
export { crsManagement } from './management.ts';
export type { Management } from './management.ts';
export { messages as crsMessages } from './messages.ts';
export { OXYGEN_SUPPORT_NAME, VASOPRESSOR_NAME } from './names.ts';
export * from './schemas.ts';
export {
  DEXAMETHASONE_MG,
  DEXAMETHASONE_REFRACTORY_MG,
  METHYLPREDNISOLONE_HIGH_DOSE,
  METHYLPREDNISOLONE_HIGH_DOSE_MG,
  METHYLPREDNISOLONE_MG_PER_KG,
  dexamethasoneEvery6h,
  methylprednisolonePerKgEvery12h,
} from './steroids.ts';
export {
  CRS_SUSPICION_WINDOW_DAYS,
  LATE_CRS_AFTER_DAYS,
  SUSPICION_SATURATION_BELOW_PERCENT,
  crsSuspicion,
  evaluateCrsSuspicion,
  suspicionWindow,
} from './suspicion.ts';
export type { CrsSuspicionOutcome, SuspicionWindow } from './suspicion.ts';
export { GRADES } from './types.ts';
export type { CrsOutcome, Grade, GradeResult, Graded } from './types.ts';
