/** The episode timeline (EPI-1…7): a pure, bounded fold over a patient's records. */
export * from './corrections.ts';
export * from './crs-episode.ts';
export type * from './derivation.ts';
export { timelineDefinitions } from './definitions.ts';
export { checkDose, tocilizumabStatusText, type DoseCheck, type DoseCheckProblem } from './dose-check.ts';
export { foldTimeline, type Fold } from './fold.ts';
export { compareWithIntervention, type ComponentCourse, type HlhComparison } from './hlh-comparison.ts';
export { messages as timelineMessages, componentName, drugName } from './messages.ts';
export { concurrentCrsAt } from './neuro-step.ts';
export * from './order.ts';
export * from './records.ts';
export * from './settings.ts';
export * from './state.ts';
export { step, type TimelineContext } from './step.ts';
export * from './tocilizumab-status.ts';
export { viewTimeline, type CrsEpisodeView, type LastValue, type TimelineView } from './view.ts';
export { oxygenTier, type Source } from './vitals-findings.ts';
export { hlhEvaluation, type HlhEvaluationOutcome } from './hlh-evaluation.ts';
