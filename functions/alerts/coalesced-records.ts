import type { AlertDeliveryStore, DeliveryRecord } from '../episodes/alert-delivery-store.ts';

type RecordStore = Pick<AlertDeliveryStore, 'recordMany'>;

type Waiting = DeliveryRecord & {
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
};

/**
 * A sweep's delivery records, written together: a `record` made while an earlier write is on its
 * way waits for it and goes in the next one with every other record made meanwhile (one
 * transaction for many alerts, `AlertDeliveryStore.recordMany`), instead of one update each. An
 * idle store gets the first record at once, so nothing waits for a timer. Each caller is answered
 * when its own record is stored, or with its own error. Only the bookkeeping is delayed: the
 * alert's Slack message was posted, in its channel's order, before its record is made.
 */
export class CoalescedRecords {
  readonly #store: RecordStore;
  #waiting: Waiting[] = [];
  #writing = false;

  constructor(store: RecordStore) {
    this.#store = store;
  }

  /** `AlertDeliveryStore.record`, answered when this record is stored. */
  readonly record = (
    alert: DeliveryRecord['alert'],
    delivery: DeliveryRecord['delivery'],
    nextDueAt?: string,
  ): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      this.#waiting.push({ alert, delivery, nextDueAt, resolve, reject });
      if (!this.#writing) void this.#write();
    });

  async #write(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting;
        this.#waiting = [];
        let outcomes: readonly PromiseSettledResult<void>[];
        try {
          outcomes = await this.#store.recordMany(batch);
        } catch (error) {
          outcomes = batch.map(() => ({ status: 'rejected', reason: error }) as const);
        }
        batch.forEach((waiting, i) => {
          const outcome = outcomes[i];
          if (outcome?.status === 'fulfilled') waiting.resolve();
          else waiting.reject(outcome ? outcome.reason : new Error('delivery record not answered'));
        });
      }
    } finally {
      this.#writing = false;
    }
  }
}
