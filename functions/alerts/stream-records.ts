import type { AttributeValue as LambdaAttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/** An alert item as it appears in the stream (new image of an `ALERT#…` item). */
export type StoredAlertRecord = {
  readonly episodeId: string;
  readonly sk: string;
  readonly item: Record<string, unknown>;
};

/** The alert a stream record carries, or undefined for any other item or event. */
export const alertFromStreamRecord = (record: DynamoDBRecord): StoredAlertRecord | undefined => {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined;
  const image = record.dynamodb?.NewImage;
  if (!image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue> & Record<string, LambdaAttributeValue>);
  const pk: unknown = item.PK;
  const sk: unknown = item.SK;
  if (typeof pk !== 'string' || typeof sk !== 'string' || !pk.startsWith('EP#') || !sk.startsWith('ALERT#'))
    return undefined;
  return { episodeId: pk.slice(3), sk, item };
};

type DeliveryImage = {
  readonly status?: string;
  readonly acknowledgementShownAt?: string;
  readonly acknowledgementSeenFor?: string;
};

/**
 * Whether a stream record asks the consumer to act: a new alert (INSERT) is posted; a change that
 * acknowledges an alert either updates its message (delivered) or posts it showing the
 * acknowledgement (not yet delivered: Slack was down or the team had no channel, and the
 * acknowledgement took it out of the sweeper's queue, so this record is its way out). The
 * pipeline's own bookkeeping writes never ask again for an acknowledgement a failed delivery was
 * for (`acknowledgementSeenFor`), so a Slack outage cannot turn into a loop of retries through
 * the stream: what still fails is left to the stream's own retries and the sweeper.
 */
export const asksForDelivery = (record: DynamoDBRecord, alert: StoredAlertRecord): boolean => {
  if (record.eventName === 'INSERT') return true;
  const acknowledgedAt = alert.item.acknowledgedAt;
  const delivery = alert.item.delivery as DeliveryImage | undefined;
  if (typeof acknowledgedAt !== 'string' || delivery?.acknowledgementSeenFor === acknowledgedAt) return false;
  return delivery?.status !== 'DELIVERED' || delivery.acknowledgementShownAt === undefined;
};
