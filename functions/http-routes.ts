/**
 * The HTTP API's routes, in one place: the CDK app creates exactly these routes, and the local
 * server routes and authorises requests by the same table, so local and deployed behave alike.
 * Plain data: no imports.
 */
export type RouteAuth =
  /** API Gateway's JWT authorizer (Cognito) verifies the bearer token; resolvers read its claims. */
  | 'jwt'
  /** No authorizer: the handler authorises in code (public calculators, Slack signatures). */
  | 'none';

export type LambdaName = 'graphql' | 'publicGraphql' | 'slack';

export type HttpRoute = {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly lambda: LambdaName;
  readonly auth: RouteAuth;
  readonly purpose: string;
  /** Only where GraphQL runs in development mode (the local server, dev stages); never in production. */
  readonly developmentOnly?: true;
};

export const httpRoutes: readonly HttpRoute[] = [
  {
    method: 'POST',
    path: '/graphql',
    lambda: 'graphql',
    auth: 'jwt',
    purpose: 'GraphQL for signed-in users: episodes and calculators',
  },
  {
    method: 'GET',
    path: '/graphql',
    lambda: 'graphql',
    auth: 'none',
    purpose: 'GraphiQL page (development stages only)',
    developmentOnly: true,
  },
  {
    method: 'POST',
    path: '/public/graphql',
    lambda: 'publicGraphql',
    auth: 'none',
    purpose: 'GraphQL without login: calculators and reference data only',
  },
  {
    method: 'POST',
    path: '/slack/events',
    lambda: 'slack',
    auth: 'none',
    purpose: 'Slack commands, interactivity and events (Slack signature verified in code)',
  },
];
