import type { Context } from 'aws-lambda';
import { monotonicFactory } from 'ulid';
import { VITALS_MAX_INTERVAL_HOURS } from '#rules';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import { OverdueVitalsMonitor } from '../episodes/overdue-vitals.ts';
import { EpisodeRepository } from '../episodes/repository.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { logger } from '../shared/logger.ts';
import { alertDelivererFromEnv } from '../alerts/pipeline.ts';
import { once } from '../shared/once.ts';
import { numberSetting } from '../shared/env-setting.ts';
import { sweep, type SweepResult } from './sweep.ts';

const deps = once(() => {
  const client = createDocumentClient(process.env.DYNAMODB_ENDPOINT);
  const repository = new EpisodeRepository(client, process.env.TABLE_NAME ?? episodesTable.defaultName);
  const deliverer = alertDelivererFromEnv(process.env, client);
  const monitor = new OverdueVitalsMonitor({
    repository,
    newId: monotonicFactory(),
    // VITALS_OVERDUE_HOURS: hours without vital signs during CRS before ESC-VITALS (INF-5: 4).
    overdueHours: numberSetting('VITALS_OVERDUE_HOURS', process.env.VITALS_OVERDUE_HOURS, {
      fallback: VITALS_MAX_INTERVAL_HOURS,
      min: 1,
      max: 48,
      unit: 'hours',
    }),
  });
  return { repository, deliverer, monitor };
});

/** Scheduled sweeper: re-notifies unacknowledged critical alerts, delivers pending ones, raises ESC-VITALS. */
export const handler = async (_event: unknown, context: Context): Promise<SweepResult> => {
  const result = await sweep(
    {
      ...deps(),
      log: (level, message, details) => {
        logger[level](message, details ?? {});
      },
    },
    new Date(),
    Date.now() + context.getRemainingTimeInMillis() - 5_000,
  );
  logger.info('sweep', { requestId: context.awsRequestId, ...result });
  return result;
};
