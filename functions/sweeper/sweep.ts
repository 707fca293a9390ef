import type { EpisodeRepository } from '../episodes/repository.ts';
import type { OverdueVitalsMonitor } from '../episodes/overdue-vitals.ts';
import type { StoredItem } from '../episodes/records.ts';
import { alertKeyOf, type DeliverableAlert } from '../episodes/alert-delivery-store.ts';
import type { AlertDeliverer, DeliveryOutcome } from '../alerts/delivery.ts';
import { forEachBounded } from '../alerts/bounded-concurrency.ts';
import { OrderedLanes } from '../alerts/ordered-lanes.ts';

export type SweepResult = {
  /** Alerts posted that had been left pending (Slack was down, or the team had no channel). */
  readonly delivered: number;
  /** Re-notifications of unacknowledged critical alerts. */
  readonly renotified: number;
  readonly acknowledgementsShown: number;
  /** ESC-VITALS alerts raised (the stream delivers them). */
  readonly overdueVitals: number;
  /** Items that failed this time; they stay queued for the next sweep. */
  readonly failures: number;
};

/** What one sweep asks of the deliverer: its alerts read in batches, then each one handled. */
export type SweepDeliverer = {
  forSweep(): Pick<AlertDeliverer, 'loadAll' | 'sweepLoaded'> & Partial<Pick<AlertDeliverer, 'leaseAll'>>;
};

export type SweepDeps = {
  readonly repository: Pick<EpisodeRepository, 'dueInQueue'>;
  readonly deliverer: SweepDeliverer;
  readonly monitor: Pick<OverdueVitalsMonitor, 'check' | 'cutoff'>;
  readonly log: (
    level: 'info' | 'warn' | 'error',
    message: string,
    details?: Record<string, unknown>,
  ) => void;
  /** Items handled at once (default SWEEP_CONCURRENCY). */
  readonly concurrency?: number;
};

/**
 * Alerts (or overdue-vitals checks) in flight at once. A channel still gets one message at a time
 * (its lane); the slots are for the store's reads and writes of many alerts to overlap.
 */
export const SWEEP_CONCURRENCY = 32;
/**
 * Due alerts leased together (one TransactWriteItems), just before they are handled, and those not
 * leased read together (one BatchGetItem): a batch starts when its first alert is started, so no
 * alert acts on a read older than its batch's few deliveries.
 */
export const SWEEP_READ_BATCH = 25;
/**
 * Batches read ahead of the one being delivered: a read is at most this many batches older than
 * its delivery (a lease still holds only while the delivery is as read, so an old read never posts
 * twice), and no delivery waits for a read.
 */
export const SWEEP_READ_AHEAD = 2;

/**
 * One sweep (scheduled every few minutes): the `ALERT#OPEN` queue (alerts due for delivery or
 * re-notification) and the `WATCH#VITALS` queue (episodes with active CRS whose last vital signs
 * are older than the interval, INF-5 → ESC-VITALS). Items are started in queue order, up to
 * `concurrency` at a time; a channel still gets its messages one at a time, in queue order (one
 * lane per team, a team posting to one channel). Each team's settings are read once per sweep; the
 * due alerts come with the queue's Query (its index holds every attribute), each batch's delivery
 * leases are taken together on those copies, and only the alerts not leased are read again. One
 * item's failure never stops the others; it stays queued for the next sweep. Nothing new is started once the deadline has passed.
 */
