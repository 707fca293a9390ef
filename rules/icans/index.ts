/** ICANS (§7.2, T5): ICE score, grading, evaluation advice, management. */
export { ICANS_CITATIONS } from './citations.ts';
export { icansDefinitions } from './definitions.ts';
export { ICANS_DRIVERS } from './drivers.ts';
export { evaluateIcans, evaluateIcansAssessment } from './evaluate.ts';
export type { IcansOutcome, IcansWarning } from './evaluate.ts';
export { gradeIcansFindings } from './grading.ts';
export type { IcansGradeOutcome, IcansGraded, IcansUnknown } from './grading.ts';
export { ICE_MAX_SCORE, iceScore } from './ice.ts';
export { icansManagement } from './management.ts';
export type { IcansManagement } from './management.ts';
export { messages as icansMessages } from './messages.ts';
export * from './schemas.ts';
