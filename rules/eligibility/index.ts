/** Pre-treatment eligibility: ELIG-1 … ELIG-13 (§1, §2.3). */
export { checkActiveInfection } from './active-infection.ts';
export { BILIRUBIN_UMOL_PER_L_PER_MG_PER_DL, bilirubinUmolPerL, checkBilirubin } from './bilirubin.ts';
export { checkCardiacRisk } from './cardiac-risk.ts';
export { definitions as eligibilityDefinitions } from './definitions.ts';
export { checkDiseaseAssessment } from './disease-assessment.ts';
export { evaluateEligibility } from './evaluate-eligibility.ts';
export { checkExclusions } from './exclusions.ts';
export { EXPECTED_SURVIVAL_MIN_WEEKS, checkExpectedSurvival } from './expected-survival.ts';
export { checkForeignImplants } from './foreign-implants.ts';
export { checkHepatitisB } from './hepatitis-b.ts';
export { LVEF_MIN_PERCENT, LVEF_MIN_PERCENT_IDE_CEL, checkLvef } from './lvef.ts';
export { messages as eligibilityMessages } from './messages.ts';
export { SPO2_ROOM_AIR_MIN_PERCENT, checkOxygenSaturation } from './oxygen-saturation.ts';
export { ECOG_MAX, KPS_MIN, checkPerformanceStatus } from './performance-status.ts';
export { checkRenalFunction } from './renal-function.ts';
export { ELIGIBILITY_RULE_IDS, overallOf as eligibilityOverallOf } from './result.ts';
export type {
  EligibilityOutcome,
  EligibilityOverall,
  EligibilityRuleId,
  EligibilityRuleResult,
  EligibilityStatus,
} from './result.ts';
export {
  ELIGIBILITY_EXCLUSIONS,
  FOREIGN_IMPLANTS,
  bilirubinSchema,
  eligibilityInputSchema,
} from './schemas.ts';
export type {
  EligibilityExclusion,
  EligibilityInput,
  ForeignImplant,
  ParsedEligibilityInput,
} from './schemas.ts';
export { TRANSAMINASE_ULN_MULTIPLE, checkTransaminases, transaminaseLimit } from './transaminases.ts';
