import type { DocumentClient } from '../episodes/dynamodb-client.ts';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Language } from '#rules';
import type { Claims } from '../graphql/claims.ts';
import type { LiveConnection, LiveStore, LiveSubscription } from './live-store.ts';
import { liveConnectionsTable as TABLE } from './table-definition.ts';

const connectionPk = (connectionId: string): string => `CONN#${connectionId}`;
const CONNECTION_SK = 'CONN';
const subscriptionSk = (id: string): string => `SUB#${id}`;
/** DynamoDB's BatchWriteItem limit. */
const BATCH = 25;

const conditionFailed = (error: unknown): boolean =>
  (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/** The live store on DynamoDB (see table-definition.ts for the keys). */
export class DynamoDbLiveStore implements LiveStore {
  readonly #client: DocumentClient;
  readonly #table: string;
  readonly #clock: () => Date;

  constructor(client: DocumentClient, table: string, clock: () => Date = () => new Date()) {
    this.#client = client;
    this.#table = table;
    this.#clock = clock;
  }

  #expiresAt(): number {
    return Math.floor(this.#clock().getTime() / 1000) + TABLE.itemLifetimeSeconds;
  }

  async putConnection(connection: LiveConnection): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          PK: connectionPk(connection.connectionId),
          SK: CONNECTION_SK,
          claims: connection.claims,
          language: connection.language,
          acknowledged: connection.acknowledged,
          expiresAt: this.#expiresAt(),
        },
      }),
    );
  }

  async getConnection(connectionId: string): Promise<LiveConnection | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: { PK: connectionPk(connectionId), SK: CONNECTION_SK },
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    return {
      connectionId,
      claims: Item.claims as Claims,
      language: Item.language as Language,
      acknowledged: Item.acknowledged === true,
    };
  }

  async acknowledge(connectionId: string): Promise<boolean> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { PK: connectionPk(connectionId), SK: CONNECTION_SK },
          UpdateExpression: 'SET acknowledged = :yes',
          ConditionExpression: 'attribute_exists(PK) AND acknowledged <> :yes',
          ExpressionAttributeValues: { ':yes': true },
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  async putSubscription(subscription: LiveSubscription): Promise<boolean> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            PK: connectionPk(subscription.connectionId),
            SK: subscriptionSk(subscription.id),
            topic: subscription.topic,
            id: subscription.id,
            query: subscription.query,
            variables: subscription.variables,
            ...(subscription.operationName === undefined
              ? {}
              : { operationName: subscription.operationName }),
            claims: subscription.claims,
            language: subscription.language,
            expiresAt: this.#expiresAt(),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  async deleteSubscription(connectionId: string, id: string): Promise<void> {
    await this.#client.send(
      new DeleteCommand({
        TableName: this.#table,
        Key: { PK: connectionPk(connectionId), SK: subscriptionSk(id) },
      }),
    );
  }

  async deleteConnection(connectionId: string): Promise<void> {
    const { Items = [] } = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': connectionPk(connectionId) },
        ProjectionExpression: 'PK, SK',
      }),
    );
    for (let start = 0; start < Items.length; start += BATCH) {
      let requests = Items.slice(start, start + BATCH).map((item) => ({
        DeleteRequest: { Key: { PK: item.PK as string, SK: item.SK as string } },
      }));
      for (let round = 0; requests.length > 0 && round < 5; round += 1) {
        const { UnprocessedItems } = await this.#client.send(
          new BatchWriteCommand({ RequestItems: { [this.#table]: requests } }),
        );
        requests = (UnprocessedItems?.[this.#table] ?? []) as typeof requests;
      }
    }
  }

  async subscribersOf(topic: string): Promise<LiveSubscription[]> {
    const subscriptions: LiveSubscription[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          IndexName: TABLE.topicIndex.indexName,
          KeyConditionExpression: '#topic = :topic',
          ExpressionAttributeNames: { '#topic': TABLE.topicIndex.partitionKey },
          ExpressionAttributeValues: { ':topic': topic },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? [])
        subscriptions.push({
          connectionId: String(item.PK).slice('CONN#'.length),
          id: String(item.id),
          topic,
          query: String(item.query),
          variables: (item.variables ?? {}) as Record<string, unknown>,
          operationName: typeof item.operationName === 'string' ? item.operationName : undefined,
          claims: item.claims as Claims,
          language: item.language as Language,
        });
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return subscriptions;
  }

  async firstNotice(key: string): Promise<boolean> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: { PK: `NOTICE#${key}`, SK: 'NOTICE', expiresAt: this.#expiresAt() },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }
}
