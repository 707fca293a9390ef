import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inProcessChartInvoker, registerLocalChartInvoker } from '../charts/chart-port.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { TeamSettingsService } from '../episodes/team-settings.ts';
import { TeamSettingsRepository } from '../episodes/team-settings-repository.ts';
import { LOCAL_AWS, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';
import { createFakeSlackApi, FAKE_SLACK_PATH } from './fake-slack-api.ts';
import { createLocalServer, type ExtraRoute, type HttpLambda } from './http-server.ts';
import { lambdaContext } from './http-api-event.ts';
import { issueToken, loadOrCreateSigningKey, verifyBearer, type LocalSigningKey } from './local-auth.ts';
import { LOCAL_SLACK, LOCAL_SLACK_BOT_TOKEN, LOCAL_SLACK_SIGNING_SECRET } from './local-slack.ts';
import { GRAPHIQL_ASSETS_PATH } from './static-assets.ts';
import { settledRoute } from './settled-route.ts';
import { startStreamPoller, type StreamPoller } from './stream-poller.ts';
import { ensureEpisodesTable } from './table-bootstrap.ts';

export { LOCAL_SLACK, LOCAL_SLACK_BOT_TOKEN, LOCAL_SLACK_SIGNING_SECRET };

/** Maps the local channel to team demo unless a (persisted) mapping exists. */
const seedLocalChannel = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const settings = new TeamSettingsService(
    new TeamSettingsRepository(DynamoDBDocumentClient.from(client), tableName),
  );
  if (await settings.forChannel(LOCAL_SLACK.channelId)) return;
  await settings.configure(
    { userId: 'system:local', admin: true },
    {
      team: LOCAL_SLACK.team,
      channelId: LOCAL_SLACK.channelId,
      oncallUserGroupId: LOCAL_SLACK.oncallUserGroupId,
      language: 'en',
      role: 'clinician',
    },
  );
};

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
  /** DynamoDB Local's process id, when this system started it. */
  readonly dynamoDbPid: number | undefined;
  /**
   * Settles, with one sentence saying what happened, if the system cannot go on: the DynamoDB
   * Local it started exited, or the DynamoDB it uses stopped answering. Never settles otherwise.
   */
  readonly fault: Promise<string>;
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
  let sweepTimer: NodeJS.Timeout | undefined;
  let live: { close(): Promise<void> } | undefined;
  let reportFault: (sentence: string) => void = () => undefined;
  const fault = new Promise<string>((settle) => {
    reportFault = settle;
  });
  const stop = async (): Promise<void> => {
    clearInterval(sweepTimer);
    registerLocalChartInvoker(undefined);
    await poller?.stop();
    await live?.close();
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
    void dynamo?.unexpectedExit.then((how) => {
      reportFault(
        `DynamoDB Local ${how} while the local system was running; nothing can be read or recorded without it, so the local system stops (run npm start again).`,
      );
    });
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
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: process.env.SLACK_BOT_TOKEN ?? LOCAL_SLACK_BOT_TOKEN,
      SLACK_BOT_USER_ID: process.env.SLACK_BOT_USER_ID ?? 'U0LOCALBOT',
      SLACK_BOT_ID: process.env.SLACK_BOT_ID ?? 'B0LOCALBOT',
      SLACK_ADMIN_USER_IDS: process.env.SLACK_ADMIN_USER_IDS ?? LOCAL_SLACK.adminUserId,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    });

    const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint });
    const streamArn = await ensureEpisodesTable(client, tableName);
    await seedLocalChannel(client, tableName);
    client.destroy();

    // The handlers are loaded once the port is known: the bot's Web API calls go to the fake Slack
    // API on this server unless a real bot token is given (then to Slack itself).
    const lambdas: {
      graphql?: HttpLambda;
      publicGraphql?: HttpLambda;
      slack?: HttpLambda;
      sweeper?: (event: unknown) => Promise<unknown>;
      handoffDigest?: (event: unknown) => Promise<unknown>;
    } = {};
    const loaded =
      (name: 'graphql' | 'publicGraphql' | 'slack'): HttpLambda =>
      (event, context) => {
        const lambda = lambdas[name];
        if (!lambda) throw new Error(`${name} handler not loaded yet`);
        return lambda(event, context);
      };
    const fakeSlack = createFakeSlackApi({ defaultChannels: [LOCAL_SLACK.channelId] });
    const sweepRoute: ExtraRoute = async (request, _body, response) => {
      if (request.method !== 'POST' || request.url !== '/_local/sweep' || !lambdas.sweeper) return false;
      const result = await lambdas.sweeper({ source: 'local' });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(result));
      return true;
    };
    // HANDOFF-1: `npm run chat -- --handoff` posts the local team's shift handoff digest once now.
    const handoffRoute: ExtraRoute = async (request, _body, response) => {
      if (request.method !== 'POST' || request.url !== '/_local/handoff') return false;
      const [{ handoffDigestNow }, { createDocumentClient }] = await Promise.all([
        import('../handoff-digest/digest-run.ts'),
        import('../episodes/dynamodb-client.ts'),
      ]);
      const result = await handoffDigestNow(
        process.env,
        createDocumentClient(process.env.DYNAMODB_ENDPOINT),
        LOCAL_SLACK.team,
        new Date(),
      );
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(result));
      return true;
    };
    server = createLocalServer({
      lambdas: { graphql: loaded('graphql'), publicGraphql: loaded('publicGraphql'), slack: loaded('slack') },
      verifyBearer: (authorization) => verifyBearer(signingKey, authorization),
      extraRoutes: [fakeSlack.route, sweepRoute, handoffRoute, settledRoute(() => poller)],
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(options.port, () => {
        resolve();
      });
    });
    const port = (listening.address() as AddressInfo).port;
    if (!process.env.SLACK_API_URL && process.env.SLACK_BOT_TOKEN === LOCAL_SLACK_BOT_TOKEN)
      process.env.SLACK_API_URL = `http://127.0.0.1:${port}${FAKE_SLACK_PATH}/api/`;

    const [
      charts,
      graphql,
      { schema },
      { publicSchemaOf },
      graphiql,
      slack,
      alerts,
      sweeper,
      handoffDigest,
      liveUpdates,
    ] = await Promise.all([
      import('../charts/handler.ts'),
      import('../graphql/http-handler.ts'),
      import('../../schema/index.ts'),
      import('../../schema/public-operations.ts'),
      import('../graphql/local-graphiql.ts'),
      import('../slack/handler.ts'),
      import('../alerts/handler.ts'),
      import('../sweeper/handler.ts'),
      import('../handoff-digest/handler.ts'),
      import('./local-live-updates.ts'),
    ]);
    // Deployed, the chart function is invoked through the Lambda API; here its handler runs in process.
    registerLocalChartInvoker(inProcessChartInvoker(charts.handler));
    // GraphQL subscriptions (WebSocket on /graphql), fed by the stream poller below.
    const liveFeed = (live = liveUpdates.startLocalLiveUpdates(listening, (authorization) =>
      verifyBearer(signingKey, authorization),
    )).feed;
    // The Lambda's handler plus GraphiQL (assets from this server, the dev token in its headers).
    lambdas.graphql = graphql.createGraphQLHandler(
      schema,
      graphiql.localGraphiQL(GRAPHIQL_ASSETS_PATH, `Bearer ${devToken}`),
    );
    // Deployed, the public calculators are a function of their own that builds only their types;
    // here the same public schema is cut from the whole one.
    lambdas.publicGraphql = graphql.createGraphQLHandler(publicSchemaOf(schema));
    lambdas.slack = slack.handler;
    lambdas.sweeper = (event) => sweeper.handler(event, lambdaContext('sweeper', 60_000));
    lambdas.handoffDigest = (event) => handoffDigest.handler(event, lambdaContext('handoffDigest', 60_000));
    // As the two schedules do when deployed (LOCAL_SWEEP_MINUTES=0 turns them off).
    const sweepMinutes = Number(process.env.LOCAL_SWEEP_MINUTES ?? 5);
    if (sweepMinutes > 0) {
      sweepTimer = setInterval(() => {
        for (const [name, run] of [
          ['sweep', lambdas.sweeper],
          ['handoff digest', lambdas.handoffDigest],
        ] as const)
          void run?.({ source: 'local' }).catch((error: unknown) => {
            console.error(`local ${name} failed: ${String(error)}`);
          });
      }, sweepMinutes * 60_000);
      sweepTimer.unref();
    }

    if (streamArn) {
      poller = startStreamPoller({
        client: new DynamoDBStreamsClient({ ...LOCAL_AWS, endpoint }),
        streamArn,
        // The alert consumer, as deployed; live updates read the same batch first.
        handler: async (event, context) => {
          await liveFeed(event);
          return alerts.handler(event, context);
        },
        onUnreachable: (reason) => {
          reportFault(
            `DynamoDB at ${endpoint} stopped answering (${reason}); nothing can be read or recorded without it, so the local system stops.`,
          );
        },
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
      dynamoDbPid: dynamo?.process.pid,
      fault,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
