import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';

/** One DynamoDB Local for the integration run; each test file creates its own table on it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A loaded machine may need longer than the default to start the emulator (Java).
  const ready = Number(process.env.DYNAMODB_LOCAL_READY_TIMEOUT_MS);
  const dynamo = await startDynamoDbLocal(
    Number.isFinite(ready) && ready > 0 ? { readyTimeoutMs: ready } : {},
  );
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}

declare module 'vitest' {
  // Declaration merging needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}
