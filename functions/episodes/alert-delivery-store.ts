import { randomUUID } from 'node:crypto';
import {
  BatchGetCommand,
  GetCommand,
  TransactWriteCommand,
  type BatchGetCommandOutput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './dynamodb-client.ts';
import { openAlertKeys } from './keys.ts';
import type { AlertDelivery, AlertRecord } from './records.ts';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry.ts';

/**
 * Delivery bookkeeping of alerts (operational metadata, never clinical data): who holds the
 * delivery lease, where the message went, whether its acknowledgement is shown, and the alert's
 * place in the `ALERT#OPEN` work queue (GSI2), keyed by when it is next due.
 */
export type SlackAlertDelivery = AlertDelivery & {
  /** A deliverer holds the alert until then, so the stream consumer and the sweeper never post it twice. */
  readonly leaseUntil?: string;
  readonly leaseToken?: string;
  /** When the message was updated to show the acknowledgement. */
  readonly acknowledgementShownAt?: string;
  /**
   * The acknowledgement (its time) a failed update, or a failed post of an acknowledged alert, was
   * for: the sweeper shows it, the stream need not ask again.
   */
  readonly acknowledgementSeenFor?: string;
  /** Re-notifications sent for an unacknowledged critical alert. */
  readonly renotifications?: number;
};

export type DeliverableAlert = Omit<AlertRecord, 'delivery'> & { readonly delivery: SlackAlertDelivery };

export type AlertKey = Pick<AlertRecord, 'PK' | 'SK'>;

/** BatchGetItem reads at most this many keys per request. */
const BATCH_GET_LIMIT = 100;
/** Rounds of UnprocessedKeys retried before the keys left are reported missing (read one by one later). */
const BATCH_GET_ROUNDS = 5;

export const alertKeyOf = (key: AlertKey): string => `${key.PK}|${key.SK}`;

/** An alert as a deliverer read it: what its lease's condition compares with the stored one. */
export type LeaseTarget = AlertKey & Pick<DeliverableAlert, 'delivery' | 'acknowledgedAt' | 'occurrences'>;

/** Leases taken in one transaction (its limit is 100 items). */
export const LEASE_BATCH = 25;
/** Transactions tried per batch before what is left is leased one by one. */
const LEASE_ROUNDS = 3;

/** Delivery records written in one transaction (its limit is 100 items). */
export const RECORD_BATCH = 50;
/** Transactions tried per batch before what is left is recorded one by one. */
const RECORD_ROUNDS = 3;

/** One `record` call: the alert, its delivery, and when it is next due (absent: out of the queue). */
export type DeliveryRecord = {
  readonly alert: DeliverableAlert;
  readonly delivery: SlackAlertDelivery;
  readonly nextDueAt?: string | undefined;
};

/** An update's expression, condition and values (the key and table are added where it is sent). */
type UpdateParts = {
  readonly UpdateExpression: string;
  readonly ConditionExpression: string;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
};

const cancellationCodes = (error: unknown): readonly (string | undefined)[] | undefined =>
  (error as { name?: string }).name === 'TransactionCanceledException'
    ? ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code)
    : undefined;

const conditionFailed = (error: unknown): boolean =>
  (error as { name?: string }).name === 'ConditionalCheckFailedException';

export class AlertDeliveryStore {
  readonly #client: DocumentClient;
  readonly #table: string;
  readonly #retry: RetryPolicy;

  constructor(client: DocumentClient, tableName: string, retry: RetryPolicy = DEFAULT_RETRY_POLICY) {
    this.#client = client;
    this.#table = tableName;
    this.#retry = retry;
  }

