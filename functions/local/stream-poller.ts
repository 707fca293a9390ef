import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { setTimeout as sleep } from 'node:timers/promises';
import { lambdaContext } from './http-api-event.ts';

export type StreamHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse | undefined>;

export type StreamPollerOptions = {
  readonly client: DynamoDBStreamsClient;
  readonly streamArn: string;
  readonly handler: StreamHandler;
  readonly pollIntervalMs?: number;
  /** Attempts per failed record before it is set aside, as the deployed event source mapping does. */
  readonly maxAttempts?: number;
  readonly log?: (message: string) => void;
  /**
   * Called once, and the poller stops, when the stream has not answered for this long (default
   * 30 s); meanwhile it retries with backoff (up to 5 s apart) and logs once, when the failures
   * have lasted 2 s (a blip that heals sooner is not worth a line).
   */
  readonly unreachableAfterMs?: number;
  readonly onUnreachable?: (reason: string) => void;
};

export type StreamPoller = {
  /**
   * Resolves true once a poll that began after the call found no record on any shard (whatever
   * was written before the call has been handed to the handler, and what the handler wrote in
   * turn as well), or false after `timeoutMs`.
   */
  settled(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
};

/** The Lambda event record for a stream record (same shape the deployed consumer receives). */
export const lambdaRecord = (record: StreamRecord, streamArn: string): DynamoDBRecord =>
  ({
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...record.dynamodb,
      ApproximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime
        ? Math.floor(record.dynamodb.ApproximateCreationDateTime.getTime() / 1000)
        : undefined,
    },
  }) as DynamoDBRecord;

/**
 * Reads the table's stream (DynamoDB Local) and calls the deployed stream handler with the same
 * event shape. Like the event source mapping: batches in order per shard; on partial batch failure
 * the batch is retried from the first failed record, with backoff, up to maxAttempts; then the
 * record is set aside and reported (deployed: the on-failure destination).
 */
export const startStreamPoller = (options: StreamPollerOptions): StreamPoller => {
  const { client, streamArn, handler } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const maxAttempts = options.maxAttempts ?? 3;
  const log =
    options.log ??
    ((message: string) => {
      console.error(message);
    });
  const iterators = new Map<string, string | null>();
  const state = { stopped: false };
  const stopped = (): boolean => state.stopped;
  let firstDescribe = true;
  /** Polls begun so far; a waiter settles on an empty poll begun after it asked. */
  let polls = 0;
  const waiters = new Set<{ readonly after: number; readonly settle: (settled: boolean) => void }>();

  const refreshShards = async (): Promise<void> => {
    const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId;
      if (!shardId || iterators.has(shardId)) continue;
      const open = !shard.SequenceNumberRange?.EndingSequenceNumber;
      // At start-up only new records matter (LATEST on open shards); shards that appear later are read from their start.
      if (firstDescribe && !open) {
        iterators.set(shardId, null);
        continue;
      }
      const { ShardIterator } = await client.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: firstDescribe ? 'LATEST' : 'TRIM_HORIZON',
        }),
      );
      iterators.set(shardId, ShardIterator ?? null);
    }
    firstDescribe = false;
  };

  const deliver = async (records: DynamoDBRecord[]): Promise<void> => {
    let pending = records;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const response = await handler({ Records: pending }, lambdaContext('alerts')).catch(
        (error: unknown) => {
          log(`stream handler failed: ${String(error)}`);
          return { batchItemFailures: [{ itemIdentifier: pending[0]?.dynamodb?.SequenceNumber ?? '' }] };
        },
      );
      const failed = response?.batchItemFailures ?? [];
      if (failed.length === 0) return;
      const firstFailed = pending.findIndex((r) =>
        failed.some((f) => f.itemIdentifier === r.dynamodb?.SequenceNumber),
      );
      pending = firstFailed < 0 ? pending : pending.slice(firstFailed);
      if (attempt >= maxAttempts) {
        const [head, ...rest] = pending;
        log(
          `stream record ${head?.dynamodb?.SequenceNumber ?? '?'} failed ${maxAttempts} times; set aside (deployed: on-failure destination)`,
        );
        pending = rest;
        attempt = 0;
        continue;
      }
      await sleep(Math.min(2000, 100 * 2 ** attempt));
    }
  };

  const unreachableAfterMs = options.unreachableAfterMs ?? 30_000;
  let failures = 0;
  let failingSince = 0;
  let reported = false;

  /** One failed poll: logged if it starts a streak; the poller gives up when the streak is too long. */
  const failed = (error: unknown): number | undefined => {
    failures += 1;
    if (failures === 1) failingSince = Date.now();
    if (!reported && Date.now() - failingSince >= 2000) {
      reported = true;
      log(`stream poll failing for 2 s: ${String(error)} (retrying with backoff)`);
    }
    if (Date.now() - failingSince >= unreachableAfterMs) {
      state.stopped = true;
      options.onUnreachable?.(
        `the table's stream has not answered for ${Math.round(unreachableAfterMs / 1000)} s (${String(error)})`,
      );
      return undefined;
    }
    return Math.min(5000, pollIntervalMs * 2 ** failures);
  };

  const loop = async (): Promise<void> => {
    let lastRefresh = 0;
    while (!stopped()) {
      const poll = (polls += 1);
      let quiet = true;
      let pause = pollIntervalMs;
      try {
        if (Date.now() - lastRefresh > 5000 || iterators.size === 0) {
          await refreshShards();
          lastRefresh = Date.now();
        }
        for (const [shardId, iterator] of iterators) {
          if (!iterator || stopped()) continue;
          try {
            const { Records = [], NextShardIterator } = await client.send(
              new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }),
            );
            iterators.set(shardId, NextShardIterator ?? null);
            if (Records.length > 0) {
              quiet = false;
              await deliver(Records.map((r) => lambdaRecord(r, streamArn)));
            }
          } catch (error) {
            quiet = false;
            if (error instanceof ExpiredIteratorException) iterators.delete(shardId);
            else throw error;
          }
        }
        if (reported) log(`stream poll recovered after ${failures} failed attempts`);
        failures = 0;
        reported = false;
      } catch (error) {
        quiet = false;
        if (stopped()) break;
        const backoff = failed(error);
        if (backoff === undefined) break;
        pause = backoff;
      }
      if (quiet) {
        for (const waiter of waiters) if (waiter.after < poll) waiter.settle(true);
      }
      await sleep(pause);
    }
  };

  const running = loop();
  return {
    settled: (timeoutMs) =>
      new Promise<boolean>((resolve) => {
        const waiter = {
          after: polls,
          settle: (settled: boolean) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(settled);
          },
        };
        const timer = setTimeout(() => {
          waiter.settle(false);
        }, timeoutMs);
        waiters.add(waiter);
      }),
    stop: async () => {
      state.stopped = true;
      await running;
      for (const waiter of waiters) waiter.settle(false);
    },
  };
};
