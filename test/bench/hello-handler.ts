import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * The smallest HTTP API handler: the cold-start bench bundles it exactly as the functions are
 * bundled (the same esbuild options, banner included) and compares every handler with it, so what
 * is left is each function's own cost above Node's start.
 */
export const handler = (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> =>
  Promise.resolve({
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hello: 'world', path: event.rawPath }),
  });
