import { episodeStatusView, STATUS_RECENT } from '../views/episode-status.ts';
import { teamOf, toUser, type Handler } from './request.ts';

/** `/cart status EP-1`: the episode now (the head and the newest records: bounded, however long the course). */
export const status: Handler<'status'> = async (command, request) => {
  const { actor } = teamOf(request);
  const state = await request.deps.episodes.getEpisode(actor, command.episodeId, { recent: STATUS_RECENT });
  return toUser(
    episodeStatusView({
      state,
      language: request.language,
      now: request.now,
      today: request.today,
      config: request.deps.episodes.config,
      appUrl: request.deps.appUrl,
    }),
  );
};
