import type { Server } from 'node:http';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createEpisodeService } from '../episodes/create-service.ts';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import { EpisodeRepository } from '../episodes/repository.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { createInProcessUpdates } from '../live/in-process-updates.ts';
import { createLiveFeed } from './live-feed.ts';
import { attachLiveSocket, type LiveSocketOptions } from './live-socket.ts';

export type LocalLiveUpdates = {
  /** Reads a stream batch for the subscribers (the stream poller calls it with each batch). */
  readonly feed: (event: DynamoDBStreamEvent) => Promise<void>;
  close(): Promise<void>;
};

/**
 * Live updates on the local server, configured from the environment like the handlers: WebSocket
 * subscriptions on /graphql, fed from the table's stream by the local stream poller.
 */
export const startLocalLiveUpdates = (
  server: Server,
  verifyBearer: LiveSocketOptions['verifyBearer'],
): LocalLiveUpdates => {
  const updates = createInProcessUpdates();
  const socket = attachLiveSocket(server, { verifyBearer, episodes: createEpisodeService(), updates });
  const repository = new EpisodeRepository(
    createDocumentClient(process.env.DYNAMODB_ENDPOINT),
    process.env.TABLE_NAME ?? episodesTable.defaultName,
  );
  return { feed: createLiveFeed({ repository, updates }), close: () => socket.close() };
};
