import { episodeCreatedView } from '../views/episode-created.ts';
import { teamOf, toChannel, type Handler } from './request.ts';

/** `/cart new P-0001 w=70 h=170 product=KARMMA infusion=…`: an episode for the channel's team. */
export const newEpisode: Handler<'new'> = async (command, request) => {
  const { settings, actor } = teamOf(request);
  const episode = await request.deps.episodes.createEpisode(
    actor,
    { ...command.input, team: settings.team },
    { idempotencyKey: request.idempotencyKey },
  );
  return toChannel(
    episodeCreatedView({
      episode,
      language: request.language,
      today: request.today,
      command: request.deps.command,
      appUrl: request.deps.appUrl,
    }),
  );
};
