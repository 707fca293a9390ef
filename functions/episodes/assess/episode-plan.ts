import { collectEscalations, type RulesConfig } from '#rules';
import type { EpisodeState } from '../state.ts';
import type { Assessment } from './assessment.ts';

/**
 * Checks an episode's planned dates: an infusion planned more than 7 full days after the end of
 * lymphodepletion raises ESC-INF (INF-2).
 */
export const assessEpisodePlan = (state: EpisodeState, _config: RulesConfig): Assessment => {
  const { lymphodepletionEndDate, infusionDate } = state.head;
  if (!lymphodepletionEndDate || !infusionDate) return { gradings: [], triggers: [] };
  return {
    gradings: [],
    triggers: collectEscalations({
      infusionPlan: { lymphodepletionEndDate, plannedInfusionDate: infusionDate },
    }),
  };
};
