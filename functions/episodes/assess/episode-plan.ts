import { checkInfusionTiming, collectEscalations, type RulesConfig } from '#rules';
import type { EpisodeState } from '../state.ts';
import type { Assessment } from './assessment.ts';
import { draftFrom } from './grading-draft.ts';

/**
 * Checks an episode's planned dates (INF-2): full days between the last lymphodepletion day and the
 * infusion; more than 7 raises ESC-INF. Infusion on or before the last lymphodepletion day is invalid
 * input (the rule throws RulesInputError naming infusionDate).
 */
export const assessEpisodePlan = (state: EpisodeState, _config: RulesConfig): Assessment => {
  const { lymphodepletionEndDate, infusionDate } = state.head;
  if (!lymphodepletionEndDate || !infusionDate) return { gradings: [], triggers: [] };
  const inputs = { lymphodepletionEndDate, infusionDate };
  const timing = checkInfusionTiming(inputs);
  return {
    gradings: [draftFrom('INFUSION_WINDOW', state.head.id, timing, inputs)],
    triggers: collectEscalations({
      infusionPlan: { lymphodepletionEndDate, plannedInfusionDate: infusionDate },
    }),
  };
};
