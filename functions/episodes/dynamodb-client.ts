import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { once } from '../shared/once.ts';

/** What the repositories use of a document client: a real one (tests), or the one below. */
export type DocumentClient = Pick<DynamoDBDocumentClient, 'send'>;

/**
 * lib-dynamodb (and with it the DynamoDB client and the rest of the AWS SDK), loaded on first use:
 * loading the SDK takes longer than everything else a cold start does, and a function that
 * answers without the store (the public calculators) never pays for it.
 */
export const documentCommands = once(() => import('@aws-sdk/lib-dynamodb'));

/**
 * The document client the repository uses: one per container, created at cold start, its SDK
 * loaded by the first call that reaches it. Retries are the repository's (see retry.ts); timeouts
 * keep a stuck call well inside Slack's 3 seconds. DYNAMODB_ENDPOINT points it at DynamoDB Local.
 */
export const createDocumentClient = (
  endpoint: string | undefined = process.env.DYNAMODB_ENDPOINT,
): DocumentClient => {
  const client = once(async () => {
    const [{ DynamoDBClient }, { DynamoDBDocumentClient }] = await Promise.all([
      import('@aws-sdk/client-dynamodb'),
      documentCommands(),
    ]);
    return DynamoDBDocumentClient.from(
      new DynamoDBClient({
        ...(endpoint ? { endpoint } : {}),
        maxAttempts: 1,
        // throwOnRequestTimeout: without it the handler only logs a warning and waits on.
        requestHandler: { connectionTimeout: 1000, requestTimeout: 2500, throwOnRequestTimeout: true },
      }),
      { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
    );
  });
  const send = (...args: Parameters<DocumentClient['send']>) =>
    client().then((documents) => (documents.send as (...sent: typeof args) => unknown)(...args));
  return { send: send as DocumentClient['send'] };
};
