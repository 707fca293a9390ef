import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, maskError, type MaskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { languageFromAcceptLanguage } from '#rules';
import { schema, type GraphQLContext } from '../../schema/index.ts';
import type { EpisodeService } from '../episodes/service.ts';
import { viewerFromClaims, type Claims } from './claims.ts';
import { graphiqlPage } from './graphiql-page.ts';
import { graphiqlWalkthrough } from './graphiql-walkthrough.ts';

/** What the Lambda handler passes to yoga with each request. */
export type ServerContext = { readonly event: APIGatewayProxyEventV2; readonly lambdaContext: Context };

export type GraphQLServerOptions = {
  /** production: no introspection, no GraphiQL, no field suggestions. */
  readonly mode: 'development' | 'production';
  /**
   * Unexpected errors in full (message, stack) in the response: only on the local server. Every
   * deployed stage, development ones included, masks them as "Unexpected error." (the details
   * go to the function's log).
   */
  readonly revealErrors?: boolean;
  /** Where GraphiQL's assets are served; GraphiQL is off when absent (and always in production). */
  readonly graphiqlAssetsUrl?: string | undefined;
  /** An Authorization header GraphiQL starts with (the local dev token). */
  readonly graphiqlAuthorization?: string | undefined;
  /** The episode service, created once per container. */
  readonly episodes: EpisodeService;
};

/** Claims that API Gateway's JWT authorizer (or the local server, in its place) verified. */
const claimsOf = (event: APIGatewayProxyEventV2): Claims | undefined =>
  (event.requestContext as { authorizer?: { jwt?: { claims?: Claims } } }).authorizer?.jwt?.claims;

const disableIntrospection: Plugin = {
  onValidate: ({ addValidationRule }) => {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

/**
 * A GraphQLError a resolver threw on purpose (a safe message with an extensions.code, e.g.
 * BAD_USER_INPUT, STORE_UNAVAILABLE), recognised by shape so that a second copy of graphql-js
 * (ESM beside CJS) cannot turn it into "Unexpected error."; anything else is masked as usual.
 */
const isDeliberate = (error: unknown): boolean => {
  const original = (error as { originalError?: unknown } | null)?.originalError as
    { name?: unknown; originalError?: unknown; extensions?: { code?: unknown } } | null | undefined;
  return (
    original?.name === 'GraphQLError' &&
    original.originalError == null &&
    typeof original.extensions?.code === 'string'
  );
};

const maskUnexpected: MaskError = (error, message, isDev) =>
  isDeliberate(error) ? (error as Error) : maskError(error, message, isDev);

/** The yoga instance, on its own so tests can call `yoga.fetch` without a network. */
export const createGraphQLServer = (
  options: GraphQLServerOptions,
): YogaServerInstance<ServerContext, GraphQLContext> => {
  const production = options.mode === 'production';
  const graphiql = !production && options.graphiqlAssetsUrl !== undefined;
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: production ? 'warn' : 'info',
    maskedErrors: { isDev: options.revealErrors === true, maskError: maskUnexpected },
    graphiql: graphiql
      ? {
          title: 'CAR-T on-call API',
          defaultQuery: graphiqlWalkthrough(options.episodes.today()),
          ...(options.graphiqlAuthorization
            ? { headers: JSON.stringify({ Authorization: options.graphiqlAuthorization }, null, 2) }
            : {}),
        }
      : false,
    ...(graphiql && options.graphiqlAssetsUrl
      ? { renderGraphiQL: graphiqlPage(options.graphiqlAssetsUrl) }
      : {}),
    plugins: [
      EnvelopArmorPlugin({
        // Result unions put an inline fragment on every episode read: fragments add no depth or cost.
        maxDepth: { n: 10, flattenFragments: true },
        maxAliases: { n: 15 },
        costLimit: { maxCost: 5000, flattenFragments: true },
        maxTokens: { n: 2000 },
        maxDirectives: { n: 20 },
        blockFieldSuggestion: { enabled: production },
      }),
      ...(production ? [disableIntrospection] : []),
    ],
    context: ({ request, event }): GraphQLContext => {
      const now = options.episodes.now();
      return {
        viewer: viewerFromClaims(claimsOf(event)),
        language: languageFromAcceptLanguage(request.headers.get('accept-language')),
        requestId: event.requestContext.requestId,
        episodes: options.episodes,
        rulesConfig: options.episodes.config,
        now,
        today: options.episodes.today(now),
      };
    },
  });
};
