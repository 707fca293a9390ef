import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { httpRoutes } from '../../functions/http-routes.ts';
import { roleGroups } from '../../infra/constructs/user-directory.ts';
import { logicalIdOf, propertiesFor, propertiesOfType, resourcesOf, synthStage } from './support/cart-app.ts';

const dev = synthStage('dev');
const prod = synthStage('prod');

type Props = Record<string, unknown>;
/** The HTTP API's routes (the live-updates WebSocket API has its own: $connect, $default, $disconnect). */
const routes = (stage: typeof prod): readonly Props[] => {
  const httpApis = Object.keys(
    stage.template.findResources('AWS::ApiGatewayV2::Api', { Properties: { ProtocolType: 'HTTP' } }),
  );
  return propertiesOfType(stage.template, 'AWS::ApiGatewayV2::Route').filter((route) =>
    httpApis.includes((route.ApiId as { Ref?: string } | undefined)?.Ref ?? ''),
  );
};
const keysOf = (stage: typeof prod): string[] => routes(stage).map((route) => route.RouteKey as string);
const routeByKey = (stage: typeof prod, routeKey: string): Props => {
  const route = routes(stage).find((candidate) => candidate.RouteKey === routeKey);
  if (!route) throw new Error(`no route ${routeKey}`);
  return route;
};
/** The function an HTTP route invokes (logical id), through its integration. */
const functionBehind = (stage: typeof prod, route: Props): string => {
  const integrationId = (route.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })[
    'Fn::Join'
  ][1][1].Ref;
  const integration = resourcesOf(stage.template)[integrationId]?.Properties as {
    IntegrationUri: { 'Fn::GetAtt': [string] };
  };
  return integration.IntegrationUri['Fn::GetAtt'][0];
};

describe('HTTP API routes', () => {
  it('are exactly the routes of functions/http-routes.ts (in production without the development-only ones)', () => {
    const keys = (stage: typeof prod) =>
      routes(stage)
        .map((route) => route.RouteKey as string)
        .sort();
    expect(keys(dev)).toEqual(httpRoutes.map((route) => `${route.method} ${route.path}`).sort());
    expect(keys(prod)).toEqual(
      httpRoutes
        .filter((route) => !route.developmentOnly)
        .map((route) => `${route.method} ${route.path}`)
        .sort(),
    );
  });

  it('GET /graphql (GraphiQL) does not exist in production: every production route without authorizer is a public one', () => {
    expect(keysOf(prod)).not.toContain('GET /graphql');
    expect(keysOf(dev)).toContain('GET /graphql');
    const open = routes(prod)
      .filter((route) => route.AuthorizationType === 'NONE')
      .map((route) => route.RouteKey);
    expect(open.sort()).toEqual(['POST /public/graphql', 'POST /slack/events']);
  });

  it('put the Cognito JWT authorizer on POST /graphql, with the app client as audience', () => {
    const authorizerId = logicalIdOf(prod.stack, prod.stack.http.api.node.findChild('CognitoJwt'));
    const route = routeByKey(prod, 'POST /graphql');
    expect(route.AuthorizationType).toBe('JWT');
    expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalIdOf(prod.stack, prod.stack.users.appClient) }],
        Issuer: {
          'Fn::Join': [
            '',
            [
              'https://cognito-idp.',
              { Ref: 'AWS::Region' },
              '.amazonaws.com/',
              { Ref: logicalIdOf(prod.stack, prod.stack.users.userPool) },
            ],
          ],
        },
      },
    });
    expect(functionBehind(prod, route)).toBe(logicalIdOf(prod.stack, prod.stack.graphql.handler.function));
  });

  it('leave POST /public/graphql without authorizer, on the public calculators’ own function', () => {
    const route = routeByKey(prod, 'POST /public/graphql');
    expect(route.AuthorizationType).toBe('NONE');
    expect(route.AuthorizerId).toBeUndefined();
    expect(functionBehind(prod, route)).toBe(
      logicalIdOf(prod.stack, prod.stack.graphql.publicHandler.function),
    );
    const graphiql = routeByKey(dev, 'GET /graphql');
    expect(graphiql.AuthorizationType).toBe('NONE');
    expect(functionBehind(dev, graphiql)).toBe(logicalIdOf(dev.stack, dev.stack.graphql.handler.function));
  });
});

