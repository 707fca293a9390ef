import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createEpisodeService } from '../episodes/create-service.ts';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import { EpisodeRepository } from '../episodes/repository.ts';
import { episodesTable } from '../episodes/table-definition.ts';
import { logger } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import { DynamoDbLiveStore } from './dynamodb-live-store.ts';
import { fanOut, type FanOutDeps } from './fan-out.ts';
import { managementApiPoster } from './management-api-poster.ts';
import { updatesFromStream } from './stream-updates.ts';

const setup = once(() => {
  const client = createDocumentClient();
  const deps: FanOutDeps = {
    store: new DynamoDbLiveStore(client, process.env.LIVE_TABLE_NAME ?? ''),
    poster: managementApiPoster(process.env.LIVE_CONNECTIONS_ENDPOINT ?? ''),
    episodes: createEpisodeService(),
    log: (message, details) => {
      logger.warn(message, details);
    },
  };
  const repository = new EpisodeRepository(client, process.env.TABLE_NAME ?? episodesTable.defaultName);
  return { deps, repository };
});

/**
 * Live-updates fan-out: new gradings, alerts and acknowledgements from the episodes table's stream
 * to the WebSocket subscribers of their episode and team. Best effort: what cannot be sent is
 * logged and stays readable through queries; nothing is retried through the stream (a retry would
 * send the rest of the batch twice).
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  const { deps, repository } = setup();
  const updates = await updatesFromStream(event.Records, {
    teamOf: async (episodeId) => (await repository.loadHead(episodeId))?.team,
    firstNotice: (key) => deps.store.firstNotice(key),
  });
  const report = await fanOut(deps, updates);
  logger.info('live updates', { records: event.Records.length, updates: updates.length, ...report });
};
