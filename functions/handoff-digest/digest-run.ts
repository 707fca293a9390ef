import { randomUUID } from 'node:crypto';
import type { DocumentClient } from '../episodes/dynamodb-client.ts';
import { DEFAULT_TIME_ZONE } from '#rules';
import { shiftHandoffView } from '../../slack-bot/views/shift-handoff.ts';
import { currentTokenPoster, type SlackPoster } from '../alerts/slack-web-api.ts';
import { createEpisodeService } from '../episodes/create-service.ts';
import { postDueDigests, type DigestDeps, type DigestOutcome } from '../episodes/handoff-digest.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { TeamSettingsRepository } from '../episodes/team-settings-repository.ts';
import { TeamSettingsService } from '../episodes/team-settings.ts';
import { slackCredential } from '../slack/secrets.ts';

/**
 * HANDOFF-1: the digest run as its scheduled function (and the local loop) makes it: the teams with
 * handoff times, their handoff through the episode service, the Slack message of `/cart handoff`
 * posted to the team's channel.
 */
export const digestDepsFrom = (
  env: NodeJS.ProcessEnv,
  client: DocumentClient,
  slack: SlackPoster = currentTokenPoster(() => slackCredential('SLACK_BOT_TOKEN'), env.SLACK_API_URL),
): DigestDeps => {
  const tableName = env.TABLE_NAME ?? episodesTable.defaultName;
  const settings = new TeamSettingsService(new TeamSettingsRepository(client, tableName));
  const episodes = createEpisodeService(env);
  return {
    client,
    tableName,
    teams: () => settings.withHandoffTimes(),
    handoff: (actor, query) => episodes.handoff(actor, query),
    post: async (team, handoff, language) => {
      const message = shiftHandoffView(handoff, language, env.PUBLIC_APP_URL);
      const posted = await slack.post({
        channel: team.channelId,
        text: message.text,
        blocks: message.blocks,
      });
      return { ts: posted.ts };
    },
    timeZone: env.HOSPITAL_TIME_ZONE ?? DEFAULT_TIME_ZONE,
    runId: randomUUID(),
  };
};

export const runHandoffDigests = (
  deps: DigestDeps,
  now: Date,
  options: { readonly only?: string; readonly force?: boolean } = {},
): Promise<DigestOutcome[]> => postDueDigests(deps, now, options);

/**
 * The local `npm run chat -- --handoff`: the digest of `team` at `now` through the same code
 * (claim, handoff, post), whatever its handoff times; the marker of that instant still guards it.
 */
export const handoffDigestNow = async (
  env: NodeJS.ProcessEnv,
  client: DocumentClient,
  team: string,
  now: Date,
): Promise<DigestOutcome[]> => {
  const deps = digestDepsFrom(env, client);
  const settings = new TeamSettingsService(new TeamSettingsRepository(client, deps.tableName));
  const found = await settings.forTeam(team);
  return postDueDigests({ ...deps, teams: () => Promise.resolve(found ? [found] : []) }, now, {
    force: true,
  });
};
