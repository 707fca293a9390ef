import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { AlertKey } from '../episodes/alert-delivery-store.ts';
import { consumeStream } from './consume.ts';
import type { DeliveryOutcome } from './delivery.ts';

const context = { functionName: 'alerts', awsRequestId: 'req-1' } as unknown as Context;

let sequence = 100;
/** A stream record as Lambda hands it over: the item's new image, marshalled. */
const streamRecord = (
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  item: Record<string, unknown>,
): DynamoDBRecord => {
  sequence += 1;
  return {
    eventID: `event-${String(sequence)}`,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: marshall({ PK: item.PK, SK: item.SK }) as never,
      NewImage: marshall(item, { removeUndefinedValues: true }) as never,
      SequenceNumber: String(sequence),
      StreamViewType: 'NEW_IMAGE',
    },
  };
};

const alertItem = (episodeId: string, alertId: string, extra: Record<string, unknown> = {}) => ({
  PK: `EP#${episodeId}`,
  SK: `ALERT#2026-03-02T18:00:00.000Z#${alertId}`,
  kind: 'ALERT',
  id: alertId,
  episodeId,
  escalationId: 'ESC-CRS3',
  level: 'CRITICAL',
  team: 'hem-a',
  raisedAt: '2026-03-02T18:00:00.000Z',
  delivery: { status: 'PENDING', attempts: 0 },
  ...extra,
});

const delivered = { status: 'DELIVERED', channel: 'C0HEMA01', ts: '1700000000.000100', attempts: 1 };

/** A deliverer that records what it was asked, failing for the alerts named. */
const recordingDeliverer = (failFor: readonly string[] = [], delayMs = 0) => {
  const calls: { key: AlertKey; deadline: number | undefined }[] = [];
  return {
    calls,
    deliver: async (key: AlertKey, deadline?: number): Promise<DeliveryOutcome> => {
      calls.push({ key, deadline });
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (failFor.some((id) => key.SK.endsWith(id))) throw new Error(`slack down for ${key.SK}`);
      return 'posted';
    },
  };
};

const event = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

