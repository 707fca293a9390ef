import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, maskError, type MaskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { languageFromAcceptLanguage } from '#rules';
import { schema, type GraphQLContext } from '../../schema/index.ts';
import type { EpisodeService } from '../episodes/service.ts';
import { logger } from '../shared/logger.ts';
import { viewerFromClaims, type Claims } from './claims.ts';
import { graphiqlPage, type GraphiQLStart } from './graphiql-page.ts';
import { graphiqlWalkthrough } from './graphiql-walkthrough.ts';
import { nativeFetchAPI } from './native-fetch-api.ts';
import { createRequestLog, type RequestLogger } from './request-log.ts';

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
  /** Where the one line per request goes (the function's Powertools logger by default). */
  readonly logger?: RequestLogger;
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

/** The yoga instance, on its own so tests can call `yoga.fetch` without a network. */
export const createGraphQLServer = (
  options: GraphQLServerOptions,
): YogaServerInstance<ServerContext, GraphQLContext> => {
  const production = options.mode === 'production';
  const requestLog = createRequestLog(options.logger ?? logger);
  const maskUnexpected: MaskError = (error, message, isDev) => {
    if (isDeliberate(error)) return error as Error;
    const masked = maskError(error, message, isDev);
    return masked === error ? masked : requestLog.unexpected(masked, error);
  };
  const graphiqlAssetsUrl = production ? undefined : options.graphiqlAssetsUrl;
  // Read on every page load, so the walkthrough's dates follow the ward's calendar.
  const graphiqlStart = (): GraphiQLStart => ({
    query: graphiqlWalkthrough(options.episodes.today()),
    headers: options.graphiqlAuthorization
      ? JSON.stringify({ Authorization: options.graphiqlAuthorization }, null, 2)
      : undefined,
  });
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    fetchAPI: nativeFetchAPI,
    landingPage: false,
    // Yoga's own log would print unexpected errors with their messages, as coloured text: the
    // request log writes one JSON line per request instead, without patient data.
    logging: false,
    maskedErrors: { isDev: options.revealErrors === true, maskError: maskUnexpected },
    graphiql: graphiqlAssetsUrl === undefined ? false : { title: 'CAR-T on-call API' },
    ...(graphiqlAssetsUrl === undefined
      ? {}
      : { renderGraphiQL: graphiqlPage(graphiqlAssetsUrl, graphiqlStart) }),
    plugins: [
      requestLog.plugin,
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
