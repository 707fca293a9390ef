import { CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { LogGroupLogDestination, WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EventSourceMapping, FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { LIVE_TOKEN_PARAMETER } from '../../functions/live/connection-url.ts';
import { liveConnectionsTable } from '../../functions/live/table-definition.ts';
import { liveDefaults, type StageConfig } from '../config/stage-config.ts';
import { CartFunction } from './cart-function.ts';
import { encryptedLogGroup } from './encrypted-log-group.ts';
import type { EncryptionKeys } from './encryption-keys.ts';
import type { EpisodesTable } from './episodes-table.ts';
import { removalPolicyOf } from './removal.ts';
import { controlTowerRule } from '../control-tower.ts';

/**
 * Stream records the fan-out acts on: new or changed gradings and alerts of an episode (a new
 * grading, a new alert, an acknowledgement). Heads, observations, settings and every other item
 * never invoke it.
 */
export const liveUpdateItemsOnly = FilterCriteria.filter({
  eventName: FilterRule.or('INSERT', 'MODIFY'),
  dynamodb: {
    Keys: {
      PK: { S: FilterRule.beginsWith('EP#') },
      SK: { S: [...FilterRule.beginsWith('GRADE#'), ...FilterRule.beginsWith('ALERT#')] },
    },
  },
});

/** The stage is named after the path, so the URL ends in /graphql locally and deployed alike. */
export const LIVE_STAGE_NAME = 'graphql';

/** Access log fields: which connection did what with what outcome. No bodies, no query strings (the token). */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    sourceIp: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    eventType: '$context.eventType',
    connectionId: '$context.connectionId',
    status: '$context.status',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    userSub: '$context.authorizer.sub',
  }),
);

const LIVE_TABLE_ACTIONS = {
  socket: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:Query',
    'dynamodb:BatchWriteItem',
  ],
  fanout: ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
} as const;
const TABLE_KEY_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'];

/**
 * Live updates deployed: an API Gateway WebSocket API speaking graphql-ws. $connect is authorised
 * by a Lambda REQUEST authorizer that verifies the Cognito JWT in the `token` query parameter (same
 * user pool and app client as the HTTP API's JWT authorizer); one function handles $connect,
 * $default (graphql-ws messages) and $disconnect, keeping connections and subscriptions in a table
 * with TTL; a second reads the episodes table's stream (gradings and alerts only) and posts `next`
 * messages to the subscribers of each episode and team.
 */
export class LiveUpdatesApi extends Construct {
  readonly api: WebSocketApi;
  readonly stage: WebSocketStage;
  readonly table: Table;
  readonly authorizer: CartFunction;
  readonly socket: CartFunction;
  readonly fanout: CartFunction;
  readonly mapping: EventSourceMapping;

