import type { DynamoDBStreamsClient, _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startStreamPoller, type StreamPoller } from './stream-poller.ts';

/** A one-shard stream whose GetRecords hands out what the test appended, batch by batch. */
const fakeStream = () => {
  const batches: StreamRecord[][] = [];
  let sequence = 0;
  const client = {
    send: (command: unknown) => {
      if (command instanceof DescribeStreamCommand)
        return Promise.resolve({
          StreamDescription: { Shards: [{ ShardId: 'shard-1', SequenceNumberRange: {} }] },
        });
      if (command instanceof GetShardIteratorCommand) return Promise.resolve({ ShardIterator: 'iterator' });
      if (command instanceof GetRecordsCommand)
        return Promise.resolve({ Records: batches.shift() ?? [], NextShardIterator: 'iterator' });
      return Promise.reject(new Error('unexpected command'));
    },
  } as unknown as DynamoDBStreamsClient;
  const write = (): string => {
    sequence += 1;
    const id = String(sequence);
    batches.push([{ eventID: id, eventName: 'INSERT', dynamodb: { SequenceNumber: id } }]);
    return id;
  };
  return { client, write };
};

let poller: StreamPoller | undefined;
afterEach(async () => {
  await poller?.stop();
  poller = undefined;
});

const sequenceOf = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';

describe('the local stream poller, settled', () => {
  it('resolves once the records written before the call have been handled, and those handling wrote', async () => {
    const stream = fakeStream();
    const handled: string[] = [];
    poller = startStreamPoller({
      client: stream.client,
      streamArn: 'arn:local',
      pollIntervalMs: 5,
      handler: async ({ Records }) => {
        await sleep(30);
        for (const record of Records) {
          handled.push(sequenceOf(record));
          // Handling the first record writes again (as an alert delivery records its message).
          if (sequenceOf(record) === '1') stream.write();
        }
        return { batchItemFailures: [] };
      },
    });
    await sleep(20);
    stream.write();
    expect(await poller.settled(2000)).toBe(true);
    expect(handled).toEqual(['1', '2']);
  });

  it('resolves after one quiet poll when nothing was written', async () => {
    const stream = fakeStream();
    poller = startStreamPoller({
      client: stream.client,
      streamArn: 'arn:local',
      pollIntervalMs: 5,
      handler: () => Promise.resolve({ batchItemFailures: [] }),
    });
    const started = Date.now();
    expect(await poller.settled(2000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up with false after the timeout while records keep coming', async () => {
    const stream = fakeStream();
    poller = startStreamPoller({
      client: stream.client,
      streamArn: 'arn:local',
      pollIntervalMs: 5,
      handler: () => {
        stream.write();
        return Promise.resolve({ batchItemFailures: [] });
      },
    });
    stream.write();
    expect(await poller.settled(100)).toBe(false);
  });
});
