import { describe, expect, it } from 'vitest';
import { parseStageConfig } from '../../infra/config/stage-config.ts';
import type { CartFunction } from '../../infra/constructs/cart-function.ts';
import { episodeReadActions, episodeStoreActions } from '../../infra/constructs/episodes-table.ts';
import { lambdaIds } from '../../infra/lambda-bundling.ts';
import { cdkJson, logicalIdOf, propertiesFor, resourceFor, synthStage } from './support/cart-app.ts';

const prod = synthStage('prod');
const dev = synthStage('dev');
const prodConfig = parseStageConfig('prod', (cdkJson().context.stages as Record<string, unknown>).prod);

type FunctionProps = {
  Runtime: string;
  Architectures: string[];
  Handler: string;
  TracingConfig: { Mode: string };
  ReservedConcurrentExecutions: number;
  LoggingConfig: { LogFormat: string; LogGroup: { Ref: string } };
  Environment: { Variables: Record<string, unknown> };
};
type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: { StringEquals?: Record<string, unknown> };
};

const functionsOf = (stage: typeof prod): CartFunction[] => [
  stage.stack.graphql.handler,
  stage.stack.graphql.publicHandler,
  stage.stack.slack.handler,
  stage.stack.alerts.consumer,
  stage.stack.alerts.sweeper,
  stage.stack.alerts.handoffDigest,
  stage.stack.charts.handler,
  stage.stack.live.authorizer,
  stage.stack.live.socket,
  stage.stack.live.fanout,
];
const propsOf = (stage: typeof prod, fn: CartFunction): FunctionProps =>
  propertiesFor(stage, fn.function) as FunctionProps;