describe('consumeStream: one batch of the table stream', () => {
  it('a record whose delivery throws is reported by its sequence number; the others are delivered, in order', async () => {
    const first = streamRecord('INSERT', alertItem('EP-1', 'A1'));
    const failing = streamRecord('INSERT', alertItem('EP-2', 'A2'));
    const third = streamRecord('INSERT', alertItem('EP-3', 'A3'));
    const deliverer = recordingDeliverer(['A2']);
    const response = await consumeStream(event(first, failing, third), context, {
      deliverer,
      deadline: 12_345,
    });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: failing.dynamodb?.SequenceNumber }]);
    expect(deliverer.calls).toEqual([
      { key: { PK: 'EP#EP-1', SK: 'ALERT#2026-03-02T18:00:00.000Z#A1' }, deadline: 12_345 },
      { key: { PK: 'EP#EP-2', SK: 'ALERT#2026-03-02T18:00:00.000Z#A2' }, deadline: 12_345 },
      { key: { PK: 'EP#EP-3', SK: 'ALERT#2026-03-02T18:00:00.000Z#A3' }, deadline: 12_345 },
    ]);
  });

  it('a batch that fails entirely is reported record by record (not thrown)', async () => {
    const a = streamRecord('INSERT', alertItem('EP-1', 'B1'));
    const b = streamRecord('INSERT', alertItem('EP-1', 'B2'));
    const response = await consumeStream(event(a, b), context, {
      deliverer: recordingDeliverer(['B1', 'B2']),
    });
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([
      a.dynamodb?.SequenceNumber,
      b.dynamodb?.SequenceNumber,
    ]);
  });

  it('a batch delivered entirely reports no failure, and logs each outcome', async () => {
    const logged: Record<string, unknown>[] = [];
    const response = await consumeStream(event(streamRecord('INSERT', alertItem('EP-7', 'C1'))), context, {
      deliverer: recordingDeliverer(),
      log: (_message, details) => logged.push(details),
    });
    expect(response.batchItemFailures).toEqual([]);
    expect(logged).toEqual([
      { episodeId: 'EP-7', alertSk: 'ALERT#2026-03-02T18:00:00.000Z#C1', outcome: 'posted' },
    ]);
  });

  it('skips what does not ask for delivery: other items, removals, and the pipeline’s own bookkeeping writes', async () => {
    const ackAt = '2026-03-02T18:05:00.000Z';
    const skipped = [
      streamRecord('INSERT', { PK: 'EP#EP-1', SK: 'META', kind: 'EPISODE', id: 'EP-1' }),
      streamRecord('INSERT', { PK: 'EP#EP-1', SK: 'OBS#2026-03-02T18:00:00.000Z#V1', kind: 'VITALS' }),
      streamRecord('INSERT', { PK: 'TEAM#hem-a', SK: 'SETTINGS', kind: 'TEAM_SETTINGS' }),
      streamRecord('REMOVE', alertItem('EP-1', 'S1')),
      // The lease and a failed delivery's retry scheduling.
      streamRecord(
        'MODIFY',
        alertItem('EP-1', 'S2', { delivery: { status: 'PENDING', attempts: 0, leaseUntil: ackAt } }),
      ),
      streamRecord(
        'MODIFY',
        alertItem('EP-1', 'S3', { delivery: { status: 'PENDING', attempts: 1, lastError: 'HTTP 503' } }),
      ),
      // Delivered, not acknowledged (a re-notification's bookkeeping).
      streamRecord('MODIFY', alertItem('EP-1', 'S4', { delivery: { ...delivered, renotifications: 1 } })),
      // Acknowledged, and the message already shows it.
      streamRecord(
        'MODIFY',
        alertItem('EP-1', 'S5', {
          acknowledgedAt: ackAt,
          delivery: { ...delivered, acknowledgementShownAt: ackAt },
        }),
      ),
      // Acknowledged, its update failed and was left to the sweeper.
      streamRecord(
        'MODIFY',
        alertItem('EP-1', 'S6', {
          acknowledgedAt: ackAt,
          delivery: { ...delivered, acknowledgementSeenFor: ackAt },
        }),
      ),
    ];
    const deliverer = recordingDeliverer();
    const response = await consumeStream(event(...skipped), context, { deliverer });
    expect(response.batchItemFailures).toEqual([]);
    expect(deliverer.calls).toEqual([]);
  });

  it('an acknowledgement asks for delivery: the message shows it, or an alert never posted goes out now', async () => {
    const ackAt = '2026-03-02T18:05:00.000Z';
    const shown = streamRecord(
      'MODIFY',
      alertItem('EP-1', 'K1', { acknowledgedAt: ackAt, delivery: delivered }),
    );
    // Acknowledged while Slack was down: the acknowledgement took it out of the sweeper's queue.
    const neverPosted = streamRecord(
      'MODIFY',
      alertItem('EP-1', 'K2', {
        acknowledgedAt: ackAt,
        delivery: { status: 'PENDING', attempts: 1, lastError: 'HTTP 503' },
      }),
    );
    // The consumer's own failed post of it (left to the sweeper) does not ask again.
    const failedAgain = streamRecord(
      'MODIFY',
      alertItem('EP-1', 'K3', {
        acknowledgedAt: ackAt,
        delivery: { status: 'PENDING', attempts: 2, acknowledgementSeenFor: ackAt },
      }),
    );
    // A later acknowledgement than the one a failure was for still asks.
    const newer = streamRecord(
      'MODIFY',
      alertItem('EP-1', 'K4', {
        acknowledgedAt: ackAt,
        delivery: { ...delivered, acknowledgementSeenFor: '2026-03-02T18:01:00.000Z' },
      }),
    );
    const deliverer = recordingDeliverer();
    await consumeStream(event(shown, neverPosted, failedAgain, newer), context, { deliverer });
    expect(deliverer.calls.map((c) => c.key.SK.slice(-2))).toEqual(['K1', 'K2', 'K4']);
  });

  it('two batches consumed at the same time keep their own failures', async () => {
    const left = [
      streamRecord('INSERT', alertItem('EP-1', 'L1')),
      streamRecord('INSERT', alertItem('EP-1', 'L2')),
    ];
    const right = [
      streamRecord('INSERT', alertItem('EP-2', 'R1')),
      streamRecord('INSERT', alertItem('EP-2', 'R2')),
    ];
    const deliverer = recordingDeliverer(['L2', 'R1'], 5);
    const [a, b] = await Promise.all([
      consumeStream(event(...left), context, { deliverer }),
      consumeStream(event(...right), context, { deliverer }),
    ]);
    expect(a.batchItemFailures).toEqual([{ itemIdentifier: left[1]?.dynamodb?.SequenceNumber }]);
    expect(b.batchItemFailures).toEqual([{ itemIdentifier: right[0]?.dynamodb?.SequenceNumber }]);
    expect(deliverer.calls.map((c) => c.key.SK.slice(-2)).sort()).toEqual(['L1', 'L2', 'R1', 'R2']);
  });
});
