/** Escalation triggers (product design over the clinical rules): ESC-CRS2 … ESC-IGG. */
export { entered, escalateCrsGrade3, escalateCrsRiseTo2 } from './crs.ts';
export type { GradeChange } from './crs.ts';
export { escalationDefinitions } from './definitions.ts';
export { collectEscalations, evaluateEscalations } from './evaluate.ts';
export { escalateHlh } from './hlh.ts';
export { escalateIcansGrade3, escalateIcansWithCrs } from './icans.ts';
export type { NeuroState } from './icans.ts';
export { escalateIgg } from './igg.ts';
export { escalateLateInfusion } from './infusion.ts';
export { CLINICAL_CITATIONS, ESCALATION_CITATION, ESCALATION_LEVEL } from './levels.ts';
export { messages as escalationMessages } from './messages.ts';
export * from './schemas.ts';
export { escalateCrsSuspicion } from './suspect.ts';
export type { SuspicionChange } from './suspect.ts';
export { escalateTocilizumab } from './tocilizumab.ts';
export { ESCALATION_IDS, ESCALATION_LEVELS } from './types.ts';
export type { EscalationId, EscalationLevel, EscalationTrigger } from './types.ts';
export { VITALS_MAX_INTERVAL_HOURS, escalateOverdueVitals } from './vitals.ts';
