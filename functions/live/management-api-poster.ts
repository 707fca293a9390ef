import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { ConnectionPoster } from './live-store.ts';

/**
 * Sends graphql-ws messages through API Gateway's management API (PostToConnection); a client that
 * has disconnected answers GoneException, reported as 'gone'. API Gateway closes a connection
 * without a close code, so a protocol violation closes it with the reason logged by the caller.
 */
export const managementApiPoster = (endpoint: string): ConnectionPoster => {
  const client = new ApiGatewayManagementApiClient({ endpoint });
  return {
    post: async (connectionId, message) => {
      try {
        await client.send(
          new PostToConnectionCommand({
            ConnectionId: connectionId,
            Data: new TextEncoder().encode(JSON.stringify(message)),
          }),
        );
        return 'sent';
      } catch (error) {
        if (error instanceof GoneException) return 'gone';
        throw error;
      }
    },
    close: async (connectionId) => {
      try {
        await client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
      } catch (error) {
        if (!(error instanceof GoneException)) throw error;
      }
    },
  };
};
