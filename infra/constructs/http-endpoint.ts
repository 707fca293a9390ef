import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  CfnStage,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
  type HttpRoute as CdkHttpRoute,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { type HttpRoute, type LambdaName, httpRoutes } from '../../functions/http-routes.ts';
import type { StageConfig } from '../config/stage-config.ts';
import { controlTowerRule } from '../control-tower.ts';
import { encryptedLogGroup } from './encrypted-log-group.ts';

/**
 * Why each route without the JWT authorizer is safe without it (AwsSolutions-APIG4). A new
 * public route in functions/http-routes.ts fails the synth until its reason is written here.
 */
export const publicRouteReasons: Readonly<Record<string, string>> = {
  'GET /graphql':
    'Serves the GraphiQL page, only in development stages (the route does not exist in production). Any operation sent here runs with no claims, and the resolvers (scope-auth on the verified claims) then allow only the public calculators and reference data, exactly as on /public/graphql.',
  'POST /public/graphql':
    'Public calculators and reference data for clinicians who are not signed in; requests carry no claims, so the resolvers refuse every episode query and mutation, and the function behind the route has no permission on the episodes table. Protected by its own route throttle, its own reserved concurrency and the body size limit in the function.',
  'POST /slack/events':
    'Slack cannot present a Cognito JWT. Bolt verifies every request with the Slack signing secret (HMAC-SHA256 over timestamp and body, 5-minute replay window) before any listener runs, and API Gateway authorizers cannot see the body the signature covers.',
};

/** Access log fields: who called which route with what outcome. No bodies, no query strings. */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    sourceIp: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    userSub: '$context.authorizer.claims.sub',
  }),
);

export type HttpEndpointProps = {
  readonly config: StageConfig;
  /** The function behind each Lambda name used in functions/http-routes.ts. */
  readonly handlers: Readonly<Record<LambdaName, IFunction>>;
  readonly userPool: IUserPool;
  readonly appClient: IUserPoolClient;
  readonly logsKey: IKey;
};

/**
 * The HTTP API: exactly the routes of functions/http-routes.ts, the Cognito JWT authorizer on
 * the routes marked `jwt` (audience: the frontend app client), CORS for the stage's origins,
 * throttling and JSON access logs on the default stage.
 */
export class HttpEndpoint extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly routes: ReadonlyMap<HttpRoute, CdkHttpRoute>;

  constructor(scope: Construct, id: string, props: HttpEndpointProps) {
    super(scope, id);
    const { config } = props;
    this.api = new HttpApi(this, 'Api', {
      apiName: `cart-oncall-${config.stage}`,
      description: `CAR-T on-call ${config.stage}: GraphQL and Slack endpoints`,
      createDefaultStage: false,
      ...(config.corsOrigins.length > 0 && {
        corsPreflight: {
          allowOrigins: [...config.corsOrigins],
          allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
          allowHeaders: ['authorization', 'content-type'],
          maxAge: Duration.hours(1),
        },
      }),
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.throttle.rateLimit, burstLimit: config.throttle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(encryptedLogGroup(this, 'AccessLogs', config, props.logsKey)),
        format: accessLogFormat,
      },
    });

    const jwtAuthorizer = new HttpUserPoolAuthorizer('CognitoJwt', props.userPool, {
      userPoolClients: [props.appClient],
      identitySource: ['$request.header.Authorization'],
    });
    const integrations = new Map<LambdaName, HttpLambdaIntegration>();
    const integrationFor = (name: LambdaName): HttpLambdaIntegration => {
      let integration = integrations.get(name);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${name}Integration`, props.handlers[name]);
        integrations.set(name, integration);
      }
      return integration;
    };

    const routes = new Map<HttpRoute, CdkHttpRoute>();
    for (const route of deployedRoutes(config)) {
      const authorizer: IHttpRouteAuthorizer =
        route.auth === 'jwt' ? jwtAuthorizer : new HttpNoneAuthorizer();
      const [created] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationFor(route.lambda),
        authorizer,
      });
      if (!created) throw new Error(`route ${route.method} ${route.path} was not created`);
      if (route.auth === 'none') acknowledgePublicRoute(created, route);
      Validations.of(created).acknowledge({
        id: controlTowerRule('lambda_function_public_access_prohibited_check'),
        reason: integrationPermissionReason,
      });
      routes.set(route, created);
    }
    this.routes = routes;
    this.throttlePublicRoutes(config);
  }

  /**
   * Each route of the stage is throttled separately at the stage's default; the anonymous routes
   * get their own lower limits, so anonymous traffic is refused (429) long before it could slow
   * the clinicians' routes or the functions behind them.
   */
  private throttlePublicRoutes(config: StageConfig): void {
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const [route, created] of this.routes) {
      if (route.lambda !== 'publicGraphql') continue;
      // The stage names the route by its key: CloudFormation must create the route first.
      this.stage.node.addDependency(created);
      routeSettings[`${route.method} ${route.path}`] = {
        ThrottlingRateLimit: config.throttle.publicRateLimit,
        ThrottlingBurstLimit: config.throttle.publicBurstLimit,
      };
    }
    (this.stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);
  }

  /** The URL of a route on the default stage (the value to give clients and Slack). */
  urlOf(path: string): string {
    return `${this.api.apiEndpoint}${path}`;
  }
}

/** The routes a stage deploys: the development-only ones (GraphiQL) never where GraphQL runs in production. */
export const deployedRoutes = (config: StageConfig): readonly HttpRoute[] =>
  httpRoutes.filter((route) => !(route.developmentOnly && config.graphqlMode === 'production'));

const acknowledgePublicRoute = (route: CdkHttpRoute, definition: HttpRoute): void => {
  const key = `${definition.method} ${definition.path}`;
  const reason = publicRouteReasons[key];
  if (reason === undefined) {
    throw new Error(`route ${key} has no authorizer and no written reason in publicRouteReasons`);
  }
  Validations.of(route).acknowledge(
    { id: 'AwsSolutions-APIG4', reason },
    { id: controlTowerRule('api_gw_v2_authorization_type_configured_check'), reason },
  );
};

/** Why the API's permission to invoke a function is not public (CT.LAMBDA.PR.2). */
const integrationPermissionReason =
  "The permission lets only API Gateway invoke the function, and only for this route of this HTTP API: its SourceArn is the route's execute-api ARN (region, account, API id, route path). The control accepts a SourceArn only as a literal string or a local reference, and this ARN is necessarily built with Fn::Join from the API's id.";
