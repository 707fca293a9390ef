import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule, type GraphQLSchema } from 'graphql';
import {
  createYoga,
  type GraphiQLOptions,
  maskError,
  type MaskError,
  type Plugin,
  type YogaServerInstance,
} from 'graphql-yoga';
import { languageFromAcceptLanguage } from '#rules';
import type { ChartRenderer, GraphQLContext } from '../../schema/context.ts';
import type { EpisodeService } from '../episodes/service.ts';
import type { TeamSettingsService } from '../episodes/team-settings.ts';
import { logger } from '../shared/logger.ts';
import { viewerFromClaims, type Claims } from './claims.ts';
import { nativeFetchAPI } from './native-fetch-api.ts';
import { createRequestLog, type RequestLogger } from './request-log.ts';

/** Renders the GraphiQL page for yoga's options and the ward's date (YYYY-MM-DD). */
export type GraphiQLRenderer = (options: GraphiQLOptions, today: string) => string;

/** What the Lambda handler passes to yoga with each request. */
export type ServerContext = { readonly event: APIGatewayProxyEventV2; readonly lambdaContext: Context };

export type GraphQLServerOptions = {
  /**
   * The schema served: the whole API (schema/index.ts), or the public calculators alone
   * (schema/public.ts in the public function; publicSchemaOf in schema/public-operations.ts
   * derives the same from the whole on the local server).
   */
  readonly schema: GraphQLSchema;
  /** production: no introspection, no GraphiQL, no field suggestions. */
  readonly mode: 'development' | 'production';
  /**
   * Unexpected errors in full (message, stack) in the response: only on the local server. Every
   * deployed stage, development ones included, masks them as "Unexpected error." (the details
   * go to the function's log).
   */
  readonly revealErrors?: boolean;
  /**
   * The GraphiQL page, given the ward's date on every load (the local server's, from
   * ./graphiql.ts); GraphiQL is off when absent, and always in production. The Lambda entry
   * passes none, so its bundle holds no GraphiQL page.
   */
  readonly graphiql?: GraphiQLRenderer | undefined;
  /** The episode service, created once per container. */
  readonly episodes: EpisodeService;
  /** Where the one line per request goes (the function's Powertools logger by default). */
  readonly logger?: RequestLogger;
  /** Episode charts (the chart function); Episode.chart answers CHART_UNAVAILABLE without. */
  readonly charts?: ChartRenderer | undefined;
  /** Team settings (setHandoffTimes); the mutation answers ForbiddenError without. */
  readonly settings?: TeamSettingsService | undefined;
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
  const graphiql = production ? undefined : options.graphiql;
  return createYoga<ServerContext, GraphQLContext>({
    schema: options.schema,
    graphqlEndpoint: '/graphql',
    fetchAPI: nativeFetchAPI,
    landingPage: false,
    // Yoga's own log would print unexpected errors with their messages, as coloured text: the
    // request log writes one JSON line per request instead, without patient data.
    logging: false,
    maskedErrors: { isDev: options.revealErrors === true, maskError: maskUnexpected },
    graphiql: graphiql === undefined ? false : { title: 'CAR-T on-call API' },
    // The date is read on every page load, so the walkthrough follows the ward's calendar.
    ...(graphiql === undefined
      ? {}
      : { renderGraphiQL: (graphiqlOptions) => graphiql(graphiqlOptions, options.episodes.today()) }),
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
      let today: string | undefined;
      return {
        viewer: viewerFromClaims(claimsOf(event)),
        language: languageFromAcceptLanguage(request.headers.get('accept-language')),
        requestId: event.requestContext.requestId,
        episodes: options.episodes,
        rulesConfig: options.episodes.config,
        now,
        today: () => (today ??= options.episodes.today(now)),
        charts: options.charts,
        settings: options.settings,
      };
    },
  });
};