const statementsOf = (stage: typeof prod, fn: CartFunction): Statement[] =>
  (propertiesFor(stage, fn.role.policy) as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument
    .Statement;
const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

describe('every function', () => {
  it('exists once per Lambda entry', () => {
    expect(
      functionsOf(prod)
        .map((fn) => fn.lambdaId)
        .sort(),
    ).toEqual([...lambdaIds].sort());
    prod.template.resourceCountIs('AWS::Lambda::Function', lambdaIds.length);
  });

  it.each(lambdaIds)('%s runs Node.js 24 on arm64 with active tracing and its reserved concurrency', (id) => {
    const fn = functionsOf(prod).find((candidate) => candidate.lambdaId === id);
    if (!fn) throw new Error(id);
    const props = propsOf(prod, fn);
    expect(props.Runtime).toBe('nodejs24.x');
    expect(props.Architectures).toEqual(['arm64']);
    expect(props.Handler).toBe('index.handler');
    expect(props.TracingConfig).toEqual({ Mode: 'Active' });
    expect(props.ReservedConcurrentExecutions).toBe(prodConfig.reservedConcurrency[id]);
  });

  it('takes reserved concurrency from the stage config (dev differs from prod)', () => {
    expect(propsOf(dev, dev.stack.graphql.handler).ReservedConcurrentExecutions).toBe(5);
    expect(propsOf(prod, prod.stack.graphql.handler).ReservedConcurrentExecutions).toBe(20);
  });

  it('logs as JSON to its own encrypted log group with the stage retention', () => {
    const operationsKey = logicalIdOf(prod.stack, prod.stack.keys.operations);
    for (const fn of functionsOf(prod)) {
      const props = propsOf(prod, fn);
      const logGroupId = logicalIdOf(prod.stack, fn.logGroup);
      expect(props.LoggingConfig).toEqual({ LogFormat: 'JSON', LogGroup: { Ref: logGroupId } });
      expect(resourceFor(prod, fn.logGroup)).toMatchObject({
        Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [operationsKey, 'Arn'] } },
        DeletionPolicy: 'Retain',
      });
    }
  });

  it('gets the common environment: table (except the public calculators), stage, log level, service name, no source-map parsing at start', () => {
    const tableId = logicalIdOf(prod.stack, prod.stack.episodes.table);
    for (const fn of functionsOf(prod)) {
      const variables = propsOf(prod, fn).Environment.Variables;
      const noTable = fn.lambdaId === 'publicGraphql' || fn.lambdaId === 'liveAuthorizer';
      expect(variables.TABLE_NAME).toEqual(noTable ? undefined : { Ref: tableId });
      expect(variables).toMatchObject({
        STAGE: 'prod',
        LOG_LEVEL: 'INFO',
        POWERTOOLS_SERVICE_NAME: `cart-${fn.lambdaId}`,
      });
      // The bundle's map is read only when an error is described (functions/shared/source-location.ts).
      expect(variables.NODE_OPTIONS).toBeUndefined();
    }
  });

  it('has a role with no inline policy and no AWS managed policy', () => {
    for (const fn of functionsOf(prod)) {
      const role = propertiesFor(prod, fn.role);
      expect(role.Policies).toBeUndefined();
      expect(role.ManagedPolicyArns).toBeUndefined();
    }
    prod.template.resourceCountIs('AWS::IAM::Policy', 0);
  });

  it('is granted exact actions only; the one "*" resource is X-Ray’s', () => {
    for (const fn of functionsOf(prod)) {
      for (const statement of statementsOf(prod, fn)) {
        expect(statement.Effect).toBe('Allow');
        for (const action of actionsOf(statement)) expect(action).not.toContain('*');
        if (statement.Resource === '*') {
          expect(actionsOf(statement).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
        }
        // WebSocket connections exist only at run time: ManageConnections names them by a wildcard.
        if (actionsOf(statement).join() === 'execute-api:ManageConnections')
          expect(JSON.stringify(statement.Resource)).toMatch(/\/graphql\/\*\/@connections\/\*"/);
        else expect(JSON.stringify(statement.Resource)).not.toMatch(/index\/\*|\/\*"/);
      }
    }
  });

  it('may read and write episode items but never delete or scan them; the chart function only read them; the public calculators not at all', () => {
    for (const fn of functionsOf(prod)) {
      const table = statementsOf(prod, fn)
        .flatMap(actionsOf)
        .filter((action) => action.startsWith('dynamodb:'));
      if (fn.lambdaId === 'publicGraphql' || fn.lambdaId === 'liveAuthorizer') {
        expect(table).toEqual([]);
        continue;
      }
      if (fn.lambdaId === 'liveSocket' || fn.lambdaId === 'liveFanout') {
        // Live updates only read episodes; they write and delete only their own connections table.
        const episodesId = logicalIdOf(prod.stack, prod.stack.episodes.table);
        const onEpisodes = statementsOf(prod, fn)
          .filter((statement) => JSON.stringify(statement.Resource).includes(episodesId))
          .flatMap(actionsOf)
          .filter((action) => !/Stream|GetRecords|GetShardIterator/.test(action));
        expect(onEpisodes.sort()).toEqual([...episodeReadActions].sort());
        expect(table).not.toContain('dynamodb:Scan');
        continue;
      }
      const dynamoActions = statementsOf(prod, fn)
        .flatMap(actionsOf)
        .filter(
          (action) => action.startsWith('dynamodb:') && !/Stream|GetRecords|GetShardIterator/.test(action),
        );
      expect(dynamoActions.sort()).toEqual(
        fn.lambdaId === 'charts' ? [...episodeReadActions].sort() : [...episodeStoreActions].sort(),
      );
    }
  });
});

describe('function-specific configuration', () => {
  const env = (stage: typeof prod, fn: CartFunction) => propsOf(stage, fn).Environment.Variables;

  it('GraphQL runs in the stage’s mode', () => {
    expect(env(prod, prod.stack.graphql.handler).GRAPHQL_MODE).toBe('production');
    expect(env(dev, dev.stack.graphql.handler).GRAPHQL_MODE).toBe('development');
    expect(env(prod, prod.stack.graphql.publicHandler).GRAPHQL_MODE).toBe('production');
  });

  it('the public calculators have their own reserved concurrency, apart from the clinicians’ GraphQL', () => {
    expect(propsOf(prod, prod.stack.graphql.publicHandler).ReservedConcurrentExecutions).toBe(5);
    expect(propsOf(prod, prod.stack.graphql.handler).ReservedConcurrentExecutions).toBe(20);
    expect(prod.stack.graphql.publicHandler.function.functionName).not.toBe(
      prod.stack.graphql.handler.function.functionName,
    );
  });

  it('only the Slack function can read the signing secret; alerts and sweeper read the bot token', () => {
    const secretIds = Object.keys(prod.template.findResources('AWS::SecretsManager::Secret'));
    const signing = secretIds.find((id) => id.includes('SigningSecret'));
    const bot = secretIds.find((id) => id.includes('BotToken'));
    const readable = (fn: CartFunction) =>
      statementsOf(prod, fn)
        .filter((statement) => actionsOf(statement).includes('secretsmanager:GetSecretValue'))
        .flatMap((statement) =>
          Array.isArray(statement.Resource) ? (statement.Resource as unknown[]) : [statement.Resource],
        )
        .map((resource) => (resource as { Ref: string }).Ref)
        .sort();
    expect(readable(prod.stack.slack.handler)).toEqual([bot, signing].sort());
    expect(readable(prod.stack.alerts.consumer)).toEqual([bot]);
    expect(readable(prod.stack.alerts.sweeper)).toEqual([bot]);
    expect(readable(prod.stack.graphql.handler)).toEqual([]);
    expect(env(prod, prod.stack.alerts.sweeper)).toMatchObject({ SLACK_BOT_TOKEN_ARN: { Ref: bot } });
    expect(env(prod, prod.stack.alerts.consumer)).toMatchObject({ SLACK_BOT_TOKEN_ARN: { Ref: bot } });
  });

  it('only the functions that ask for charts may invoke the chart function, and they know its name', () => {
    const chartArn = { 'Fn::GetAtt': [logicalIdOf(prod.stack, prod.stack.charts.handler.function), 'Arn'] };
    const invokes = (fn: CartFunction) =>
      statementsOf(prod, fn).filter((statement) => actionsOf(statement).includes('lambda:InvokeFunction'));
    for (const fn of functionsOf(prod)) {
      const asks = ['graphql', 'slack', 'alerts', 'sweeper'].includes(fn.lambdaId);
      expect(invokes(fn).map((statement) => statement.Resource)).toEqual(asks ? [chartArn] : []);
      expect(env(prod, fn).CHART_FUNCTION_NAME).toEqual(
        asks ? { Ref: logicalIdOf(prod.stack, prod.stack.charts.handler.function) } : undefined,
      );
    }
  });

  it('the chart function reads the bot token, never the signing secret, and keeps failed asynchronous renders', () => {
    const chart = prod.stack.charts.handler;
    const secrets = statementsOf(prod, chart).filter((statement) =>
      actionsOf(statement).includes('secretsmanager:GetSecretValue'),
    );
    expect(JSON.stringify(secrets)).toContain('BotToken');
    expect(JSON.stringify(secrets)).not.toContain('SigningSecret');
    const props = propsOf(prod, chart) as FunctionProps & { DeadLetterConfig?: { TargetArn: unknown } };
    expect(props.DeadLetterConfig?.TargetArn).toEqual({
      'Fn::GetAtt': [logicalIdOf(prod.stack, prod.stack.charts.failures), 'Arn'],
    });
  });

  it('decrypts the secrets key only through Secrets Manager', () => {
    const secretsKey = logicalIdOf(prod.stack, prod.stack.keys.secrets);
    const decrypts = statementsOf(prod, prod.stack.slack.handler).filter(
      (statement) =>
        JSON.stringify(statement.Resource) === JSON.stringify({ 'Fn::GetAtt': [secretsKey, 'Arn'] }),
    );
    expect(decrypts).toHaveLength(1);
    expect(decrypts[0]?.Action).toBe('kms:Decrypt');
    expect(Object.keys(decrypts[0]?.Condition?.StringEquals ?? {})).toEqual(['kms:ViaService']);
  });
});
