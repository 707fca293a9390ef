import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { languageFromAcceptLanguage } from '#rules';
import { createEpisodeService } from '../episodes/create-service.ts';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import { logger } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import { DynamoDbLiveStore } from './dynamodb-live-store.ts';
import { managementApiPoster } from './management-api-poster.ts';
import { acceptedProtocol, connect, handleMessage, type ProtocolDeps } from './socket-protocol.ts';

/** The WebSocket event fields this function reads ($connect, $disconnect, $default). */
type SocketEvent = {
  readonly requestContext: {
    readonly routeKey: string;
    readonly connectionId: string;
    readonly authorizer?: { readonly sub?: string; readonly groups?: string };
  };
  readonly headers?: Readonly<Record<string, string | undefined>>;
  readonly body?: string;
};

const deps = once((): ProtocolDeps => ({
  store: new DynamoDbLiveStore(createDocumentClient(), process.env.LIVE_TABLE_NAME ?? ''),
  poster: managementApiPoster(process.env.LIVE_CONNECTIONS_ENDPOINT ?? ''),
  episodes: createEpisodeService(),
  production: process.env.GRAPHQL_MODE !== 'development',
  log: (message, details) => {
    logger.info(message, details);
  },
}));

const header = (event: SocketEvent, name: string): string | undefined =>
  Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];

/**
 * Live updates over the graphql-ws protocol on API Gateway's WebSocket API: $connect stores the
 * connection with the claims its authorizer verified and answers the graphql-ws subprotocol;
 * $default handles each graphql-ws message; $disconnect removes the connection.
 */
export const handler = async (event: SocketEvent): Promise<APIGatewayProxyResultV2> => {
  const { routeKey, connectionId, authorizer } = event.requestContext;
  if (routeKey === '$connect') {
    const protocol = acceptedProtocol(header(event, 'sec-websocket-protocol'));
    if (!protocol || !authorizer?.sub) return { statusCode: protocol ? 401 : 400 };
    await connect(deps(), {
      connectionId,
      claims: { sub: authorizer.sub, 'cognito:groups': authorizer.groups ?? '[]' },
      language: languageFromAcceptLanguage(header(event, 'accept-language')),
    });
    return { statusCode: 200, headers: { 'Sec-WebSocket-Protocol': protocol } };
  }
  if (routeKey === '$disconnect') {
    await deps().store.deleteConnection(connectionId);
    return { statusCode: 200 };
  }
  await handleMessage(deps(), connectionId, event.body);
  return { statusCode: 200 };
};
