import { AlertDeliveryStore } from '../episodes/alert-delivery-store.ts';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { TeamSettingsService } from '../episodes/team-settings.ts';
import { TeamSettingsRepository } from '../episodes/team-settings-repository.ts';
import { logger } from '../shared/logger.ts';
import { slackCredential } from '../slack/secrets.ts';
import { AlertDeliverer } from './delivery.ts';
import { currentTokenPoster } from './slack-web-api.ts';

/** ALERT_RENOTIFY_MINUTES: how often an unacknowledged critical alert re-notifies (default 15). */
export const renotifyMinutesFrom = (value: string | undefined): number => {
  const minutes = Number(value ?? 15);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
    throw new Error(
      `ALERT_RENOTIFY_MINUTES must be a whole number of minutes from 1 to 1440; received ${value}`,
    );
  return minutes;
};

export type AlertPipeline = {
  readonly deliverer: AlertDeliverer;
  readonly store: AlertDeliveryStore;
  readonly renotifyMinutes: number;
};

/** The delivery pipeline from the environment (stream consumer and sweeper): one per container. */
export const alertPipelineFromEnv = (env: NodeJS.ProcessEnv = process.env): AlertPipeline => {
  const client = createDocumentClient(env.DYNAMODB_ENDPOINT);
  const table = env.TABLE_NAME ?? episodesTable.defaultName;
  const store = new AlertDeliveryStore(client, table);
  const renotifyMinutes = renotifyMinutesFrom(env.ALERT_RENOTIFY_MINUTES);
  const deliverer = new AlertDeliverer({
    store,
    settings: new TeamSettingsService(new TeamSettingsRepository(client, table)),
    slack: currentTokenPoster(() => slackCredential('SLACK_BOT_TOKEN'), env.SLACK_API_URL),
    renotifyMinutes,
    appUrl: env.PUBLIC_APP_URL,
    log: (level, message, details) => {
      logger[level](message, details ?? {});
    },
  });
  return { deliverer, store, renotifyMinutes };
};

/** Created on first use and kept for the container's life; a failed creation is retried on the next call. */
export const once = <T>(create: () => T): (() => T) => {
  let created: { readonly value: T } | undefined;
  return () => (created ??= { value: create() }).value;
};
