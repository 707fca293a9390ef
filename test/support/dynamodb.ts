import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local.ts';
import { ensureEpisodesTable } from '../../functions/local/table-bootstrap.ts';

export type TestTable = {
  readonly client: DynamoDBClient;
  readonly endpoint: string;
  readonly tableName: string;
  readonly streamArn: string | undefined;
  drop(): Promise<void>;
};

/** A fresh episodes table on the run's DynamoDB Local, so each test file is isolated. */
export const createTestTable = async (label: string): Promise<TestTable> => {
  const endpoint = inject('dynamoDbEndpoint');
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint });
  const tableName = `test-${label}-${randomUUID().slice(0, 8)}`;
  const streamArn = await ensureEpisodesTable(client, tableName);
  return {
    client,
    endpoint,
    tableName,
    streamArn,
    drop: async () => {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
};

/** Pushes the name of every command `client` sends (e.g. "GetItemCommand") onto `commands`. */
export const countCommands = (client: DynamoDBDocumentClient, commands: string[]): DynamoDBDocumentClient => {
  client.middlewareStack.add(
    (next, context) => (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  return client;
};

/** A document client on DynamoDB Local whose commands are counted by name onto `commands`. */
export const countingDocumentClient = (endpoint: string, commands: string[]): DynamoDBDocumentClient =>
  countCommands(
    DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_AWS, endpoint }), {
      marshallOptions: { removeUndefinedValues: true },
    }),
    commands,
  );
