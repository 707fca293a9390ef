import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { GraphQLSchema } from 'graphql';
import { chartInvokerFromEnv } from '../charts/chart-port.ts';
import { graphqlChartRenderer } from '../charts/graphql-renderer.ts';
import { createEpisodeService } from '../episodes/create-service.ts';
import { STORE_DEADLINES, withStoreDeadline } from '../episodes/deadline.ts';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { TeamSettingsService } from '../episodes/team-settings.ts';
import { TeamSettingsRepository } from '../episodes/team-settings-repository.ts';
import { bodyBytes, requestFromEvent, resultFromResponse } from '../shared/http-api-v2.ts';
import { createGraphQLServer, type GraphiQLRenderer } from './yoga.ts';

const MAX_BODY_BYTES = 64 * 1024;

export type GraphQLHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The GraphQL handler (HTTP API v2), configured from the environment: adapts transport only; the
 * schema and yoga do the work. `schema` is the whole API (handler.ts) or the public calculators
 * alone (public-handler.ts); `graphiql` is the local server's page (the Lambda entries have none).
 */
export const createGraphQLHandler = (schema: GraphQLSchema, graphiql?: GraphiQLRenderer): GraphQLHandler => {
  const yoga = createGraphQLServer({
    schema,
    mode: process.env.GRAPHQL_MODE === 'development' ? 'development' : 'production',
    // Stack traces only on the local server (functions/local sets STAGE=local), never deployed.
    revealErrors: process.env.STAGE === 'local',
    graphiql,
    episodes: createEpisodeService(),
    // The chart function by Lambda Invoke (CHART_FUNCTION_NAME), or in process on the local system.
    charts: graphqlChartRenderer(() => chartInvokerFromEnv()),
    // setHandoffTimes (HANDOFF-1): the team settings in the same table.
    settings: new TeamSettingsService(
      new TeamSettingsRepository(
        createDocumentClient(process.env.DYNAMODB_ENDPOINT),
        process.env.TABLE_NAME ?? episodesTable.defaultName,
      ),
    ),
  });
  return async (event, context) => {
    if (bodyBytes(event) > MAX_BODY_BYTES) {
      return {
        statusCode: 413,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ errors: [{ message: `Request body larger than ${MAX_BODY_BYTES} bytes` }] }),
      };
    }
    // Both routes are served as /graphql by their own function; authorisation follows the claims.
    // Every store call made for this request stops within the GraphQL deadline (deadline.ts).
    const response = await withStoreDeadline(Date.now() + STORE_DEADLINES.graphql, async () =>
      yoga.fetch(requestFromEvent(event, { pathname: '/graphql' }), { event, lambdaContext: context }),
    );
    return resultFromResponse(response);
  };
};
