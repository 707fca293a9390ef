import { episodeListView } from '../views/episode-list.ts';
import { teamOf, toUser, type Handler } from './request.ts';

/** `/cart list`: the team's active episodes (one Query on the team index). */
export const list: Handler<'list'> = async (_command, request) => {
  const { settings, actor } = teamOf(request);
  const page = await request.deps.episodes.listEpisodes(actor, {
    team: settings.team,
    status: 'ACTIVE',
    first: 50,
  });
  return toUser(
    episodeListView({
      team: settings.team,
      episodes: page.heads,
      language: request.language,
      today: request.today,
      appUrl: request.deps.appUrl,
      more: page.cursor !== null,
    }),
  );
};
