import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { monotonicFactory } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consumeStream } from '../../functions/alerts/consume.ts';
import { AlertDeliverer } from '../../functions/alerts/delivery.ts';
import type { SlackMessageArgs, SlackPoster } from '../../functions/alerts/slack-web-api.ts';
import { AlertDeliveryStore, type DeliverableAlert } from '../../functions/episodes/alert-delivery-store.ts';
import { StoreUnavailableError } from '../../functions/episodes/errors.ts';
import { OverdueVitalsMonitor } from '../../functions/episodes/overdue-vitals.ts';
import type { AlertRecord } from '../../functions/episodes/records.ts';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import type { RetryPolicy } from '../../functions/episodes/retry.ts';
import type { EpisodeService } from '../../functions/episodes/service.ts';
import { TeamSettingsService } from '../../functions/episodes/team-settings.ts';
import { TeamSettingsRepository } from '../../functions/episodes/team-settings-repository.ts';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local.ts';
import { sweep, type SweepResult } from '../../functions/sweeper/sweep.ts';
import { ALERT_ACTIONS } from '../../slack-bot/ids.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';
import { actor, documentClient, newEpisodeInput, serviceFor, testClock } from '../support/episodes.ts';

/**
 * The alert delivery pipeline on DynamoDB Local: alerts raised by the real episode service, the
 * delivery store, team settings, and a Slack that records what it is sent. No alert lost, none
 * posted twice; unacknowledged critical alerts re-notified every ALERT_RENOTIFY_MINUTES.
 */

const RENOTIFY_MINUTES = 15;
const FAST_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
const TEAM = 'hem-a';
const CHANNEL = 'C0HEMA01';
const ONCALL = 'S0ONCALL1';
const admin = { userId: 'U0ADMIN', admin: true };
const clinician = actor('clinician', [TEAM], 'slack:U0CLIN01');
const nurse = actor('nurse', [TEAM]);

type Posted = SlackMessageArgs & {
  readonly threadTs?: string;
  readonly broadcast?: boolean;
  readonly ts: string;
};
type Updated = SlackMessageArgs & { readonly ts: string };

/** A Slack that records every post and update, and fails the next `failures` calls. */
const recordingSlack = () => {
  const posts: Posted[] = [];
  const updates: Updated[] = [];
  let failures = 0;
  let n = 0;
  const slack: SlackPoster = {
    post: (message) => {
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(
          Object.assign(new Error('An HTTP protocol error occurred: statusCode = 503'), {
            code: 'slack_webapi_http_error',
            statusCode: 503,
          }),
        );
      }
      n += 1;
      const ts = `1772500000.${String(n).padStart(6, '0')}`;
      posts.push({ ...message, ts });
      return Promise.resolve({ channel: message.channel, ts });
    },
    update: (message) => {
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new Error('request failed'));
      }
      updates.push(message);
      return Promise.resolve();
    },
  };
  return {
    slack,
    posts,
    updates,
    failNext: (count: number) => {
      failures = count;
    },
  };
};

let table: TestTable;
let client: DynamoDBDocumentClient;
let clock: ReturnType<typeof testClock>;
let service: EpisodeService;
let repository: EpisodeRepository;
let store: AlertDeliveryStore;
let settings: TeamSettingsService;
let slack: ReturnType<typeof recordingSlack>;
let deliverer: AlertDeliverer;

const delivererWith = (overrides: Partial<ConstructorParameters<typeof AlertDeliverer>[0]> = {}) =>
  new AlertDeliverer({
    store,
    settings,
    slack: slack.slack,
    clock: clock.now,
    renotifyMinutes: RENOTIFY_MINUTES,
    ...overrides,
  });

beforeEach(async () => {
  // A table per test: the sweeper's queues are table-wide.
  table = await createTestTable('alert-delivery');
  client = documentClient(table);
  clock = testClock('2026-03-03T02:00:00.000Z');
  service = serviceFor(table, clock.now, client);
  repository = new EpisodeRepository(client, table.tableName, FAST_RETRY);
  store = new AlertDeliveryStore(client, table.tableName, FAST_RETRY);
  settings = new TeamSettingsService(
    new TeamSettingsRepository(client, table.tableName, FAST_RETRY),
    clock.now,
  );
  slack = recordingSlack();
  deliverer = delivererWith();
});
afterEach(async () => table.drop());