  /** The alert as stored now (a stream image may be older than the item). */
  async load(key: AlertKey): Promise<DeliverableAlert | undefined> {
    const result = await withRetries(
      (options) =>
        this.#client.send(
          new GetCommand({ TableName: this.#table, Key: { PK: key.PK, SK: key.SK }, ConsistentRead: true }),
          options,
        ),
      this.#retry,
    );
    const item = result.Item as DeliverableAlert | undefined;
    return item?.kind === 'ALERT' ? item : undefined;
  }

  /**
   * Many alerts as stored now (strongly consistent, one BatchGetItem per 100 keys), by
   * `alertKeyOf`. A key whose item is not an alert is absent; so is one DynamoDB left unprocessed
   * after a few rounds (it stays queued for the next sweep).
   */
  async loadMany(keys: readonly AlertKey[]): Promise<Map<string, DeliverableAlert>> {
    const found = new Map<string, DeliverableAlert>();
    const unique = [...new Map(keys.map((key) => [alertKeyOf(key), { PK: key.PK, SK: key.SK }])).values()];
    for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
      let pending: Record<string, unknown>[] | undefined = unique.slice(start, start + BATCH_GET_LIMIT);
      for (let round = 0; pending && pending.length > 0 && round < BATCH_GET_ROUNDS; round += 1) {
        const request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> = {
          [this.#table]: { Keys: pending, ConsistentRead: true },
        };
        const result: BatchGetCommandOutput = await withRetries(
          () => this.#client.send(new BatchGetCommand({ RequestItems: request })),
          this.#retry,
        );
        for (const item of (result.Responses?.[this.#table] ?? []) as { kind?: unknown }[])
          if (item.kind === 'ALERT')
            found.set(alertKeyOf(item as DeliverableAlert), item as DeliverableAlert);
        pending = result.UnprocessedKeys?.[this.#table]?.Keys;
      }
    }
    return found;
  }

  /**
   * Takes the delivery lease until `now + leaseMs`, only while the alert is still as the caller
   * read it (its delivery, acknowledgement and raises; #leaseUpdate): a deliverer that read the
   * alert before another one posted it (or re-notified it) and released the lease must not post it
   * again. The token, or undefined when another deliverer holds the alert or it has changed.
   */
  async lease(alert: LeaseTarget, now: Date, leaseMs: number): Promise<string | undefined> {
    const token = randomUUID();
    try {
      await withRetries(
        (options) =>
          this.#client.send(new UpdateCommand(this.#leaseUpdate(alert, now, leaseMs, token)), options),
        this.#retry,
      );
      return token;
    } catch (error) {
      if (conditionFailed(error)) return undefined;
      throw error;
    }
  }

  /**
   * `lease` for many alerts in one TransactWriteItems per LEASE_BATCH (the same condition on each):
   * by `alertKeyOf`, the token, or undefined where another deliverer holds the alert or moved it
   * on. A transaction is all or nothing, so the alerts whose condition failed are left out and the
   * others leased again in the next one (a few rounds at most; what is left is leased one by one).
   */
  async leaseMany(
    alerts: readonly LeaseTarget[],
    now: Date,
    leaseMs: number,
  ): Promise<Map<string, string | undefined>> {
    const leases = new Map<string, string | undefined>();
    for (let start = 0; start < alerts.length; start += LEASE_BATCH) {
      let pending = alerts.slice(start, start + LEASE_BATCH);
      for (let round = 0; pending.length > 0; round += 1) {
        if (round >= LEASE_ROUNDS || pending.length === 1) {
          for (const alert of pending) leases.set(alertKeyOf(alert), await this.lease(alert, now, leaseMs));
          break;
        }
        const tokens = pending.map(() => randomUUID());
        const batch = pending;
        try {
          await withRetries(
            (options) =>
              this.#client.send(
                new TransactWriteCommand({
                  TransactItems: batch.map((alert, i) => ({
                    Update: this.#leaseUpdate(alert, now, leaseMs, tokens[i] ?? randomUUID()),
                  })),
                }),
                options,
              ),
            this.#retry,
          );
          batch.forEach((alert, i) => leases.set(alertKeyOf(alert), tokens[i]));
          pending = [];
        } catch (error) {
          const codes = cancellationCodes(error);
          if (!codes) throw error;
          // Not leased: held by another deliverer or moved on. The rest was not applied: again.
          batch.forEach((alert, i) => {
            if (codes[i] === 'ConditionalCheckFailed') leases.set(alertKeyOf(alert), undefined);
          });
          pending = batch.filter((_alert, i) => codes[i] !== 'ConditionalCheckFailed');
        }
      }
    }
    return leases;
  }

  /**
   * The lease's conditional update: only while nobody holds it and the alert is still as read: the
   * same delivery (status, attempts, last notification), the same acknowledgement and the same
   * number of raises (a repeat also replaces the text). Those are every field a delivery decides
   * on that can change after an alert is raised, so a lease taken on a copy read a moment ago (or
   * from the work-queue index, which lags the table) proves the copy is current.
   */
  #leaseUpdate(alert: LeaseTarget, now: Date, leaseMs: number, token: string) {
    const { status, attempts, lastNotifiedAt } = alert.delivery;
    const { acknowledgedAt, occurrences } = alert;
    return {
      TableName: this.#table,
      Key: { PK: alert.PK, SK: alert.SK },
      UpdateExpression: 'SET delivery.leaseUntil = :until, delivery.leaseToken = :token',
      ConditionExpression: [
        'attribute_exists(PK)',
        '(attribute_not_exists(delivery.leaseUntil) OR delivery.leaseUntil < :now)',
        'delivery.#status = :status',
        'delivery.attempts = :attempts',
        lastNotifiedAt === undefined
          ? 'attribute_not_exists(delivery.lastNotifiedAt)'
          : 'delivery.lastNotifiedAt = :lastNotifiedAt',
        acknowledgedAt === undefined
          ? 'attribute_not_exists(acknowledgedAt)'
          : 'acknowledgedAt = :acknowledgedAt',
        occurrences === undefined ? 'attribute_not_exists(occurrences)' : 'occurrences = :occurrences',
      ].join(' AND '),
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':until': new Date(now.getTime() + leaseMs).toISOString(),
        ':token': token,
        ':now': now.toISOString(),
        ':status': status,
        ':attempts': attempts,
        ...(lastNotifiedAt === undefined ? {} : { ':lastNotifiedAt': lastNotifiedAt }),
        ...(acknowledgedAt === undefined ? {} : { ':acknowledgedAt': acknowledgedAt }),
        ...(occurrences === undefined ? {} : { ':occurrences': occurrences }),
      },
    };
  }

  /**
   * Stores the delivery (which also releases the lease). With `nextDueAt` the alert stays in the
   * work queue until then (an unacknowledged critical alert, or one still to be delivered);
   * without it the alert leaves the queue. An alert acknowledged meanwhile never re-enters it.
   */
  async record(alert: DeliverableAlert, delivery: SlackAlertDelivery, nextDueAt?: string): Promise<void> {
    if (nextDueAt !== undefined) {
      try {
        await this.#update(alert, this.#recordUpdate({ alert, delivery, nextDueAt }));
        return;
      } catch (error) {
        if (!conditionFailed(error)) throw error;
      }
    }
    await this.#update(alert, this.#recordUpdate({ alert, delivery }));
  }

  /**
   * `record` for many alerts (a sweep's deliveries): one TransactWriteItems per RECORD_BATCH, each
   * update with the condition `record` puts first. A transaction is all or nothing: an alert whose
   * condition failed (acknowledged meanwhile, so it leaves the queue) is recorded on its own by
   * `record`, the others go again together; after a few rounds, or when the store refused for
   * another reason, each one left is recorded on its own. One outcome per entry, in order.
   */
  async recordMany(entries: readonly DeliveryRecord[]): Promise<PromiseSettledResult<void>[]> {
    const outcomes: PromiseSettledResult<void>[] = [];
    const alone = (entry: DeliveryRecord) =>
      this.record(entry.alert, entry.delivery, entry.nextDueAt).then(
        () => ({ status: 'fulfilled', value: undefined }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      );
    for (let start = 0; start < entries.length; start += RECORD_BATCH) {
      const settled = new Map<DeliveryRecord, PromiseSettledResult<void>>();
      const batch = entries.slice(start, start + RECORD_BATCH);
      let pending = batch;
      for (let round = 0; pending.length > 1 && round < RECORD_ROUNDS; round += 1) {
        const sent = pending;
        try {
          await withRetries(
            (options) =>
              this.#client.send(
                new TransactWriteCommand({
                  TransactItems: sent.map((entry) => ({
                    Update: {
                      TableName: this.#table,
                      Key: { PK: entry.alert.PK, SK: entry.alert.SK },
                      ...this.#recordUpdate(entry),
                    },
                  })),
                }),
                options,
              ),
            this.#retry,
          );
          for (const entry of sent) settled.set(entry, { status: 'fulfilled', value: undefined });
          pending = [];
        } catch (error) {
          const codes = cancellationCodes(error);
          if (!codes?.includes('ConditionalCheckFailed')) break;
          // Those whose condition failed are recorded on their own; the rest was not applied: again.
          const failed = sent.filter((_entry, i) => codes[i] === 'ConditionalCheckFailed');
          for (const entry of failed) settled.set(entry, await alone(entry));
          pending = sent.filter((_entry, i) => codes[i] !== 'ConditionalCheckFailed');
        }
      }
      for (const entry of pending) settled.set(entry, await alone(entry));
      for (const entry of batch)
        outcomes.push(settled.get(entry) ?? { status: 'fulfilled', value: undefined });
    }
    return outcomes;
  }

  /**
   * The delivery's update: with `nextDueAt`, kept in the work queue until then unless acknowledged
   * meanwhile (the condition); without it, out of the queue.
   */
  #recordUpdate(entry: DeliveryRecord): UpdateParts {
    if (entry.nextDueAt === undefined)
      return {
        UpdateExpression: 'SET delivery = :d REMOVE GSI2PK, GSI2SK',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':d': entry.delivery },
      };
    const queue = openAlertKeys(entry.nextDueAt, entry.alert.episodeId, entry.alert.id);
    return {
      UpdateExpression: 'SET delivery = :d, GSI2PK = :pk, GSI2SK = :sk',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(acknowledgedAt)',
      ExpressionAttributeValues: { ':d': entry.delivery, ':pk': queue.GSI2PK, ':sk': queue.GSI2SK },
    };
  }