describe('Slack endpoint', () => {
  const slackFunctionId = logicalIdOf(prod.stack, prod.stack.slack.handler.function);
  const environment = (
    propertiesFor(prod, prod.stack.slack.handler.function) as { Environment: { Variables: Props } }
  ).Environment.Variables;
  const secretIds = Object.keys(prod.template.findResources('AWS::SecretsManager::Secret'));
  const signingSecretId = secretIds.find((id) => id.includes('SigningSecret'));
  const botTokenId = secretIds.find((id) => id.includes('BotToken'));

  it('has no authorizer on POST /slack/events and invokes its own function', () => {
    const route = routeByKey(prod, 'POST /slack/events');
    expect(route.AuthorizationType).toBe('NONE');
    expect(route.AuthorizerId).toBeUndefined();
    expect(functionBehind(prod, route)).toBe(slackFunctionId);
  });

  it('gets the signing secret and bot token from Secrets Manager, by ARN', () => {
    expect(signingSecretId).toBeDefined();
    expect(environment).toMatchObject({
      SLACK_SIGNING_SECRET_ARN: { Ref: signingSecretId },
      SLACK_BOT_TOKEN_ARN: { Ref: botTokenId },
      SLACK_COMMAND: '/cart',
    });
    expect(JSON.stringify(environment)).not.toMatch(/xox[bp]-/);
  });

  it('encrypts both secrets with the stage’s secrets key', () => {
    const secretsKeyId = logicalIdOf(prod.stack, prod.stack.keys.secrets);
    for (const secret of propertiesOfType(prod.template, 'AWS::SecretsManager::Secret')) {
      expect(secret.KmsKeyId).toEqual({ 'Fn::GetAtt': [secretsKeyId, 'Arn'] });
    }
  });
});

describe('HTTP API default stage', () => {
  it('throttles each route with the stage config, the anonymous calculators lower, and writes JSON access logs to an encrypted log group', () => {
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      RouteSettings: { 'POST /public/graphql': { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 } },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HttpAccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('"routeKey":"\\$context.routeKey"'),
      },
    });
    prod.template.hasResourceProperties('AWS::Logs::LogGroup', {
      KmsKeyId: { 'Fn::GetAtt': [logicalIdOf(prod.stack, prod.stack.keys.operations), 'Arn'] },
      RetentionInDays: 365,
    });
  });

  it('creates the public route before the stage that throttles it by its key', () => {
    const [publicRoute] =
      [...prod.stack.http.routes].find(([route]) => route.lambda === 'publicGraphql') ?? [];
    const created = publicRoute && prod.stack.http.routes.get(publicRoute);
    if (!created) throw new Error('no public route');
    const stage = resourcesOf(prod.template)[logicalIdOf(prod.stack, prod.stack.http.stage)] as {
      DependsOn?: string[];
    };
    expect(stage.DependsOn).toContain(logicalIdOf(prod.stack, created));
  });

  it('allows CORS only from the configured origins', () => {
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['http://localhost:4000', 'http://localhost:5173'],
      }),
    });
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });
});

describe('Cognito user pool', () => {
  it('requires MFA, admin-created accounts, a strong password policy and threat protection', () => {
    prod.template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('creates the role groups; team groups are left to administrators', () => {
    const names = (
      propertiesOfType(prod.template, 'AWS::Cognito::UserPoolGroup') as readonly { GroupName: string }[]
    ).map((group) => group.GroupName);
    expect(names.sort()).toEqual(['role:clinician', 'role:nurse', 'role:viewer']);
    expect(roleGroups.map((group) => group.groupName).sort()).toEqual(names);
  });

  it('has a public SRP client for the frontend; password auth only where the stage allows it', () => {
    prod.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']),
    });
  });
});

describe('stack outputs', () => {
  const apiId = logicalIdOf(prod.stack, prod.stack.http.api);
  const endpointWith = (path: string) => ({
    'Fn::Join': ['', [{ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }, path]],
  });

  it('give the GraphQL URL and the Slack request URL on the default stage', () => {
    prod.template.hasOutput('GraphqlUrl', { Value: endpointWith('/graphql') });
    prod.template.hasOutput('PublicGraphqlUrl', { Value: endpointWith('/public/graphql') });
    prod.template.hasOutput('SlackRequestUrl', { Value: endpointWith('/slack/events') });
  });

  it('give what an administrator needs: user pool, app client, secret ARNs', () => {
    const outputs = Object.keys(prod.template.findOutputs('*'));
    expect(outputs).toEqual(
      expect.arrayContaining(['UserPoolId', 'UserPoolClientId', 'SlackSigningSecretArn', 'SlackBotTokenArn']),
    );
  });
});
