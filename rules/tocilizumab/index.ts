/** Tocilizumab (T4 note): dose, repeat interval, 24-hour and total limits (TOCI-1..4). */
export {
  TOCILIZUMAB_CITATION,
  checkTocilizumabDose,
  evaluateTocilizumabDose,
  printed24hLimitNotes,
  printedTotalLimitNote,
  statusText,
  tocilizumabLimitNotes,
} from './check.ts';
export type { TocilizumabDoseCheck } from './check.ts';
export { tocilizumabAdvice, timingFromContext } from './advice.ts';
export type { TocilizumabAdvice } from './advice.ts';
export { tocilizumabDefinitions } from './definitions.ts';
export {
  TOCILIZUMAB_MAX_SINGLE_DOSE_MG,
  TOCILIZUMAB_MG_PER_KG,
  tocilizumabDose,
  tocilizumabDoseMg,
} from './dose.ts';
export { formatDuration, messages as tocilizumabMessages } from './messages.ts';
export * from './schemas.ts';
export {
  RULE_OF_STATUS,
  TOCILIZUMAB_MAX_TOTAL_DOSES,
  TOCILIZUMAB_MIN_INTERVAL_HOURS,
  TOCILIZUMAB_STATUSES,
  TOCILIZUMAB_WINDOW_HOURS,
  tocilizumabTiming,
} from './timing.ts';
export type { TocilizumabStatus, TocilizumabTiming } from './timing.ts';
