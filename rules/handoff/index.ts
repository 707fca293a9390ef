/** Shift handoff: HANDOFF-1 (one block per active episode) and HANDOFF-2 (acuity order). */
export { compareAcuity, type Acuity } from './acuity.ts';
export type { HandoffBlock, HandoffCrsEpisode, HandoffTocilizumab } from './block.ts';
export { HANDOFF_CITATION, definitions as handoffDefinitions } from './definitions.ts';
export type { DueItem } from './due-next-shift.ts';
export {
  GRADE_CHANGE_DOMAINS,
  GRADE_CHANGE_WINDOW_HOURS,
  GRADE_CHANGES_PER_DOMAIN,
  MAX_GRADE_CHANGES,
  gradeCourse,
  nextGradeChanges,
  type ShiftGradeChange,
  type GradeChangeDomain,
  type GradeCourse,
} from './grade-changes.ts';
export { shiftHandoff, type Handoff } from './handoff.ts';
export { messages as handoffMessages } from './messages.ts';
export {
  DEFAULT_SHIFT_HOURS,
  MAX_HANDOFF_EPISODES,
  MAX_SHIFT_HOURS,
  MIN_SHIFT_HOURS,
  type HandoffAlert,
  type HandoffEpisode,
  type HandoffRequest,
} from './schemas.ts';
export type { ShiftWindow } from './shift-window.ts';
export {
  HANDOFF_TIME_ALLOWED,
  MAX_HANDOFF_TIMES,
  dueHandoffSlot,
  handoffTimeSchema,
  handoffTimesSchema,
} from './digest-schedule.ts';
