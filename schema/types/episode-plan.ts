import { episodeCarePlan } from '#episodes';
import { builder } from '../builder.ts';
import { applyRule } from '../calculator-errors.ts';
import { evaluated, languageArg, requestLanguage } from './calculator-evaluation.ts';
import { CarePlanType } from './calculator-care-plan.ts';
import { loadFullEpisodeState } from './episode-loader.ts';
import { EpisodeRef } from './episode-refs.ts';

/**
 * Episode.plan: the care plan of the episode (PLAN-1) on the hospital's today, from its head
 * (infusion and lymphodepletion start dates, product) and, for neutrophil recovery, its lab ANC counts
 * (PLAN-2). Read with the rest of the episode (the same one Query).
 */
builder.objectField(EpisodeRef, 'plan', (t) =>
  t.field({
    type: CarePlanType,
    description:
      "The episode's care plan on today (hospital calendar): prophylaxis by phase, IgG checks and follow-up visits with dates and status (PLAN-1); neutrophil recovery from the lab ANC counts (PLAN-2). Prior CNS disease is not recorded on an episode: the INF-1 item says it needs it.",
    args: { language: languageArg(t) },
    resolve: async (head, args, context) => {
      const state = await loadFullEpisodeState(context, head.id);
      const calendar = {
        today: context.today(),
        dateOf: (instant: string) => context.episodes.today(new Date(instant)),
      };
      return evaluated(
        applyRule('episode', () => episodeCarePlan(state, calendar)),
        requestLanguage(args, context),
      );
    },
  }),
);