const configureTeam = (team = TEAM, channelId = CHANNEL) =>
  settings.configure(admin, { team, channelId, oncallUserGroupId: ONCALL, language: 'en' });

/** CRS 3 (fever, hypotension on norepinephrine): the service raises ESC-CRS3, critical. */
const raiseCritical = async (team = TEAM): Promise<AlertRecord> => {
  const episode = await service.createEpisode(actor('clinician', [team]), newEpisodeInput(team));
  const recording = await service.recordVitals(actor('nurse', [team]), {
    episodeId: episode.id,
    measuredAt: clock.now().toISOString(),
    temperatureCelsius: 38.9,
    systolicBp: 84,
    heartRate: 124,
    vasopressors: ['NOREPINEPHRINE'],
  });
  const alert = recording.alerts.find((a) => a.escalationId === 'ESC-CRS3');
  if (alert?.level !== 'CRITICAL') throw new Error('expected a critical ESC-CRS3 alert');
  // The other alerts of the same recording leave the work queue, so each test follows one alert.
  for (const other of recording.alerts.filter((a) => a.id !== alert.id)) await store.dequeue(other);
  return alert;
};

const stored = async (alert: AlertRecord): Promise<DeliverableAlert> => {
  const item = await store.load(alert);
  if (!item) throw new Error(`alert ${alert.id} not stored`);
  return item;
};

/** The alert's place in the ALERT#OPEN queue, as the sweeper sees it at `at`. */
const queuedAt = async (alert: AlertRecord, at: string): Promise<boolean> =>
  (await repository.dueInQueue('ALERT#OPEN', at)).some((item) => item.SK === alert.SK);

const runSweep = (deps: { deliverer?: AlertDeliverer } = {}): Promise<SweepResult> =>
  sweep(
    {
      repository,
      deliverer: deps.deliverer ?? deliverer,
      monitor: new OverdueVitalsMonitor({ repository, newId: monotonicFactory() }),
      log: () => undefined,
    },
    clock.now(),
  );

const lambdaContext = { functionName: 'alerts' } as unknown as Context;
let sequence = 0;
/** The stream record the table would emit for the alert as stored now. */
const modifyEvent = async (alert: AlertRecord): Promise<DynamoDBStreamEvent> => {
  const { Item } = await client.send(
    new GetCommand({ TableName: table.tableName, Key: { PK: alert.PK, SK: alert.SK } }),
  );
  sequence += 1;
  return {
    Records: [
      {
        eventName: 'MODIFY',
        dynamodb: {
          NewImage: marshall(Item ?? {}, { removeUndefinedValues: true }) as never,
          SequenceNumber: String(sequence),
        },
      },
    ],
  };
};

type Button = { action_id?: string; value?: string; text?: { text?: string } };
const buttonsOf = (message: SlackMessageArgs): Button[] =>
  message.blocks.flatMap((block) => (block.type === 'actions' ? (block.elements as Button[]) : []));

