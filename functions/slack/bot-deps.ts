import { chartDelivery, chartInvokerFromEnv } from '../charts/chart-port.ts';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import { createEpisodeService } from '../episodes/create-service.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { TeamSettingsService } from '../episodes/team-settings.ts';
import { TeamSettingsRepository } from '../episodes/team-settings-repository.ts';
import { logger } from '../shared/logger.ts';
import type { SlackBotDeps } from '../../slack-bot/deps.ts';

/**
 * A channel's settings (team, role, language) are reused for 30 s by a Slack container: one
 * DynamoDB read fewer per command; a change from another container applies within 30 s.
 */
export const CHANNEL_SETTINGS_CACHE_MS = 30_000;

/** Slack user ids allowed to map channels to teams: `SLACK_ADMIN_USER_IDS=U0123,U0456`. */
export const adminUserIdsFrom = (value: string | undefined): ReadonlySet<string> =>
  new Set(
    (value ?? '')
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  );

/** The bot's dependencies from the environment, as deployed (and as the local server runs them). */
export const slackBotDepsFromEnv = (env: NodeJS.ProcessEnv = process.env): SlackBotDeps => ({
  episodes: createEpisodeService(env),
  settings: new TeamSettingsService(
    new TeamSettingsRepository(
      createDocumentClient(env.DYNAMODB_ENDPOINT),
      env.TABLE_NAME ?? episodesTable.defaultName,
    ),
    undefined,
    CHANNEL_SETTINGS_CACHE_MS,
  ),
  command: env.SLACK_COMMAND ?? '/cart',
  adminUserIds: adminUserIdsFrom(env.SLACK_ADMIN_USER_IDS),
  appUrl: env.PUBLIC_APP_URL,
  // `/cart chart`: an asynchronous invoke of the chart function (in process on the local system).
  charts: chartInvokerFromEnv(env) ? chartDelivery(() => chartInvokerFromEnv(env)) : undefined,
  log: (level, message, details) => {
    logger[level](message, details ?? {});
  },
});
