import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { EpisodeRepository } from '../episodes/repository.ts';
import { LRUCache } from '../shared/lru-cache.ts';
import type { InProcessUpdates } from '../live/in-process-updates.ts';
import { updatesFromStream } from '../live/stream-updates.ts';

/** Stream records and acknowledgements remembered, so a retried batch publishes nothing twice. */
const REMEMBERED = 10_000;

/**
 * The local stream poller's second reader: each batch's new gradings, alerts and acknowledgements
 * are published to the in-process subscribers (deployed, the fan-out function reads the stream).
 * Never throws: a failure is logged and the alert pipeline's batch goes on.
 */
export const createLiveFeed = (options: {
  readonly repository: Pick<EpisodeRepository, 'loadHead'>;
  readonly updates: Pick<InProcessUpdates, 'publish'>;
  readonly log?: (message: string) => void;
}): ((event: DynamoDBStreamEvent) => Promise<void>) => {
  const seen = new LRUCache<string, true>({ max: REMEMBERED });
  const firstTime = (key: string): boolean => {
    if (seen.get(key)) return false;
    seen.set(key, true);
    return true;
  };
  return async (event) => {
    try {
      const fresh = event.Records.filter((record) =>
        firstTime(`seq:${record.eventSourceARN ?? ''}:${record.dynamodb?.SequenceNumber ?? ''}`),
      );
      const updates = await updatesFromStream(fresh, {
        teamOf: async (episodeId) => (await options.repository.loadHead(episodeId))?.team,
        firstNotice: (key) => Promise.resolve(firstTime(key)),
      });
      for (const update of updates) options.updates.publish(update);
    } catch (error) {
      (options.log ?? console.error)(`live updates: ${String(error)}`);
    }
  };
};
