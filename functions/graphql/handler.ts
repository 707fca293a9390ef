import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createEpisodeService } from '../episodes/create-service.ts';
import { bodyBytes, requestFromEvent, resultFromResponse } from '../shared/http-api-v2.ts';
import { createGraphQLServer } from './yoga.ts';

/** GraphQL Lambda (HTTP API v2): adapts transport only; the schema and yoga do the work. */
const MAX_BODY_BYTES = 64 * 1024;

const yoga = createGraphQLServer({
  mode: process.env.GRAPHQL_MODE === 'development' ? 'development' : 'production',
  // Stack traces only on the local server (functions/local sets STAGE=local), never deployed.
  revealErrors: process.env.STAGE === 'local',
  graphiqlAssetsUrl: process.env.GRAPHIQL_ASSETS_URL,
  graphiqlAuthorization: process.env.GRAPHIQL_DEFAULT_AUTHORIZATION,
  episodes: createEpisodeService(),
});

export const handler = async (
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> => {
  if (bodyBytes(event) > MAX_BODY_BYTES) {
    return {
      statusCode: 413,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errors: [{ message: `Request body larger than ${MAX_BODY_BYTES} bytes` }] }),
    };
  }
  // Both /graphql and /public/graphql reach the same schema; authorisation follows the claims.
  const response = await yoga.fetch(requestFromEvent(event, { pathname: '/graphql' }), {
    event,
    lambdaContext: context,
  });
  return resultFromResponse(response);
};
