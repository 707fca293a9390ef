/** Follow-up: FU-1 (schedule) and FU-2 … FU-5 (visit content) (§10). */
export { definitions as followUpDefinitions } from './definitions.ts';
export { messages as followUpMessages } from './messages.ts';
export { followUpSchedule, toContractVisits } from './schedule.ts';
export type { FollowUpPhase, FollowUpScheduleOutcome, FollowUpVisit } from './schedule.ts';
export { followUpContentInputSchema, followUpScheduleInputSchema } from './schemas.ts';
export type { FollowUpContentInput, FollowUpScheduleInput } from './schemas.ts';
export {
  EMD_FIRST_ASSESSMENT_MONTHS,
  EMD_PET_CT_FROM_MONTHS,
  followUpVisitContent,
} from './visit-content.ts';
export type { FollowUpContentOutcome } from './visit-content.ts';
