import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { episodesTable } from '../episodes/table-definition.ts';
import { LOCAL_AWS, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';
import { createLocalServer } from './http-server.ts';
import { issueToken, loadOrCreateSigningKey, verifyBearer, type LocalSigningKey } from './local-auth.ts';
import { GRAPHIQL_ASSETS_PATH } from './static-assets.ts';
import { startStreamPoller, type StreamPoller } from './stream-poller.ts';
import { ensureEpisodesTable } from './table-bootstrap.ts';

/** Signs local Slack requests when SLACK_SIGNING_SECRET is unset; printed at start, never used deployed. */
export const LOCAL_SLACK_SIGNING_SECRET = 'local-signing-secret-do-not-deploy';
export const LOCAL_SLACK_BOT_TOKEN = 'xoxb-local-development';

export type LocalSystemOptions = {
  /** HTTP port; 0 picks a free one. */
  readonly port: number;
  /** Keep DynamoDB Local's data in this folder (in memory when undefined). */
  readonly dataDir?: string | undefined;
  /** Use a DynamoDB (Local) already running here instead of starting one. */
  readonly dynamoDbEndpoint?: string | undefined;
  readonly tableName?: string;
};

export type LocalSystem = {
  readonly url: string;
  readonly port: number;
  readonly dynamoDbEndpoint: string;
  readonly tableName: string;
  readonly signingSecret: string;
  readonly signingKey: LocalSigningKey;
  readonly devToken: string;
  stop(): Promise<void>;
};

/**
 * The whole system on one machine: DynamoDB Local and the table, one HTTP server that calls the
 * deployed Lambda handlers through an API Gateway v2 adapter, and the stream consumer loop.
 */
export const startLocalSystem = async (options: LocalSystemOptions): Promise<LocalSystem> => {
  let dynamo: DynamoDbLocal | undefined;
  let poller: StreamPoller | undefined;
  let server: Server | undefined;
  const stop = async (): Promise<void> => {
    await poller?.stop();
    await new Promise<void>((done) => {
      if (!server) {
        done();
        return;
      }
      server.close(() => {
        done();
      });
      server.closeAllConnections();
    });
    await dynamo?.stop();
  };

  try {
    const endpoint =
      options.dynamoDbEndpoint ?? (dynamo = await startDynamoDbLocal({ dataDir: options.dataDir })).endpoint;
    const tableName = options.tableName ?? process.env.TABLE_NAME ?? episodesTable.defaultName;
    const signingSecret = process.env.SLACK_SIGNING_SECRET ?? LOCAL_SLACK_SIGNING_SECRET;
    const signingKey = await loadOrCreateSigningKey();
    const devToken = await issueToken(signingKey, {
      userId: 'dev-clinician',
      role: 'clinician',
      teams: ['demo'],
    });

    // The handlers read their configuration from the environment, as on Lambda.
    Object.assign(process.env, {
      STAGE: 'local',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: endpoint,
      AWS_REGION: LOCAL_AWS.region,
      AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
      GRAPHQL_MODE: 'development',
      GRAPHIQL_ASSETS_URL: GRAPHIQL_ASSETS_PATH,
      GRAPHIQL_DEFAULT_AUTHORIZATION: `Bearer ${devToken}`,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: process.env.SLACK_BOT_TOKEN ?? LOCAL_SLACK_BOT_TOKEN,
      SLACK_BOT_USER_ID: process.env.SLACK_BOT_USER_ID ?? 'U0LOCALBOT',
      SLACK_BOT_ID: process.env.SLACK_BOT_ID ?? 'B0LOCALBOT',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    });

    const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint });
    const streamArn = await ensureEpisodesTable(client, tableName);
    client.destroy();

    const [graphql, slack, alerts] = await Promise.all([
      import('../graphql/handler.ts'),
      import('../slack/handler.ts'),
      import('../alerts/handler.ts'),
    ]);

    server = createLocalServer({
      lambdas: { graphql: graphql.handler, slack: slack.handler },
      verifyBearer: (authorization) => verifyBearer(signingKey, authorization),
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(options.port, () => {
        resolve();
      });
    });
    const port = (listening.address() as AddressInfo).port;

    if (streamArn) {
      poller = startStreamPoller({
        client: new DynamoDBStreamsClient({ ...LOCAL_AWS, endpoint }),
        streamArn,
        handler: alerts.handler,
      });
    }
    return {
      url: `http://localhost:${port}`,
      port,
      dynamoDbEndpoint: endpoint,
      tableName,
      signingSecret,
      signingKey,
      devToken,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
