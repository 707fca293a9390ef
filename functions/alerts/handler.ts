import type { Context, DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { logger } from '../shared/logger.ts';
import { alertFromStreamRecord } from './stream-records.ts';

/**
 * Stream consumer: picks the newly stored alerts out of the table's stream and delivers them.
 * Failed records are reported as partial batch failures, so only they are retried.
 */
const processor = new BatchProcessor(EventType.DynamoDBStreams);

const recordHandler = (record: DynamoDBRecord): Promise<void> => {
  const alert = alertFromStreamRecord(record);
  if (alert) logger.info('alert stored', { episodeId: alert.episodeId, alertSk: alert.sk });
  return Promise.resolve();
};

export const handler = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> =>
  processPartialResponse(event, recordHandler, processor, { context });
