import type { AttributeValue as LambdaAttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AlertRecord, GradingRecord } from '#episodes';
import type { EpisodeUpdateEvent } from '../../schema/live-updates.ts';

/**
 * An update a stream record carries, before its team is known (a grading item does not hold it):
 * a new grading (INSERT of `GRADE#…`), a new alert (INSERT of `ALERT#…`), or an acknowledgement
 * (MODIFY of an alert that sets `acknowledgedAt`). Every other item and change is no update.
 */
export type StreamUpdate =
  | { readonly kind: 'GRADING_ADDED'; readonly episodeId: string; readonly grading: GradingRecord }
  | { readonly kind: 'ALERT_RAISED'; readonly episodeId: string; readonly alert: AlertRecord }
  | { readonly kind: 'ALERT_ACKNOWLEDGED'; readonly episodeId: string; readonly alert: AlertRecord };

type DeliveryImage = { readonly acknowledgementShownAt?: unknown; readonly acknowledgementSeenFor?: unknown };

const imageOf = (record: DynamoDBRecord): Record<string, unknown> | undefined => {
  const image = record.dynamodb?.NewImage;
  return image
    ? unmarshall(image as Record<string, AttributeValue> & Record<string, LambdaAttributeValue>)
    : undefined;
};

/**
 * The update in one stream record, or undefined. The stream carries new images only, so an
 * acknowledgement is recognised by its image: acknowledged, and the alert pipeline has not yet
 * shown it in Slack (its later bookkeeping writes set one of the two delivery fields). A lease
 * write in between looks the same: `acknowledgementKey` lets the caller pass each one on once.
 */
export const updateFromStreamRecord = (record: DynamoDBRecord): StreamUpdate | undefined => {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined;
  const item = imageOf(record);
  const pk = item?.PK;
  const sk = item?.SK;
  if (typeof pk !== 'string' || typeof sk !== 'string' || !pk.startsWith('EP#')) return undefined;
  const episodeId = pk.slice(3);
  if (record.eventName === 'INSERT') {
    if (sk.startsWith('GRADE#') && item?.kind === 'GRADING')
      return { kind: 'GRADING_ADDED', episodeId, grading: item as unknown as GradingRecord };
    if (sk.startsWith('ALERT#') && item?.kind === 'ALERT')
      return { kind: 'ALERT_RAISED', episodeId, alert: item as unknown as AlertRecord };
    return undefined;
  }
  if (!sk.startsWith('ALERT#') || item?.kind !== 'ALERT' || typeof item.acknowledgedAt !== 'string')
    return undefined;
  const delivery = (item.delivery ?? {}) as DeliveryImage;
  if (delivery.acknowledgementShownAt !== undefined || delivery.acknowledgementSeenFor !== undefined)
    return undefined;
  return { kind: 'ALERT_ACKNOWLEDGED', episodeId, alert: item as unknown as AlertRecord };
};

/** The key an acknowledgement is passed on under once (see updateFromStreamRecord). */
export const acknowledgementKey = (update: StreamUpdate): string | undefined =>
  update.kind === 'ALERT_ACKNOWLEDGED'
    ? `ack:${update.alert.id}:${update.alert.acknowledgedAt ?? ''}`
    : undefined;

export type UpdateResolution = {
  /** The episode's team (its head's); undefined when the episode is gone. */
  readonly teamOf: (episodeId: string) => Promise<string | undefined>;
  /** True the first time a key is claimed (an acknowledgement is published once). */
  readonly firstNotice: (key: string) => Promise<boolean>;
};

/**
 * The updates of a batch of stream records, in stream order, each with its episode's team
 * (an alert carries it; a grading's is read from the head, once per episode per batch).
 */
export const updatesFromStream = async (
  records: readonly DynamoDBRecord[],
  resolution: UpdateResolution,
): Promise<EpisodeUpdateEvent[]> => {
  const teams = new Map<string, Promise<string | undefined>>();
  const teamOf = (episodeId: string): Promise<string | undefined> => {
    let team = teams.get(episodeId);
    if (!team) {
      team = resolution.teamOf(episodeId);
      teams.set(episodeId, team);
    }
    return team;
  };
  const events: EpisodeUpdateEvent[] = [];
  for (const record of records) {
    const update = updateFromStreamRecord(record);
    if (!update) continue;
    const key = acknowledgementKey(update);
    if (key !== undefined && !(await resolution.firstNotice(key))) continue;
    if (update.kind === 'GRADING_ADDED') {
      const team = await teamOf(update.episodeId);
      if (team !== undefined) events.push({ ...update, team });
    } else {
      events.push({ ...update, team: update.alert.team });
    }
  }
  return events;
};