describe('a new critical alert', () => {
  it('is posted once to the team’s channel, mentioning the on-call group, with Acknowledge and Open buttons', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    expect(await deliverer.deliver(alert)).toBe('posted');

    expect(slack.posts).toHaveLength(1);
    const [post] = slack.posts;
    expect(post?.channel).toBe(CHANNEL);
    expect(post?.threadTs).toBeUndefined();
    expect(post?.text).toContain(`<!subteam^${ONCALL}>`);
    expect(post?.text).toContain('ESC-CRS3');
    expect(post?.text).toContain(alert.episodeId);
    expect(JSON.stringify(post?.blocks)).toContain(`<!subteam^${ONCALL}>`);
    expect(
      buttonsOf(post ?? { channel: '', text: '', blocks: [] }).map((b) => [b.action_id, b.value]),
    ).toEqual([
      [ALERT_ACTIONS.acknowledge, `${alert.episodeId}:${alert.id}`],
      [ALERT_ACTIONS.open, `${alert.episodeId}:${alert.id}`],
    ]);

    const after = await stored(alert);
    expect(after.delivery).toEqual({
      status: 'DELIVERED',
      channel: CHANNEL,
      ts: post?.ts,
      attempts: 1,
      lastNotifiedAt: clock.now().toISOString(),
    });
    // Unacknowledged and critical: queued for its re-notification, not before.
    expect(after.GSI2SK?.startsWith('2026-03-03T02:15:00.000Z#')).toBe(true);

    // The stream may hand the same record over again: nothing more is posted.
    expect(await deliverer.deliver(alert)).toBe('nothing');
    expect(slack.posts).toHaveLength(1);
  });

  it('two concurrent deliveries of the same alert post it exactly once (lease)', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    const other = delivererWith();
    const outcomes = await Promise.all([
      deliverer.deliver(alert),
      other.deliver(alert),
      deliverer.deliver(alert),
    ]);
    expect(outcomes.filter((o) => o === 'posted')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'posted').every((o) => o === 'held' || o === 'nothing')).toBe(true);
    expect(slack.posts).toHaveLength(1);
    expect((await stored(alert)).delivery).toMatchObject({ status: 'DELIVERED', attempts: 1 });
  });

  it('a deliverer that read the alert before another one posted it does not post it again', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    let firstDone: () => void = () => undefined;
    const posted = new Promise<void>((resolve) => (firstDone = resolve));
    // The late deliverer reads the PENDING alert, then reaches for the lease only after the first
    // deliverer has posted it and released the lease.
    const late = delivererWith({
      store: {
        load: (key) => store.load(key),
        lease: async (...args) => {
          await posted;
          return store.lease(...args);
        },
        record: (...args) => store.record(...args),
        retryLater: (...args) => store.retryLater(...args),
        reschedule: (...args) => store.reschedule(...args),
        dequeue: (key) => store.dequeue(key),
      },
    });
    const lateOutcome = late.deliver(alert);
    expect(await deliverer.deliver(alert)).toBe('posted');
    firstDone();
    expect(await lateOutcome).toBe('held');
    expect(slack.posts).toHaveLength(1);
  });
});

describe('when Slack fails', () => {
  it('the alert stays PENDING in the ALERT#OPEN queue, due now, and a later sweep posts it once', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    slack.failNext(1);
    await expect(deliverer.deliver(alert)).rejects.toThrow(/503/);
    expect(slack.posts).toHaveLength(0);

    const pending = await stored(alert);
    expect(pending.delivery).toEqual({ status: 'PENDING', attempts: 1, lastError: 'HTTP 503' });
    expect(await queuedAt(alert, clock.now().toISOString())).toBe(true);

    clock.advanceMinutes(1);
    expect(await runSweep()).toMatchObject({ delivered: 1, failures: 0 });
    expect(slack.posts).toHaveLength(1);
    expect(slack.posts[0]).toMatchObject({
      channel: CHANNEL,
      text: expect.stringContaining(`<!subteam^${ONCALL}>`) as unknown,
    });
    expect((await stored(alert)).delivery).toMatchObject({
      status: 'DELIVERED',
      attempts: 2,
      ts: slack.posts[0]?.ts,
    });

    // The stream's own retry of the record now finds it delivered.
    expect(await deliverer.deliver(alert)).toBe('nothing');
    expect(await runSweep()).toMatchObject({ delivered: 0, renotified: 0 });
    expect(slack.posts).toHaveLength(1);
  });

  it('a sweep during the outage counts the failure and keeps the alert queued', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    slack.failNext(2);
    await expect(deliverer.deliver(alert)).rejects.toThrow();
    expect(await runSweep()).toMatchObject({ delivered: 0, failures: 1 });
    expect((await stored(alert)).delivery).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(await queuedAt(alert, clock.now().toISOString())).toBe(true);
    expect(await runSweep()).toMatchObject({ delivered: 1, failures: 0 });
    expect(slack.posts).toHaveLength(1);
  });

  it('an alert acknowledged before Slack came back is still posted, showing who acknowledged it', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    slack.failNext(1);
    await expect(deliverer.deliver(alert)).rejects.toThrow();
    clock.advanceMinutes(2);
    await service.acknowledgeAlert(clinician, { episodeId: alert.episodeId, alertId: alert.id });

    // The acknowledgement leaves the alert in the sweeper's queue (it was never posted), and its
    // stream record (MODIFY) asks the consumer to deliver it.
    expect(await queuedAt(alert, '2099-01-01T00:00:00.000Z')).toBe(true);
    const response = await consumeStream(await modifyEvent(alert), lambdaContext, { deliverer });
    expect(response.batchItemFailures).toEqual([]);
    expect(slack.posts).toHaveLength(1);
    expect(slack.posts[0]?.text).not.toContain('<!subteam^');
    expect(buttonsOf(slack.posts[0] ?? { channel: '', text: '', blocks: [] })).toEqual([]);
    expect(JSON.stringify(slack.posts[0]?.blocks)).toContain('<@U0CLIN01>');
    expect(await queuedAt(alert, '2099-01-01T00:00:00.000Z')).toBe(false);
  });
});

