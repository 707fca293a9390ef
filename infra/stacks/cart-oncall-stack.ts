import { CfnOutput, Stack, Tags, Validations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { AlertPipeline } from '../constructs/alert-pipeline.ts';
import { ChartRenderer } from '../constructs/chart-renderer.ts';
import { EncryptionKeys } from '../constructs/encryption-keys.ts';
import { EpisodesTable } from '../constructs/episodes-table.ts';
import { GraphqlApi } from '../constructs/graphql-api.ts';
import { HttpEndpoint } from '../constructs/http-endpoint.ts';
import { LiveUpdatesApi } from '../constructs/live-updates-api.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { retainsData } from '../constructs/removal.ts';
import { controlTowerRule } from '../control-tower.ts';
import { SlackCredentials } from '../constructs/slack-credentials.ts';
import { SlackEndpoint } from '../constructs/slack-endpoint.ts';
import { UserDirectory } from '../constructs/user-directory.ts';

export type DeploymentEnv = { readonly account?: string | undefined; readonly region?: string | undefined };

/** Stack name of a stage (also its construct id). */
export const stackNameOf = (stage: string): string => `CartOncall-${stage}`;

/** Why no function is attached to a VPC (HIPAA.Security-LambdaInsideVPC, CT.LAMBDA.PR.3). */
const outsideVpcReason =
  'The functions call only AWS service APIs (DynamoDB, Secrets Manager, KMS, X-Ray, CloudWatch Logs) over TLS with IAM-signed requests, and the Slack functions call Slack’s public Web API; nothing they use lives in a VPC. Attaching them to one would add NAT or interface-endpoint egress paths without putting any resource behind a network boundary.';

/** Why the API-invoked functions have no dead-letter queue (HIPAA.Security-LambdaDLQ). */
const synchronousReason =
  'Invoked synchronously by API Gateway: a failure is returned to the caller (an HTTP 5xx to the client, or a non-2xx that makes Slack retry), and a function dead-letter queue applies only to asynchronous invocations.';

/**
 * One stage of the system: data (keys, episodes table with backups), identity (Cognito), the
 * GraphQL and Slack functions behind one HTTP API, the alert pipeline and its monitoring.
 */
export class CartOncallStack extends Stack {
  readonly keys: EncryptionKeys;
  readonly episodes: EpisodesTable;
  readonly users: UserDirectory;
  readonly graphql: GraphqlApi;
  readonly slack: SlackEndpoint;
  readonly http: HttpEndpoint;
  readonly alerts: AlertPipeline;
  readonly charts: ChartRenderer;
  readonly monitoring: Monitoring;
  readonly live: LiveUpdatesApi;

  /**
   * @param defaultEnv account/region to use where the stage config names none (the CLI's
   *   CDK_DEFAULT_ACCOUNT/REGION); with neither, the stack is environment-agnostic.
   */
  constructor(scope: Construct, config: StageConfig, defaultEnv: DeploymentEnv = {}) {
    const account = config.env.account ?? defaultEnv.account;
    const region = config.env.region ?? defaultEnv.region;
    super(scope, stackNameOf(config.stage), {
      description: `CAR-T toxicity on-call platform (${config.stage}): GraphQL API, Slack bot, alert pipeline`,
      ...((account !== undefined || region !== undefined) && { env: { account, region } }),
      terminationProtection: retainsData(config),
    });
    Tags.of(this).add('project', 'cart-oncall');
    Tags.of(this).add('stage', config.stage);

    this.keys = new EncryptionKeys(this, 'Keys', config);
    this.episodes = new EpisodesTable(this, 'Episodes', { config, encryptionKey: this.keys.data });
    this.users = new UserDirectory(this, 'Users', config);
    const credentials = new SlackCredentials(this, 'SlackCredentials', {
      config,
      encryptionKey: this.keys.secrets,
    });

    this.graphql = new GraphqlApi(this, 'Graphql', { config, keys: this.keys, table: this.episodes });
    this.slack = new SlackEndpoint(this, 'Slack', {
      config,
      keys: this.keys,
      table: this.episodes,
      credentials,
    });
    this.http = new HttpEndpoint(this, 'Http', {
      config,
      handlers: {
        graphql: this.graphql.handler.function,
        publicGraphql: this.graphql.publicHandler.function,
        slack: this.slack.handler.function,
      },
      userPool: this.users.userPool,
      appClient: this.users.appClient,
      logsKey: this.keys.operations,
    });
    this.alerts = new AlertPipeline(this, 'Alerts', {
      config,
      keys: this.keys,
      table: this.episodes,
      credentials,
    });

    this.charts = new ChartRenderer(this, 'Charts', {
      config,
      keys: this.keys,
      table: this.episodes,
      credentials,
    });
    // Only the functions that ask for charts may invoke the chart function (never the public one).
    for (const caller of [
      this.graphql.handler,
      this.slack.handler,
      this.alerts.consumer,
      this.alerts.sweeper,
    ])
      this.charts.grantInvoke(caller);
    this.live = new LiveUpdatesApi(this, 'Live', {
      config,
      keys: this.keys,
      episodes: this.episodes,
      userPool: this.users.userPool,
      appClient: this.users.appClient,
    });

    const functions = [
      this.graphql.handler,
      this.graphql.publicHandler,
      this.slack.handler,
      this.alerts.consumer,
      this.alerts.sweeper,
      this.alerts.handoffDigest,
      this.charts.handler,
      this.live.authorizer,
      this.live.socket,
      this.live.fanout,
    ];
    this.monitoring = new Monitoring(this, 'Monitoring', {
      config,
      topicKey: this.keys.operations,
      functions,
      failureQueues: {
        'alert-stream-failures': this.alerts.streamFailures,
        'sweeper-failures': this.alerts.sweeperFailures,
        'digest-failures': this.alerts.digestFailures,
        'chart-failures': this.charts.failures,
      },
      streamConsumer: this.alerts.consumer,
      slackHandler: this.slack.handler,
      sweeper: this.alerts.sweeper,
    });

    for (const fn of functions) {
      Validations.of(fn).acknowledge(
        { id: 'HIPAA.Security-LambdaInsideVPC', reason: outsideVpcReason },
        { id: controlTowerRule('lambda_inside_vpc_check'), reason: outsideVpcReason },
      );
    }
    for (const fn of [this.graphql.handler, this.graphql.publicHandler, this.slack.handler]) {
      Validations.of(fn).acknowledge({ id: 'HIPAA.Security-LambdaDLQ', reason: synchronousReason });
    }

    const outputs: [string, string, string][] = [
      [
        'GraphqlUrl',
        this.http.urlOf('/graphql'),
        'GraphQL (POST with a Cognito token; GET serves GraphiQL in dev)',
      ],
      [
        'PublicGraphqlUrl',
        this.http.urlOf('/public/graphql'),
        'GraphQL without login: calculators, reference data',
      ],
      [
        'SlackRequestUrl',
        this.http.urlOf('/slack/events'),
        'Request URL of the Slack app (commands, interactivity, events)',
      ],
      [
        'LiveUpdatesUrl',
        this.live.url,
        'GraphQL subscriptions (graphql-ws; connect with ?token=<Cognito JWT>)',
      ],
      ['UserPoolId', this.users.userPool.userPoolId, 'Cognito user pool of the clinical staff'],
      ['UserPoolClientId', this.users.appClient.userPoolClientId, 'Frontend app client (the JWT audience)'],
      [
        'SlackSigningSecretArn',
        credentials.secrets.signingSecret.secretArn,
        'Store the Slack signing secret here',
      ],
      ['SlackBotTokenArn', credentials.secrets.botToken.secretArn, 'Store the Slack bot token (xoxb-) here'],
      ['TableName', this.episodes.table.tableName, 'Episodes table'],
      [
        'BackupVaultName',
        this.episodes.backupVault.backupVaultName,
        'Backup vault of the table (kept on stack deletion)',
      ],
      ['AlarmTopicArn', this.monitoring.topic.topicArn, 'Alarm notifications (subscribe on-call operators)'],
    ];
    for (const [id, value, description] of outputs) new CfnOutput(this, id, { value, description });
  }
}
