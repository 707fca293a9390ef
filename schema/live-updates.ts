import type { AlertRecord, GradingRecord } from '#episodes';
import type { Viewer } from './context.ts';

/**
 * What a live-updates subscriber receives: a new grading, a new alert, or an alert's
 * acknowledgement, as the episodes table's stream carries them, with the episode's team.
 */
export type EpisodeUpdateEvent =
  | {
      readonly kind: 'GRADING_ADDED';
      readonly episodeId: string;
      readonly team: string;
      readonly grading: GradingRecord;
    }
  | {
      readonly kind: 'ALERT_RAISED';
      readonly episodeId: string;
      readonly team: string;
      readonly alert: AlertRecord;
    }
  | {
      readonly kind: 'ALERT_ACKNOWLEDGED';
      readonly episodeId: string;
      readonly team: string;
      readonly alert: AlertRecord;
    };

/** What a subscription listens to: one episode, or every episode of one team. */
export type UpdateTopic =
  { readonly kind: 'episode'; readonly episodeId: string } | { readonly kind: 'team'; readonly team: string };

/** The one string a topic is stored and matched under ("episode:EP-12", "team:demo"). */
export const topicKey = (topic: UpdateTopic): string =>
  topic.kind === 'episode' ? `episode:${topic.episodeId}` : `team:${topic.team}`;

/** The topics an update is published to: its episode's and its team's. */
export const topicsOf = (event: EpisodeUpdateEvent): UpdateTopic[] => [
  { kind: 'episode', episodeId: event.episodeId },
  { kind: 'team', team: event.team },
];

/**
 * Checked again on every delivery, not only at subscription: an update reaches a viewer only
 * while the viewer is a member of the episode's team.
 */
export const visibleTo = (event: EpisodeUpdateEvent, viewer: Viewer | null): boolean =>
  viewer?.teams.includes(event.team) === true;

/**
 * Where subscriptions get their updates: in one process, an in-memory feed of the stream; on
 * Lambda, a recorder that keeps the topic so the subscription can be stored for the stream's
 * fan-out.
 */
export type UpdateSource = {
  subscribe(topic: UpdateTopic): AsyncIterable<EpisodeUpdateEvent>;
};
