import { execute, parse } from 'graphql';
import { MessageType } from 'graphql-ws';
import type { EpisodeService } from '#episodes';
import { schema } from '../../schema/index.ts';
import { topicKey, topicsOf, visibleTo, type EpisodeUpdateEvent } from '../../schema/live-updates.ts';
import { forEachBounded } from '../alerts/bounded-concurrency.ts';
import { viewerFromClaims } from '../graphql/claims.ts';
import type { ConnectionPoster, LiveStore, LiveSubscription } from './live-store.ts';
import { formattedResult } from './results.ts';
import { subscriptionContext } from './subscription-context.ts';

export type FanOutDeps = {
  readonly store: LiveStore;
  readonly poster: ConnectionPoster;
  readonly episodes: EpisodeService;
  readonly log: (message: string, details: Record<string, unknown>) => void;
  /** Posts in flight at once (default 10). */
  readonly concurrency?: number;
};

export type FanOutReport = { readonly sent: number; readonly gone: number; readonly failed: number };

/** The source stream of a stored subscription yields this one update: its field resolves to it. */
const resultFor = async (deps: FanOutDeps, subscription: LiveSubscription, update: EpisodeUpdateEvent) =>
  formattedResult(
    await execute({
      schema,
      document: parse(subscription.query),
      rootValue: update,
      variableValues: subscription.variables,
      operationName: subscription.operationName,
      contextValue: subscriptionContext({
        viewer: viewerFromClaims(subscription.claims),
        language: subscription.language,
        requestId: `${subscription.connectionId}:${subscription.id}`,
        episodes: deps.episodes,
        // Stored subscriptions receive updates from here, not from a source of their own.
        updates: {
          subscribe: () => ({
            [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
          }),
        },
      }),
    }),
    deps.log,
  );

/**
 * Sends each update to the subscribers of its episode and of its team (one Query per topic), as a
 * graphql-ws `next` message with the subscription's own selection, executed for the subscriber's
 * viewer. An update a subscriber may no longer see (no longer in the team) is not sent. A client
 * that has gone is removed with its subscriptions; any other failure is logged and skipped (the
 * update stays readable through queries), so one client never holds up the others or the shard.
 */
export const fanOut = async (
  deps: FanOutDeps,
  updates: readonly EpisodeUpdateEvent[],
): Promise<FanOutReport> => {
  let sent = 0;
  let failed = 0;
  const gone = new Set<string>();
  for (const update of updates) {
    const subscriptions = (
      await Promise.all(topicsOf(update).map((topic) => deps.store.subscribersOf(topicKey(topic))))
    ).flat();
    await forEachBounded(subscriptions, deps.concurrency ?? 10, async (subscription) => {
      if (gone.has(subscription.connectionId)) return;
      if (!visibleTo(update, viewerFromClaims(subscription.claims))) return;
      try {
        const payload = await resultFor(deps, subscription, update);
        const outcome = await deps.poster.post(subscription.connectionId, {
          id: subscription.id,
          type: MessageType.Next,
          payload,
        });
        if (outcome === 'gone') gone.add(subscription.connectionId);
        else sent += 1;
      } catch (error) {
        failed += 1;
        deps.log('live update not sent', {
          connectionId: subscription.connectionId,
          episodeId: update.episodeId,
          kind: update.kind,
          error: String(error),
        });
      }
    });
  }
  for (const connectionId of gone) await deps.store.deleteConnection(connectionId);
  return { sent, gone: gone.size, failed };
};