export const sweep = async (deps: SweepDeps, now: Date, deadline?: number): Promise<SweepResult> => {
  const counts = { delivered: 0, renotified: 0, acknowledgementsShown: 0, overdueVitals: 0, failures: 0 };
  const tally: Partial<Record<DeliveryOutcome, keyof typeof counts>> = {
    posted: 'delivered',
    reminded: 'renotified',
    updated: 'acknowledgementsShown',
  };
  const concurrency = deps.concurrency ?? SWEEP_CONCURRENCY;
  const beforeDeadline = () => deadline === undefined || Date.now() <= deadline;

  const dueAlerts = await deps.repository.dueInQueue('ALERT#OPEN', now.toISOString());
  const run = deps.deliverer.forSweep();
  const lanes = new OrderedLanes();
  type Batch = {
    readonly alerts: ReadonlyMap<string, DeliverableAlert>;
    readonly leases: ReadonlyMap<string, boolean>;
  };
  const batches = new Map<number, Promise<Batch>>();
  // A batch's leases are taken together, on the alerts as the work-queue index returned them, when
  // its first alert starts or when an alert up to SWEEP_READ_AHEAD batches before it does. The
  // index lags the table, but a lease holds only on an alert still exactly as read (the store's
  // condition), so a leased copy is current. The others (nothing to post, or the copy was stale or
  // is held elsewhere) are read as stored now (one BatchGetItem) and take their own lease, if they
  // need one, in their turn.
  const readBatch = (batch: number): Promise<Batch> => {
    let read = batches.get(batch);
    if (!read) {
      const queued = dueAlerts.slice(batch * SWEEP_READ_BATCH, (batch + 1) * SWEEP_READ_BATCH);
      read = (async (): Promise<Batch> => {
        const indexed = queued.filter(isQueuedAlert);
        const taken = run.leaseAll ? await run.leaseAll(indexed, deadline) : new Map<string, boolean>();
        const leased = new Map(
          indexed
            .filter((alert) => taken.get(alertKeyOf(alert)) === true)
            .map((alert) => [alertKeyOf(alert), alert]),
        );
        const unleased = queued
          .filter((item) => !leased.has(alertKeyOf(item)))
          .map(({ PK, SK }) => ({ PK, SK }));
        const current =
          unleased.length > 0 ? await run.loadAll(unleased) : new Map<string, DeliverableAlert>();
        return {
          alerts: new Map([...leased, ...current]),
          leases: new Map([...leased.keys()].map((key) => [key, true])),
        };
      })();
      batches.set(batch, read);
      // Not awaited here: a failed read is the failure of the alerts that wait for it.
      read.catch(() => undefined);
    }
    return read;
  };
  const readBatchOf = (index: number): Promise<Batch> => {
    const batch = Math.floor(index / SWEEP_READ_BATCH);
    const read = readBatch(batch);
    // The next batches are read (and leased) while this one is delivered, so no slot waits for a read.
    for (let ahead = 1; ahead <= SWEEP_READ_AHEAD; ahead += 1)
      if ((batch + ahead) * SWEEP_READ_BATCH < dueAlerts.length && beforeDeadline())
        void readBatch(batch + ahead);
    return read;
  };
  await forEachBounded(
    dueAlerts,
    concurrency,
    async (item, index) => {
      // Taken before anything is awaited, so turns follow the queue's order.
      const turn = lanes.take(laneOf(item));
      try {
        const { alerts, leases } = await readBatchOf(index);
        const key = alertKeyOf(item);
        const alert = alerts.get(key);
        // Gone, or no longer an alert: nothing to do (an unread one stays queued).
        const outcome = alert ? await run.sweepLoaded(alert, deadline, turn, leases.get(key)) : 'nothing';
        const counter = tally[outcome];
        if (counter) counts[counter] += 1;
      } catch (error) {
        counts.failures += 1;
        deps.log('warn', 'sweep: alert still not delivered', { alertSk: item.SK, error: String(error) });
      } finally {
        turn.done();
      }
    },
    beforeDeadline,
  );

  const overdue = await deps.repository.dueInQueue('WATCH#VITALS', deps.monitor.cutoff(now));
  await forEachBounded(
    overdue,
    concurrency,
    async (item) => {
      const episodeId = item.PK.slice('EP#'.length);
      try {
        if (await deps.monitor.check(episodeId, now)) counts.overdueVitals += 1;
      } catch (error) {
        counts.failures += 1;
        deps.log('warn', 'sweep: overdue vital signs not checked', { episodeId, error: String(error) });
      }
    },
    beforeDeadline,
  );
  return counts;
};

/** An alert's lane: its team's channel (one per team); an item without a team has a lane of its own. */
const laneOf = (item: StoredItem): string =>
  item.kind === 'ALERT' && typeof item.team === 'string' ? `TEAM#${item.team}` : alertKeyOf(item);

/** A work-queue item that is an alert (the index holds every attribute of it), as `loadMany` reads one. */
const isQueuedAlert = (item: StoredItem): item is StoredItem & DeliverableAlert => item.kind === 'ALERT';
