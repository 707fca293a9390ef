import type { webApi } from '@slack/bolt';
import { actorFor, type SlackBotDeps } from './deps.ts';
import { appHomeView, type HomeTeam } from './views/app-home.ts';

/**
 * Publishes a user's App Home: the teams of the channels they are in (one users.conversations,
 * one BatchGetItem of the channel mappings), each team's active episodes (one Query per team).
 */
export const publishHome = async (
  client: webApi.WebClient,
  deps: SlackBotDeps,
  userId: string,
): Promise<void> => {
  const conversations = await client.users.conversations({
    user: userId,
    types: 'public_channel,private_channel',
    exclude_archived: true,
    limit: 200,
  });
  const channelIds = (conversations.channels ?? []).flatMap((channel) => (channel.id ? [channel.id] : []));
  const settings = channelIds.length === 0 ? [] : await deps.settings.forChannels(channelIds);
  const teams: HomeTeam[] = await Promise.all(
    [...new Map(settings.map((s) => [s.team, s])).values()].map(async (team) => ({
      team: team.team,
      episodes: (
        await deps.episodes.listEpisodes(actorFor(userId, team), {
          team: team.team,
          status: 'ACTIVE',
          first: 25,
        })
      ).heads,
    })),
  );
  await client.views.publish({
    user_id: userId,
    view: appHomeView({
      teams,
      language: settings[0]?.language ?? 'en',
      today: deps.episodes.today(),
      command: deps.command,
      appUrl: deps.appUrl,
    }),
  });
};