describe('a team without a channel', () => {
  it('keeps the alert pending until a channel is configured; then the sweep posts it there', async () => {
    const alert = await raiseCritical();
    expect(await deliverer.deliver(alert)).toBe('no-channel');
    expect(slack.posts).toHaveLength(0);
    expect((await stored(alert)).delivery).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      lastError: `team ${TEAM} has no Slack channel (/cart setup)`,
    });

    clock.advanceMinutes(RENOTIFY_MINUTES);
    expect(await runSweep()).toMatchObject({ delivered: 0, failures: 0 });
    expect(slack.posts).toHaveLength(0);
    expect((await stored(alert)).delivery.status).toBe('PENDING');

    await configureTeam();
    clock.advanceMinutes(RENOTIFY_MINUTES);
    expect(await runSweep()).toMatchObject({ delivered: 1 });
    expect(slack.posts).toHaveLength(1);
    expect(slack.posts[0]).toMatchObject({ channel: CHANNEL });
    expect(slack.posts[0]?.text).toContain(`<!subteam^${ONCALL}>`);
    expect((await stored(alert)).delivery).toMatchObject({
      status: 'DELIVERED',
      channel: CHANNEL,
      attempts: 1,
    });
  });
});

describe('acknowledgement', () => {
  it('updates the message in place once (same channel and ts) and takes the alert out of the queue', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    await deliverer.deliver(alert);
    const ts = slack.posts[0]?.ts;

    clock.advanceMinutes(3);
    await service.acknowledgeAlert(clinician, { episodeId: alert.episodeId, alertId: alert.id });
    expect(await deliverer.deliver(alert)).toBe('updated');
    expect(slack.updates).toHaveLength(1);
    const [update] = slack.updates;
    expect(update).toMatchObject({ channel: CHANNEL, ts });
    expect(update?.text).not.toContain('<!subteam^');
    expect(buttonsOf(update ?? { channel: '', text: '', blocks: [] })).toEqual([]);
    expect(JSON.stringify(update?.blocks)).toContain('<@U0CLIN01>');
    expect((await stored(alert)).delivery).toMatchObject({
      acknowledgementShownAt: clock.now().toISOString(),
    });

    // Shown once; no reminder for an acknowledged alert, and nothing left in the queue.
    expect(await deliverer.deliver(alert)).toBe('nothing');
    clock.advanceMinutes(RENOTIFY_MINUTES * 3);
    expect(await queuedAt(alert, clock.now().toISOString())).toBe(false);
    expect(await runSweep()).toEqual({
      delivered: 0,
      renotified: 0,
      acknowledgementsShown: 0,
      overdueVitals: 0,
      failures: 0,
    });
    expect(slack.updates).toHaveLength(1);
    expect(slack.posts).toHaveLength(1);
  });

  it('a failed update is left to the sweeper, which shows it once', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    await deliverer.deliver(alert);
    await service.acknowledgeAlert(clinician, { episodeId: alert.episodeId, alertId: alert.id });
    slack.failNext(1);
    await expect(deliverer.deliver(alert)).rejects.toThrow();
    expect((await stored(alert)).delivery.acknowledgementSeenFor).toBe(clock.now().toISOString());
    expect(await queuedAt(alert, clock.now().toISOString())).toBe(true);

    expect(await runSweep()).toMatchObject({ acknowledgementsShown: 1, failures: 0 });
    expect(slack.updates).toHaveLength(1);
    expect(slack.updates[0]).toMatchObject({ channel: CHANNEL, ts: slack.posts[0]?.ts });
    expect(await runSweep()).toMatchObject({ acknowledgementsShown: 0 });
    expect(await queuedAt(alert, '2099-01-01T00:00:00.000Z')).toBe(false);
  });
});

