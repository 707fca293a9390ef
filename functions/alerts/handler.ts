import type { Context, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { consumeStream } from './consume.ts';
import { once } from '../shared/once.ts';
import { alertDelivererFromEnv } from './pipeline.ts';

/**
 * Stream consumer: delivers newly stored alerts to the team's Slack channel and shows
 * acknowledgements on their messages. A record whose delivery still fails after the retries
 * (within what is left of the invocation) is reported as a partial batch failure, so only it is
 * retried; it also stays PENDING in the sweeper's queue.
 */
const deliverer = once(() => alertDelivererFromEnv());
/** Time kept for reporting the batch after the last delivery attempt. */
const SAFETY_MS = 5_000;

export const handler = async (
  event: DynamoDBStreamEvent,
  context: Context,
): Promise<DynamoDBBatchResponse> => {
  return consumeStream(event, context, {
    deliverer: deliverer(),
    deadline: Date.now() + context.getRemainingTimeInMillis() - SAFETY_MS,
    log: (message, details) => {
      logger.info(message, details);
    },
  });
};