  constructor(
    scope: Construct,
    id: string,
    props: {
      readonly config: StageConfig;
      readonly keys: EncryptionKeys;
      readonly episodes: EpisodesTable;
      readonly userPool: IUserPool;
      readonly appClient: IUserPoolClient;
    },
  ) {
    super(scope, id);
    const { config, keys, episodes } = props;

    this.table = new Table(this, 'Connections', {
      partitionKey: { name: liveConnectionsTable.partitionKey, type: AttributeType.STRING },
      sortKey: { name: liveConnectionsTable.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: keys.data,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: liveConnectionsTable.timeToLiveAttribute,
      removalPolicy: removalPolicyOf(config),
    });
    const index = liveConnectionsTable.topicIndex;
    this.table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
    Validations.of(this.table).acknowledge({
      id: 'HIPAA.Security-DynamoDBInBackupPlan',
      reason:
        'Holds only open WebSocket connections and their subscriptions, each expiring within 3 hours (TTL); no clinical data. A client reconnects and subscribes again, so a backup would have nothing worth restoring. Point-in-time recovery is on regardless.',
    });

    this.authorizer = new CartFunction(this, 'Authorizer', {
      lambdaId: 'liveAuthorizer',
      description: 'Live updates: verifies the Cognito JWT of a WebSocket connection',
      config,
      logsKey: keys.operations,
      memorySize: 256,
      timeout: Duration.seconds(5),
      environment: {
        USER_POOL_ID: props.userPool.userPoolId,
        USER_POOL_CLIENT_ID: props.appClient.userPoolClientId,
      },
    });
    this.socket = new CartFunction(this, 'Socket', {
      lambdaId: 'liveSocket',
      description: 'Live updates: graphql-ws messages on the WebSocket API',
      config,
      logsKey: keys.operations,
      memorySize: 512,
      timeout: Duration.seconds(10),
      environment: { GRAPHQL_MODE: config.graphqlMode },
    });
    this.fanout = new CartFunction(this, 'Fanout', {
      lambdaId: 'liveFanout',
      description: 'Live updates: new gradings and alerts from the episodes stream to WebSocket subscribers',
      config,
      logsKey: keys.operations,
      memorySize: 512,
      timeout: Duration.seconds(30),
      environment: { GRAPHQL_MODE: config.graphqlMode },
    });

    this.api = new WebSocketApi(this, 'Api', {
      apiName: `cart-oncall-${config.stage}-live`,
      description: `CAR-T on-call ${config.stage}: live updates (GraphQL subscriptions over graphql-ws)`,
      connectRouteOptions: {
        integration: new WebSocketLambdaIntegration('ConnectIntegration', this.socket.function),
        authorizer: new WebSocketLambdaAuthorizer('TokenAuthorizer', this.authorizer.function, {
          identitySource: [`route.request.querystring.${LIVE_TOKEN_PARAMETER}`],
        }),
      },
      disconnectRouteOptions: {
        integration: new WebSocketLambdaIntegration('DisconnectIntegration', this.socket.function),
      },
      defaultRouteOptions: {
        integration: new WebSocketLambdaIntegration('MessageIntegration', this.socket.function),
      },
    });
    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: LIVE_STAGE_NAME,
      autoDeploy: true,
      throttle: { rateLimit: liveDefaults.rateLimit, burstLimit: liveDefaults.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          encryptedLogGroup(this, 'AccessLogs', config, keys.operations),
        ),
        format: accessLogFormat,
      },
    });

    const connectionsEndpoint = this.stage.callbackUrl;
    for (const [fn, actions] of [
      [this.socket, LIVE_TABLE_ACTIONS.socket],
      [this.fanout, LIVE_TABLE_ACTIONS.fanout],
    ] as const) {
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [...actions],
          resources: [this.table.tableArn, `${this.table.tableArn}/index/${index.indexName}`],
        }),
      );
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: TABLE_KEY_ACTIONS, resources: [keys.data.keyArn] }),
      );
      this.stage.grantManagementApiAccess(fn.role);
      fn.addEnvironment('LIVE_TABLE_NAME', this.table.tableName);
      fn.addEnvironment('LIVE_CONNECTIONS_ENDPOINT', connectionsEndpoint);
      episodes.grantEpisodeRead(fn);
    }
    episodes.grantStreamRead(this.fanout);

    const streamArn = episodes.table.tableStreamArn;
    if (streamArn === undefined) throw new Error('the episodes table has no stream');
    this.mapping = new EventSourceMapping(this, 'StreamMapping', {
      target: this.fanout.function,
      eventSourceArn: streamArn,
      // Live clients want what happens from now on; older updates are read through queries.
      startingPosition: StartingPosition.LATEST,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(0),
      // An update older than a minute is no longer "live"; a failed batch is retried once, then dropped (logged).
      retryAttempts: 1,
      maxRecordAge: Duration.seconds(60),
      parallelizationFactor: 1,
      filters: [liveUpdateItemsOnly],
    });

    // API Gateway authorises a WebSocket connection once, on $connect; later messages and the
    // disconnect belong to that connection and cannot carry an authorizer of their own.
    const connectionOnly =
      'A WebSocket API authorises a connection once, on $connect (the Lambda REQUEST authorizer verifying the Cognito JWT); API Gateway accepts no authorizer on $default or $disconnect, whose messages can only come over a connection that passed it. The function also checks every subscription against the claims stored at $connect.';
    for (const route of ['$default-Route', '$disconnect-Route']) {
      Validations.of(this.api.node.findChild(route)).acknowledge(
        { id: 'AwsSolutions-APIG4', reason: connectionOnly },
        { id: controlTowerRule('api_gw_v2_authorization_type_configured_check'), reason: connectionOnly },
      );
    }
    Validations.of(this.api).acknowledge({
      id: controlTowerRule('lambda_function_public_access_prohibited_check'),
      reason:
        "Each permission lets only API Gateway invoke the function, and only for this WebSocket API's routes or its $connect authorizer: its SourceArn is this API's execute-api ARN. The control accepts a SourceArn only as a literal string or a local reference, and this ARN is necessarily built with Fn::Join from the API's id.",
    });
    for (const fn of [this.socket, this.fanout]) {
      Validations.of(fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<${Stack.of(this).getLogicalId(this.api.node.defaultChild as CfnElement)}>/${LIVE_STAGE_NAME}/*/@connections/*]`,
        reason:
          'PostToConnection and DeleteConnection address a connection by its id, which exists only at run time: the grant is limited to execute-api:ManageConnections on the @connections of this one WebSocket API and stage.',
      });
    }
    Validations.of(this.fanout).acknowledge({
      id: 'HIPAA.Security-LambdaDLQ',
      reason:
        'Invoked synchronously by the DynamoDB stream event source mapping, where a function dead-letter queue never applies. Live updates are best effort by design: an update that cannot be sent within a minute is dropped (and logged), since every grading and alert stays readable through GraphQL queries and the alert pipeline delivers alerts on its own.',
    });
    for (const fn of [this.authorizer, this.socket]) {
      Validations.of(fn).acknowledge({
        id: 'HIPAA.Security-LambdaDLQ',
        reason:
          'Invoked synchronously by API Gateway (WebSocket routes and the $connect authorizer): the caller gets the error, so a dead-letter queue never receives anything.',
      });
    }
  }

  /** wss://…/graphql: where clients connect (with ?token=<JWT>). */
  get url(): string {
    return this.stage.url;
  }
}
