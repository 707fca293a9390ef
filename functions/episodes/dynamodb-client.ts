import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The document client the repository uses: one per container, created at cold start. Retries are
 * the repository's (see retry.ts); timeouts keep a stuck call well inside Slack's 3 seconds.
 * DYNAMODB_ENDPOINT points it at DynamoDB Local.
 */
export const createDocumentClient = (
  endpoint: string | undefined = process.env.DYNAMODB_ENDPOINT,
): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      ...(endpoint ? { endpoint } : {}),
      maxAttempts: 1,
      // throwOnRequestTimeout: without it the handler only logs a warning and waits on.
      requestHandler: { connectionTimeout: 1000, requestTimeout: 2500, throwOnRequestTimeout: true },
    }),
    { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
  );
