import type { EscalationTrigger } from '#rules';
import type { GradingDraft } from './grading-draft.ts';

/** What a new record leads to: gradings to store and alerts to raise. */
export type Assessment = {
  readonly gradings: readonly GradingDraft[];
  readonly triggers: readonly EscalationTrigger[];
};
