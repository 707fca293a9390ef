import { episodeCarePlan } from '#episodes';
import { episodePlanView } from '../views/episode-plan.ts';
import { teamOf, toUser, type Handler } from './request.ts';

/** `/cart plan EP-1`: the episode's care plan on the hospital's today (one Query). */
export const plan: Handler<'plan'> = async (command, request) => {
  const { actor } = teamOf(request);
  const { episodes } = request.deps;
  const state = await episodes.getEpisode(actor, command.episodeId);
  const evaluation = episodeCarePlan(state, {
    today: request.today,
    dateOf: (instant) => episodes.today(new Date(instant)),
  });
  return toUser(
    episodePlanView({
      head: state.head,
      evaluation,
      language: request.language,
      today: request.today,
      appUrl: request.deps.appUrl,
    }),
  );
};
