import type { Context } from 'aws-lambda';
import { monotonicFactory } from 'ulid';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import { OverdueVitalsMonitor } from '../episodes/overdue-vitals.ts';
import { EpisodeRepository } from '../episodes/repository.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { logger } from '../shared/logger.ts';
import { alertPipelineFromEnv, once } from '../alerts/pipeline.ts';
import { sweep, type SweepResult } from './sweep.ts';

/** VITALS_OVERDUE_HOURS: hours without vital signs during CRS before ESC-VITALS (default 4, INF-5). */
const overdueHoursFrom = (value: string | undefined): number => {
  const hours = Number(value ?? 4);
  if (!Number.isFinite(hours) || hours < 1 || hours > 48)
    throw new Error(`VITALS_OVERDUE_HOURS must be between 1 and 48; received ${value}`);
  return hours;
};

const deps = once(() => {
  const repository = new EpisodeRepository(
    createDocumentClient(process.env.DYNAMODB_ENDPOINT),
    process.env.TABLE_NAME ?? episodesTable.defaultName,
  );
  const { deliverer } = alertPipelineFromEnv();
  const monitor = new OverdueVitalsMonitor({
    repository,
    newId: monotonicFactory(),
    overdueHours: overdueHoursFrom(process.env.VITALS_OVERDUE_HOURS),
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
