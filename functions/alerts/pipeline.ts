import { chartDelivery, chartInvokerFromEnv } from '../charts/chart-port.ts';
import { AlertDeliveryStore } from '../episodes/alert-delivery-store.ts';
import { createDocumentClient, type DocumentClient } from '../episodes/dynamodb-client.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { TeamSettingsService } from '../episodes/team-settings.ts';
import { TeamSettingsRepository } from '../episodes/team-settings-repository.ts';
import { logger } from '../shared/logger.ts';
import { slackCredential } from '../slack/secrets.ts';
import { AlertDeliverer } from './delivery.ts';
import { currentTokenPoster } from './slack-web-api.ts';
import { numberSetting } from '../shared/env-setting.ts';

/** ALERT_RENOTIFY_MINUTES: how often an unacknowledged critical alert re-notifies (default 15). */
export const renotifyMinutesFrom = (value: string | undefined): number =>
  numberSetting('ALERT_RENOTIFY_MINUTES', value, {
    fallback: 15,
    min: 1,
    max: 1440,
    whole: true,
    unit: 'minutes',
  });

/** The alert deliverer from the environment (stream consumer and sweeper): one per container. */
export const alertDelivererFromEnv = (
  env: NodeJS.ProcessEnv = process.env,
  client: DocumentClient = createDocumentClient(env.DYNAMODB_ENDPOINT),
): AlertDeliverer => {
  const table = env.TABLE_NAME ?? episodesTable.defaultName;
  return new AlertDeliverer({
    store: new AlertDeliveryStore(client, table),
    settings: new TeamSettingsService(new TeamSettingsRepository(client, table)),
    slack: currentTokenPoster(() => slackCredential('SLACK_BOT_TOKEN'), env.SLACK_API_URL),
    renotifyMinutes: renotifyMinutesFrom(env.ALERT_RENOTIFY_MINUTES),
    appUrl: env.PUBLIC_APP_URL,
    // ESC-CRS3 / ESC-ICANS3: the course chart in the alert's thread (the chart function, asynchronously).
    charts: chartInvokerFromEnv(env) ? chartDelivery(() => chartInvokerFromEnv(env)) : undefined,
    log: (level, message, details) => {
      logger[level](message, details ?? {});
    },
  });
};
