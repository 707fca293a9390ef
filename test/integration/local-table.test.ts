import { DescribeTableCommand, DescribeTimeToLiveCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episodesTable } from '../../functions/episodes/table-definition.ts';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local.ts';
import { startStreamPoller } from '../../functions/local/stream-poller.ts';
import { ensureEpisodesTable } from '../../functions/local/table-bootstrap.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable('bootstrap');
});
afterAll(async () => table.drop());

const waitFor = async (predicate: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('local table bootstrap (DynamoDB Local)', () => {
  it('creates the table exactly as the shared definition says', async () => {
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: episodesTable.partitionKey, KeyType: 'HASH' },
      { AttributeName: episodesTable.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((index) => [
      index.IndexName,
      index.KeySchema?.map((k) => k.AttributeName),
    ]);
    expect(indexes.sort()).toEqual(
      episodesTable.globalSecondaryIndexes.map((index) => [
        index.indexName,
        [index.partitionKey, index.sortKey],
      ]),
    );
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.tableName }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(episodesTable.timeToLiveAttribute);
  });

  it('is idempotent: a second bootstrap keeps the table and returns its stream', async () => {
    expect(await ensureEpisodesTable(table.client, table.tableName)).toBe(table.streamArn);
  });
});

describe('local stream consumer loop', () => {
  it('delivers new items to the stream handler in the Lambda event shape, retrying a failed record', async () => {
    const events: DynamoDBStreamEvent[] = [];
    let failOnce = true;
    const poller = startStreamPoller({
      client: new DynamoDBStreamsClient({ ...LOCAL_AWS, endpoint: table.endpoint }),
      streamArn: table.streamArn ?? '',
      pollIntervalMs: 50,
      log: () => undefined,
      handler: (event) => {
        events.push(event);
        const first = event.Records[0];
        if (failOnce && first?.dynamodb?.SequenceNumber) {
          failOnce = false;
          return Promise.resolve({ batchItemFailures: [{ itemIdentifier: first.dynamodb.SequenceNumber }] });
        }
        return Promise.resolve({ batchItemFailures: [] });
      },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // the poller starts at LATEST
      await table.client.send(
        new PutItemCommand({
          TableName: table.tableName,
          Item: { PK: { S: 'EP#e1' }, SK: { S: 'ALERT#2026-01-01T00:00:00.000Z#a' } },
        }),
      );
      await waitFor(() => events.length >= 2);
      const [first, retry] = events;
      expect(first?.Records[0]).toMatchObject({
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        dynamodb: { NewImage: { PK: { S: 'EP#e1' } } },
      });
      expect(retry?.Records[0]?.dynamodb?.SequenceNumber).toBe(first?.Records[0]?.dynamodb?.SequenceNumber);
    } finally {
      await poller.stop();
    }
  });
});