describe('re-notification of an unacknowledged critical alert (every ALERT_RENOTIFY_MINUTES)', () => {
  const atMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

  it('nothing just before the interval; one reminder in the thread at it; the next only after another interval', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    await deliverer.deliver(alert);
    const postedAt = clock.now().toISOString();
    const ts = slack.posts[0]?.ts;

    clock.set(atMs(postedAt, RENOTIFY_MINUTES * 60_000 - 1));
    expect(await runSweep()).toMatchObject({ renotified: 0 });
    expect(slack.posts).toHaveLength(1);

    clock.set(atMs(postedAt, RENOTIFY_MINUTES * 60_000));
    expect(await runSweep()).toMatchObject({ renotified: 1, failures: 0 });
    expect(slack.posts).toHaveLength(2);
    const reminder = slack.posts[1];
    expect(reminder).toMatchObject({ channel: CHANNEL, threadTs: ts, broadcast: true });
    expect(reminder?.text).toContain(`<!subteam^${ONCALL}>`);
    expect(reminder?.text).toContain('ESC-CRS3');
    expect(reminder?.text).toContain(`(${String(RENOTIFY_MINUTES)} min)`);
    expect((await stored(alert)).delivery).toMatchObject({
      renotifications: 1,
      lastNotifiedAt: clock.now().toISOString(),
    });

    clock.set(atMs(postedAt, RENOTIFY_MINUTES * 60_000 + 60_000));
    expect(await runSweep()).toMatchObject({ renotified: 0 });
    clock.set(atMs(postedAt, 2 * RENOTIFY_MINUTES * 60_000 - 1));
    expect(await runSweep()).toMatchObject({ renotified: 0 });
    expect(slack.posts).toHaveLength(2);

    clock.set(atMs(postedAt, 2 * RENOTIFY_MINUTES * 60_000));
    expect(await runSweep()).toMatchObject({ renotified: 1 });
    expect(slack.posts).toHaveLength(3);
    expect(slack.posts[2]).toMatchObject({ threadTs: ts, broadcast: true });
    expect(slack.posts[2]?.text).toContain(`(${String(2 * RENOTIFY_MINUTES)} min)`);
    expect((await stored(alert)).delivery.renotifications).toBe(2);
  });

  it('two sweeps at the same time send one reminder', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    await deliverer.deliver(alert);
    clock.advanceMinutes(RENOTIFY_MINUTES);
    const results = await Promise.all([
      runSweep(),
      runSweep({ deliverer: delivererWith() }),
      runSweep({ deliverer: delivererWith() }),
    ]);
    expect(results.reduce((sum, r) => sum + r.renotified, 0)).toBe(1);
    expect(slack.posts.filter((p) => p.threadTs !== undefined)).toHaveLength(1);
    expect((await stored(alert)).delivery.renotifications).toBe(1);
  });

  it('a reminder that is not due after a late read is not sent again (stale sweep)', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    await deliverer.deliver(alert);
    clock.advanceMinutes(RENOTIFY_MINUTES);
    const before = await stored(alert);
    await runSweep();
    expect(slack.posts).toHaveLength(2);
    // A deliverer still holding the earlier read cannot take the lease.
    expect(await store.lease(before, clock.now(), 60_000)).toBeUndefined();
  });

  it('an acknowledged alert is not re-notified', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    await deliverer.deliver(alert);
    await service.acknowledgeAlert(clinician, { episodeId: alert.episodeId, alertId: alert.id });
    await deliverer.deliver(alert);
    clock.advanceMinutes(RENOTIFY_MINUTES * 4);
    expect(await runSweep()).toMatchObject({ renotified: 0 });
    expect(slack.posts).toHaveLength(1);
  });
});

