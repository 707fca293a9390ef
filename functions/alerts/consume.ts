import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context } from 'aws-lambda';
import type { AlertDeliverer } from './delivery.ts';
import { alertFromStreamRecord, asksForDelivery } from './stream-records.ts';

export type ConsumeOptions = {
  readonly deliverer: Pick<AlertDeliverer, 'deliver'>;
  /** No Slack retry starts after this instant (epoch ms). */
  readonly deadline?: number;
  readonly log?: (message: string, details: Record<string, unknown>) => void;
};

/**
 * One batch of the table's stream: each record that asks for delivery (a new alert, or a delivered
 * alert's acknowledgement) is handled in stream order; a record whose delivery still fails is
 * reported as a partial batch failure, so only it (and what follows it in its shard) is retried.
 */
export const consumeStream = (
  event: DynamoDBStreamEvent,
  context: Context,
  options: ConsumeOptions,
): Promise<DynamoDBBatchResponse> => {
  const recordHandler = async (record: DynamoDBRecord): Promise<void> => {
    const alert = alertFromStreamRecord(record);
    if (!alert || !asksForDelivery(record, alert)) return;
    const outcome = await options.deliverer.deliver(
      { PK: `EP#${alert.episodeId}`, SK: alert.sk },
      options.deadline,
    );
    options.log?.('alert delivery', { episodeId: alert.episodeId, alertSk: alert.sk, outcome });
  };
  // A processor holds one batch's state: one per batch, so two batches in one process never mix.
  // In order: an alert's acknowledgement comes after the alert in its shard.
  return processPartialResponse(event, recordHandler, new BatchProcessor(EventType.DynamoDBStreams), {
    context,
    processInParallel: false,
    throwOnFullBatchFailure: false,
  });
};