  /**
   * A delivery that failed: the alert stays PENDING (or as it was) and in the work queue, due at
   * `retryAt`, even when acknowledged meanwhile: no alert is lost because Slack was down.
   */
  async retryLater(alert: DeliverableAlert, delivery: SlackAlertDelivery, retryAt: string): Promise<void> {
    const queue = openAlertKeys(retryAt, alert.episodeId, alert.id);
    await this.#update(alert, {
      UpdateExpression: 'SET delivery = :d, GSI2PK = :pk, GSI2SK = :sk',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':d': delivery, ':pk': queue.GSI2PK, ':sk': queue.GSI2SK },
    });
  }

  /** Moves the alert's place in the work queue to `dueAt`, unless it was acknowledged meanwhile. */
  async reschedule(alert: DeliverableAlert, dueAt: string): Promise<void> {
    const queue = openAlertKeys(dueAt, alert.episodeId, alert.id);
    try {
      await this.#update(alert, {
        UpdateExpression: 'SET GSI2PK = :pk, GSI2SK = :sk',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(acknowledgedAt)',
        ExpressionAttributeValues: { ':pk': queue.GSI2PK, ':sk': queue.GSI2SK },
      });
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }

  /** Takes the alert out of the work queue (acknowledged, or nothing left to do). */
  async dequeue(alert: AlertKey): Promise<void> {
    await this.#update(alert, {
      UpdateExpression: 'REMOVE GSI2PK, GSI2SK',
      ConditionExpression: 'attribute_exists(PK)',
    });
  }

  async #update(key: AlertKey, update: UpdateParts): Promise<void> {
    await withRetries(
      (send) =>
        this.#client.send(
          new UpdateCommand({ TableName: this.#table, Key: { PK: key.PK, SK: key.SK }, ...update }),
          send,
        ),
      this.#retry,
    );
  }
}
