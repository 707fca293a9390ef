import {
  alertKeyOf,
  type AlertDeliveryStore,
  type AlertKey,
  type DeliverableAlert,
  type SlackAlertDelivery,
} from '../episodes/alert-delivery-store.ts';
import { alertMessageView, alertReminderView } from '../../slack-bot/views/alert-message.ts';
import { forEachBounded } from './bounded-concurrency.ts';
import { CoalescedRecords } from './coalesced-records.ts';
import { FREE_TURN, inTurn, type Turn } from './ordered-lanes.ts';
import { settingsReadOnce, type TeamSettingsSource } from './settings-read-once.ts';
import { describeSlackError, type SlackPoster } from './slack-web-api.ts';
import type { ChartDeliveryApi } from '../../slack-bot/deps.ts';

/** Alerts whose message gets the course chart in its thread: severe CRS and severe ICANS. */
export const CHARTED_ESCALATIONS: ReadonlySet<string> = new Set(['ESC-CRS3', 'ESC-ICANS3']);
/** The hours the chart in an alert's thread covers. */
export const ALERT_CHART_HOURS = 72;

export type DeliveryOutcome =
  /** Posted to the team's channel. */
  | 'posted'
  /** The message now shows the acknowledgement. */
  | 'updated'
  /** A re-notification of an unacknowledged critical alert was posted. */
  | 'reminded'
  /** Taken out of the work queue (acknowledged, or not critical). */
  | 'dequeued'
  /** Another deliverer holds the alert right now. */
  | 'held'
  /** The team has no channel yet: stays pending, retried by the sweeper. */
  | 'no-channel'
  | 'nothing';

export type AlertDelivererOptions = {
  readonly store: Pick<
    AlertDeliveryStore,
    'load' | 'lease' | 'record' | 'retryLater' | 'reschedule' | 'dequeue'
  > &
    /** Reads many alerts in one request (the sweeper's batches); without it they are read one by one. */
    Partial<Pick<AlertDeliveryStore, 'loadMany'>> &
    /** Takes many leases in one transaction (the sweeper's batches); without it they are taken in parallel. */
    Partial<Pick<AlertDeliveryStore, 'leaseMany'>> &
    /** Records many deliveries in one transaction (a sweep's); without it each is recorded alone. */
    Partial<Pick<AlertDeliveryStore, 'recordMany'>>;
  readonly settings: TeamSettingsSource;
  readonly slack: SlackPoster;
  readonly clock?: () => Date;
  /** Unacknowledged critical alerts re-notify this often (ALERT_RENOTIFY_MINUTES, default 15). */
  readonly renotifyMinutes: number;
  readonly appUrl?: string | undefined;
  /** Posts the course chart in the thread of an ESC-CRS3 / ESC-ICANS3 alert (absent: no chart). */
  readonly charts?: ChartDeliveryApi | undefined;
  readonly log?: (
    level: 'info' | 'warn' | 'error',
    message: string,
    details?: Record<string, unknown>,
  ) => void;
};

/** Longer than one delivery with its retries; a crashed deliverer's lease lapses by then. */
export const DELIVERY_LEASE_MS = 60_000;
/** Leases of a sweep's batch taken at once (conditional updates in flight together). */
export const LEASE_CONCURRENCY = 25;

/**
 * A lease taken ahead for an alert (leaseAll): true, taken; false, another deliverer holds it or
 * moved it on; undefined, none was taken (the delivery takes its own when it needs one).
 */
export type Leased = boolean | undefined;

const iso = (ms: number): string => new Date(ms).toISOString();

type DeliveryStore = AlertDelivererOptions['store'];

/** The store as one sweep uses it: its delivery records written together when it can (CoalescedRecords). */
const sweepStore = (store: DeliveryStore): DeliveryStore => {
  const { recordMany } = store;
  if (!recordMany) return store;
  const records = new CoalescedRecords({ recordMany: (entries) => recordMany.call(store, entries) });
  return {
    load: (key) => store.load(key),
    lease: (alert, now, leaseMs) => store.lease(alert, now, leaseMs),
    record: records.record,
    retryLater: (alert, delivery, retryAt) => store.retryLater(alert, delivery, retryAt),
    reschedule: (alert, dueAt) => store.reschedule(alert, dueAt),
    dequeue: (alert) => store.dequeue(alert),
    ...(store.loadMany ? { loadMany: store.loadMany.bind(store) } : {}),
    ...(store.leaseMany ? { leaseMany: store.leaseMany.bind(store) } : {}),
  };
};

