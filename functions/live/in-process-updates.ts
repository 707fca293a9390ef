import { EventEmitter, on } from 'node:events';
import {
  topicKey,
  topicsOf,
  type EpisodeUpdateEvent,
  type UpdateSource,
  type UpdateTopic,
} from '../../schema/live-updates.ts';

export type InProcessUpdates = UpdateSource & {
  /** Hands an update to every subscriber of its episode and of its team. */
  publish(event: EpisodeUpdateEvent): void;
  /** Subscribers listening now (all topics). */
  subscriberCount(): number;
};

/**
 * Live updates within one process (the local server): the stream poller publishes, each
 * WebSocket subscription iterates. Ending a subscription removes its listener at once.
 */
export const createInProcessUpdates = (): InProcessUpdates => {
  const emitter = new EventEmitter();
  // One listener per open subscription: there is no meaningful limit to warn about.
  emitter.setMaxListeners(0);
  return {
    publish: (event) => {
      for (const topic of topicsOf(event)) emitter.emit(topicKey(topic), event);
    },
    subscriberCount: () =>
      emitter.eventNames().reduce((count, name) => count + emitter.listenerCount(name), 0),
    subscribe: (topic: UpdateTopic): AsyncIterable<EpisodeUpdateEvent> => {
      const source = on(emitter, topicKey(topic)) as AsyncIterableIterator<[EpisodeUpdateEvent]>;
      const iterator: AsyncIterableIterator<EpisodeUpdateEvent> = {
        next: async () => {
          const step = await source.next();
          return step.done === true
            ? { done: true, value: undefined }
            : { done: false, value: step.value[0] };
        },
        return: async () => {
          await source.return?.();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
};