describe('a non-critical alert', () => {
  it('is posted without paging the on-call group and leaves the queue once delivered', async () => {
    await configureTeam();
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const recording = await service.recordVitals(nurse, {
      episodeId: episode.id,
      measuredAt: clock.now().toISOString(),
      // CRS 2 (hypotension without a vasopressor): ESC-CRS2, urgent.
      temperatureCelsius: 38.5,
      systolicBp: 85,
      oxygen: 'ROOM_AIR',
      vasopressors: [],
      spo2Percent: 96,
    });
    const alerts = recording.alerts.filter((a) => a.level !== 'CRITICAL');
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) expect(await deliverer.deliver(alert)).toBe('posted');
    expect(slack.posts).toHaveLength(alerts.length);
    for (const post of slack.posts) {
      expect(post.channel).toBe(CHANNEL);
      expect(post.text).not.toContain('<!subteam^');
    }
    for (const alert of alerts) {
      expect((await stored(alert)).delivery.status).toBe('DELIVERED');
      expect(await queuedAt(alert, '2099-01-01T00:00:00.000Z')).toBe(false);
    }
    clock.advanceMinutes(RENOTIFY_MINUTES * 2);
    expect(await runSweep()).toMatchObject({ renotified: 0, delivered: 0 });
    expect(slack.posts).toHaveLength(alerts.length);
  });
});

describe('store faults (injected on the document client)', () => {
  const throttled = () =>
    Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    });

  /** A mocked document client passing everything through to DynamoDB Local unless a test overrides it. */
  const faultInjected = () => {
    const real = documentClient(table);
    const faulty = DynamoDBDocumentClient.from(
      new DynamoDBClient({ ...LOCAL_AWS, endpoint: table.endpoint }),
    );
    const mock = mockClient(faulty);
    mock.on(GetCommand).callsFake((input: GetCommand['input']) => real.send(new GetCommand(input)));
    mock.on(QueryCommand).callsFake((input: QueryCommand['input']) => real.send(new QueryCommand(input)));
    mock
      .on(TransactWriteCommand)
      .callsFake((input: TransactWriteCommand['input']) => real.send(new TransactWriteCommand(input)));
    mock.on(UpdateCommand).callsFake((input: UpdateCommand['input']) => real.send(new UpdateCommand(input)));
    return { mock, real, faultyStore: new AlertDeliveryStore(faulty, table.tableName, FAST_RETRY) };
  };
  const isLease = (input: UpdateCommand['input']) => input.UpdateExpression?.includes('leaseUntil') === true;

  it('throttling on the store’s update is retried, then the alert is posted once', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    const { mock, real, faultyStore } = faultInjected();
    let throttles = 2;
    mock.on(UpdateCommand).callsFake((input: UpdateCommand['input']) => {
      if (throttles > 0) {
        throttles -= 1;
        return Promise.reject(throttled());
      }
      return real.send(new UpdateCommand(input));
    });
    expect(await delivererWith({ store: faultyStore }).deliver(alert)).toBe('posted');
    expect(throttles).toBe(0);
    expect(slack.posts).toHaveLength(1);
    expect((await stored(alert)).delivery).toMatchObject({ status: 'DELIVERED', channel: CHANNEL });
  });

  it('throttling that outlasts the retries is reported (StoreUnavailableError) and nothing is posted', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    const { mock, faultyStore } = faultInjected();
    mock.on(UpdateCommand).rejects(throttled());
    await expect(delivererWith({ store: faultyStore }).deliver(alert)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(mock.commandCalls(UpdateCommand)).toHaveLength(FAST_RETRY.maxAttempts);
    expect(slack.posts).toHaveLength(0);
    // Still pending and queued: the stream's retry or the sweeper delivers it later.
    expect((await stored(alert)).delivery.status).toBe('PENDING');
    clock.advanceMinutes(3);
    expect(await runSweep()).toMatchObject({ delivered: 1 });
    expect(slack.posts).toHaveLength(1);
  });

  it('a ConditionalCheckFailed on the lease means another deliverer holds it: held, nothing posted', async () => {
    await configureTeam();
    const alert = await raiseCritical();
    const { mock, real, faultyStore } = faultInjected();
    mock.on(UpdateCommand).callsFake((input: UpdateCommand['input']) =>
      isLease(input)
        ? Promise.reject(
            Object.assign(new Error('The conditional request failed'), {
              name: 'ConditionalCheckFailedException',
              $metadata: { httpStatusCode: 400 },
            }),
          )
        : real.send(new UpdateCommand(input)),
    );
    expect(await delivererWith({ store: faultyStore }).deliver(alert)).toBe('held');
    expect(slack.posts).toHaveLength(0);
    expect(mock.commandCalls(UpdateCommand).filter((call) => isLease(call.args[0].input))).toHaveLength(1);
    expect((await stored(alert)).delivery).toEqual({ status: 'PENDING', attempts: 0 });
  });
});