/**
 * Alert delivery to the team's Slack channel, for the stream consumer and the sweeper alike. It
 * always acts on the alert as stored now (never on an older stream image) and under a lease, so an
 * alert is posted once. A PENDING alert is posted (critical ones mention the on-call group) and
 * recorded DELIVERED with the message's channel and ts; an unacknowledged critical alert stays in
 * the work queue, due again after the re-notify interval; an acknowledgement is shown by updating
 * the message in place. A Slack failure leaves the alert PENDING and due now for the sweeper, then
 * is thrown so the stream retries it too: no alert is lost.
 */
export class AlertDeliverer {
  readonly #options: AlertDelivererOptions;
  readonly #clock: () => Date;

  constructor(options: AlertDelivererOptions) {
    this.#options = options;
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Brings the alert's Slack message up to date: posts it, or shows its acknowledgement. */
  async deliver(key: AlertKey, deadline?: number): Promise<DeliveryOutcome> {
    const alert = await this.#options.store.load(key);
    if (!alert) return 'nothing';
    if (alert.delivery.status !== 'DELIVERED') return this.#post(alert, deadline);
    if (alert.acknowledgedAt !== undefined && alert.delivery.acknowledgementShownAt === undefined)
      return this.#showAcknowledgement(alert, deadline);
    return 'nothing';
  }

  /**
   * A deliverer for one sweep: each team's settings are read once (at its first alert) and reused
   * for the rest of the sweep. A change of settings made meanwhile counts from the next sweep.
   */
  forSweep(): AlertDeliverer {
    return new AlertDeliverer({
      ...this.#options,
      store: sweepStore(this.#options.store),
      settings: settingsReadOnce(this.#options.settings),
    });
  }

  /**
   * These alerts as stored now (one strongly consistent BatchGetItem per 100), by `alertKeyOf`; a
   * key that is not an alert (any more) is absent.
   */
  async loadAll(keys: readonly AlertKey[]): Promise<ReadonlyMap<string, DeliverableAlert>> {
    const { store } = this.#options;
    if (store.loadMany) return store.loadMany(keys);
    const found = new Map<string, DeliverableAlert>();
    for (const key of keys) {
      const alert = await store.load(key);
      if (alert) found.set(alertKeyOf(alert), alert);
    }
    return found;
  }

  /**
   * The leases a sweep's batch of alerts will need, taken together (one transaction per batch, or
   * conditional updates up to LEASE_CONCURRENCY in flight) instead of one by one in each alert's turn: alerts to post, and
   * unacknowledged critical alerts due for a re-notification. Each lease holds only while the
   * delivery is still as read (AlertDeliveryStore.lease), so two overlapping sweeps never both hold
   * one alert. A lease not taken for a store failure is left to the alert's own turn.
   */
  async leaseAll(
    alerts: readonly DeliverableAlert[],
    deadline?: number,
  ): Promise<ReadonlyMap<string, boolean>> {
    const now = this.#clock();
    const wanted = alerts.filter((alert) => this.#needsLease(alert, now));
    const leases = new Map<string, boolean>();
    const { store } = this.#options;
    try {
      if (store.leaseMany) {
        if (deadline !== undefined && Date.now() > deadline) return leases;
        for (const [key, token] of await store.leaseMany(wanted, now, DELIVERY_LEASE_MS))
          leases.set(key, token !== undefined);
        return leases;
      }
      await forEachBounded(
        wanted,
        LEASE_CONCURRENCY,
        async (alert) => {
          leases.set(alertKeyOf(alert), (await store.lease(alert, now, DELIVERY_LEASE_MS)) !== undefined);
        },
        () => deadline === undefined || Date.now() <= deadline,
      );
    } catch (error) {
      // What was not leased ahead takes its own lease in its turn.
      this.#options.log?.('warn', 'leases not taken ahead; each alert takes its own', {
        error: String(error),
      });
    }
    return leases;
  }

  /** Whether the sweep's handling of the alert posts to Slack (and so needs the lease). */
  #needsLease(alert: DeliverableAlert, now: Date): boolean {
    if (alert.delivery.status !== 'DELIVERED') return true;
    if (alert.acknowledgedAt !== undefined || alert.level !== 'CRITICAL') return false;
    const last = Date.parse(alert.delivery.lastNotifiedAt ?? alert.raisedAt);
    return last + this.#options.renotifyMinutes * 60_000 <= now.getTime();
  }

  /**
   * The sweeper's turn on an alert due in the work queue: deliver what is still pending, show an
   * acknowledgement, re-notify an unacknowledged critical alert whose interval has passed, and take
   * out of the queue whatever needs nothing more.
   */
  async sweep(key: AlertKey, deadline?: number, turn: Turn = FREE_TURN): Promise<DeliveryOutcome> {
    const alert = await this.#options.store.load(key);
    if (!alert) return 'nothing';
    return this.sweepLoaded(alert, deadline, turn);
  }

  /**
   * `sweep` of an alert just read (`loadAll`): the lease taken before any post or re-notification
   * holds only while the delivery is still as read, so a read a moment old never posts twice. Its
   * Slack call waits for `turn` (the alert's place in its channel's order) and ends it.
   */
  async sweepLoaded(
    alert: DeliverableAlert,
    deadline?: number,
    turn: Turn = FREE_TURN,
    leased?: Leased,
  ): Promise<DeliveryOutcome> {
    if (alert.delivery.status !== 'DELIVERED') return this.#post(alert, deadline, turn, leased);
    if (alert.acknowledgedAt !== undefined) {
      if (alert.delivery.acknowledgementShownAt === undefined)
        return this.#showAcknowledgement(alert, deadline, turn);
      await this.#options.store.dequeue(alert);
      return 'dequeued';
    }
    if (alert.level !== 'CRITICAL') {
      await this.#options.store.dequeue(alert);
      return 'dequeued';
    }
    const now = this.#clock();
    const last = Date.parse(alert.delivery.lastNotifiedAt ?? alert.raisedAt);
    const due = last + this.#options.renotifyMinutes * 60_000;
    if (due > now.getTime()) {
      // Another sweep re-notified it meanwhile: keep it queued for its own due time (the queue
      // position only; the delivery as stored stays untouched).
      await this.#options.store.reschedule(alert, iso(due));
      return 'nothing';
    }
    return this.#remind(alert, now, deadline, turn, leased);
  }

  async #post(
    alert: DeliverableAlert,
    deadline?: number,
    turn: Turn = FREE_TURN,
    leased?: Leased,
  ): Promise<DeliveryOutcome> {
    const now = this.#clock();
    const settings = await this.#options.settings.forTeam(alert.team);
    // An acknowledged alert left for the sweeper: its acknowledgement's stream record is handled.
    const delivery: SlackAlertDelivery = {
      ...withoutLease(alert.delivery),
      ...(alert.acknowledgedAt === undefined ? {} : { acknowledgementSeenFor: alert.acknowledgedAt }),
    };
    if (!settings) {
      // Mapping the team to a channel is an administrator's step; the sweeper retries until then.
      await this.#options.store.retryLater(
        alert,
        { ...delivery, lastError: `team ${alert.team} has no Slack channel (/cart setup)` },
        iso(now.getTime() + this.#options.renotifyMinutes * 60_000),
      );
      this.#options.log?.('warn', 'alert waiting for a channel', { team: alert.team, alertId: alert.id });
      return 'no-channel';
    }
    if (!(await this.#holds(alert, now, leased))) return 'held';
    const acknowledged = alert.acknowledgedAt !== undefined;
    const message = alertMessageView({
      alert,
      language: settings.language,
      oncallUserGroupId: settings.oncallUserGroupId,
      appUrl: this.#options.appUrl,
    });
    const attempts = delivery.attempts + 1;
    let posted: { channel: string; ts: string };
    try {
      posted = await inTurn(turn, () =>
        this.#options.slack.post({ channel: settings.channelId, ...message }, deadline),
      );
    } catch (error) {
      await this.#options.store.retryLater(
        alert,
        { ...delivery, status: 'PENDING', attempts, lastError: describeSlackError(error) },
        this.#clock().toISOString(),
      );
      throw error;
    }
    const at = this.#clock().toISOString();
    const critical = alert.level === 'CRITICAL' && !acknowledged;
    await this.#options.store.record(
      alert,
      {
        status: 'DELIVERED',
        channel: posted.channel,
        ts: posted.ts,
        attempts,
        lastNotifiedAt: at,
        ...(acknowledged ? { acknowledgementShownAt: at } : {}),
      },
      critical ? iso(Date.parse(at) + this.#options.renotifyMinutes * 60_000) : undefined,
    );
    await this.#chartInThread(alert, posted, settings.language);
    return 'posted';
  }

  /**
   * The course chart in the thread of a severe CRS or ICANS alert just posted, started in the
   * background (the chart function uploads it). A chart that cannot start never holds up or
   * fails the alert: it is logged.
   */
  async #chartInThread(
    alert: DeliverableAlert,
    posted: { readonly channel: string; readonly ts: string },
    language: 'zh-CN' | 'en',
  ): Promise<void> {
    const charts = this.#options.charts;
    if (!charts || !CHARTED_ESCALATIONS.has(alert.escalationId)) return;
    try {
      await charts.deliver({
        episodeId: alert.episodeId,
        hours: ALERT_CHART_HOURS,
        channel: posted.channel,
        threadTs: posted.ts,
        language,
      });
    } catch (error) {
      this.#options.log?.('warn', 'alert chart not started', {
        alertId: alert.id,
        escalationId: alert.escalationId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** The lease taken ahead (leaseAll), or one taken now. */
  async #holds(alert: DeliverableAlert, now: Date, leased: Leased): Promise<boolean> {
    if (leased !== undefined) return leased;
    return (await this.#options.store.lease(alert, now, DELIVERY_LEASE_MS)) !== undefined;
  }

  async #showAcknowledgement(
    alert: DeliverableAlert,
    deadline?: number,
    turn: Turn = FREE_TURN,
  ): Promise<DeliveryOutcome> {
    const { channel, ts } = alert.delivery;
    if (!channel || !ts) return 'nothing';
    const settings = await this.#options.settings.forTeam(alert.team);
    const message = alertMessageView({
      alert,
      language: settings?.language ?? 'en',
      oncallUserGroupId: settings?.oncallUserGroupId ?? null,
      appUrl: this.#options.appUrl,
    });
    const delivery = withoutLease(alert.delivery);
    try {
      await inTurn(turn, () => this.#options.slack.update({ channel, ts, ...message }, deadline));
    } catch (error) {
      // Back in the queue, due now: the sweeper shows it if the stream's retries cannot.
      await this.#options.store.retryLater(
        alert,
        { ...delivery, acknowledgementSeenFor: alert.acknowledgedAt, lastError: describeSlackError(error) },
        this.#clock().toISOString(),
      );
      throw error;
    }
    await this.#options.store.record(alert, {
      ...delivery,
      acknowledgementShownAt: this.#clock().toISOString(),
    });
    return 'updated';
  }

  async #remind(
    alert: DeliverableAlert,
    now: Date,
    deadline?: number,
    turn: Turn = FREE_TURN,
    leased?: Leased,
  ): Promise<DeliveryOutcome> {
    const { channel, ts } = alert.delivery;
    const settings = await this.#options.settings.forTeam(alert.team);
    if (!channel || !ts || !settings) return 'nothing';
    if (!(await this.#holds(alert, now, leased))) return 'held';
    const message = alertReminderView({
      alert,
      language: settings.language,
      oncallUserGroupId: settings.oncallUserGroupId,
      appUrl: this.#options.appUrl,
      minutesOpen: Math.round((now.getTime() - Date.parse(alert.raisedAt)) / 60_000),
    });
    const base = withoutLease(alert.delivery);
    try {
      await inTurn(turn, () =>
        this.#options.slack.post({ channel, threadTs: ts, broadcast: true, ...message }, deadline),
      );
    } catch (error) {
      // Still due: the next sweep tries again.
      await this.#options.store.record(
        alert,
        { ...base, lastError: describeSlackError(error) },
        now.toISOString(),
      );
      throw error;
    }
    const at = this.#clock().toISOString();
    await this.#options.store.record(
      alert,
      { ...base, lastNotifiedAt: at, renotifications: (base.renotifications ?? 0) + 1 },
      iso(Date.parse(at) + this.#options.renotifyMinutes * 60_000),
    );
    return 'reminded';
  }
}

const withoutLease = (delivery: SlackAlertDelivery): SlackAlertDelivery => {
  const { leaseUntil: _until, leaseToken: _token, ...rest } = delivery;
  return rest;
};
