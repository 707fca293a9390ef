import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { episodesTable } from '../episodes/table-definition.ts';

/** CreateTable input from the shared table definition (the CDK construct reads the same one). */
export const createTableInput = (tableName: string): CreateTableCommandInput => {
  const keyAttributes = new Set<string>([episodesTable.partitionKey, episodesTable.sortKey]);
  for (const index of episodesTable.globalSecondaryIndexes) {
    keyAttributes.add(index.partitionKey);
    keyAttributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyAttributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: episodesTable.partitionKey, KeyType: 'HASH' },
      { AttributeName: episodesTable.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: episodesTable.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: episodesTable.streamView },
  };
};

/** Creates the episodes table if it does not exist (idempotent), with its TTL; returns its stream ARN. */
export const ensureEpisodesTable = async (
  client: DynamoDBClient,
  tableName: string,
): Promise<string | undefined> => {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: episodesTable.timeToLiveAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return Table.LatestStreamArn;
    await sleep(50);
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
};
