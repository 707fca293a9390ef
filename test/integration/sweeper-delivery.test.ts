import { DeleteCommand, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AlertDeliverer } from '../../functions/alerts/delivery.ts';
import { createWebClient, webApiPoster } from '../../functions/alerts/slack-web-api.ts';
import { AlertDeliveryStore, alertKeyOf } from '../../functions/episodes/alert-delivery-store.ts';
import { OverdueVitalsMonitor } from '../../functions/episodes/overdue-vitals.ts';
import type { AlertRecord, StoredItem } from '../../functions/episodes/records.ts';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import type { RetryPolicy } from '../../functions/episodes/retry.ts';
import { TeamSettingsService } from '../../functions/episodes/team-settings.ts';
import { TeamSettingsRepository } from '../../functions/episodes/team-settings-repository.ts';
import type { FakeSlackCall } from '../../functions/local/fake-slack-api.ts';
import { sweep, SWEEP_READ_BATCH, type SweepResult } from '../../functions/sweeper/sweep.ts';
import { countingDocumentClient, createTestTable, type TestTable } from '../support/dynamodb.ts';
import {
  benchChannelOf,
  configureTeams,
  countingTeamReads,
  injectSlackFailure,
  seedDueAlerts,
  startLoopbackSlack,
  type LoopbackSlack,
} from '../support/due-alerts.ts';

/**
 * The sweeper on a backlog of due alerts, on DynamoDB Local and the fake Slack Web API over
 * loopback (the real Web API client): every alert posted exactly once, each channel's messages in
 * the order the alerts were raised, each team's settings read once per sweep, the alerts read in
 * batches, and Slack's 429 Retry-After waited out by that channel alone.
 */

const FAST_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
const TEAMS = ['hem-a', 'hem-b', 'hem-c'];
/** Seeded but never mapped to a channel (`/cart setup` not done yet). */
const UNMAPPED = 'hem-new';
const RAISED_AT = new Date('2026-03-03T02:00:00.000Z');
const SWEEP_AT = new Date('2026-03-03T02:10:00.000Z');

let table: TestTable;
let slack: LoopbackSlack;
let client: DynamoDBDocumentClient;
const commands: string[] = [];
let settingsStore: ReturnType<typeof countingTeamReads>;

beforeAll(async () => {
  slack = await startLoopbackSlack();
});
afterAll(async () => slack.close());

beforeEach(async () => {
  table = await createTestTable('sweeper-delivery');
  client = countingDocumentClient(table.endpoint, commands);
  settingsStore = countingTeamReads(new TeamSettingsRepository(client, table.tableName, FAST_RETRY));
  await configureTeams(new TeamSettingsService(settingsStore), TEAMS);
  settingsStore.teamReads.length = 0;
  commands.length = 0;
});
afterEach(async () => {
  client.destroy();
  await table.drop();
});

const deliverer = () =>
  new AlertDeliverer({
    store: new AlertDeliveryStore(client, table.tableName, FAST_RETRY),
    settings: new TeamSettingsService(settingsStore),
    slack: webApiPoster(createWebClient('xoxb-test', slack.apiUrl)),
    clock: () => SWEEP_AT,
    renotifyMinutes: 15,
  });

const runSweep = (
  options: {
    concurrency?: number;
    with?: AlertDeliverer;
    /** What the alert queue's Query answers instead of the index as it is now (a lagging index). */
    queue?: readonly StoredItem[];
  } = {},
): Promise<SweepResult> => {
  const repository = new EpisodeRepository(client, table.tableName, FAST_RETRY);
  const { queue } = options;
  return sweep(
    {
      repository: {
        dueInQueue: (name, until) =>
          name === 'ALERT#OPEN' && queue ? Promise.resolve(queue) : repository.dueInQueue(name, until),
      },
      deliverer: options.with ?? deliverer(),
      monitor: new OverdueVitalsMonitor({ repository, newId: monotonicFactory() }),
      log: () => undefined,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    },
    SWEEP_AT,
  );
};

const seed = (count: number, teams: readonly string[] = TEAMS) =>
  seedDueAlerts(client, table.tableName, { count, teams, raisedAt: RAISED_AT });

/** Alert messages posted (not re-notifications, which reply in the alert's thread). */
const postsSince = (seq: number): FakeSlackCall[] =>
  slack.api
    .calls()
    .filter(
      (call) =>
        call.seq > seq &&
        call.method === 'chat.postMessage' &&
        call.status === 200 &&
        call.args.thread_ts === undefined,
    );
const lastSeq = (): number => slack.api.calls().at(-1)?.seq ?? 0;

/** Which seeded alert a posted message is about (its buttons carry the alert id). */
const alertOf = (call: FakeSlackCall, alerts: readonly AlertRecord[]): string | undefined => {
  const blocks = JSON.stringify(call.args.blocks);
  return alerts.find((alert) => blocks.includes(alert.id))?.id;
};

const expectEachPostedOnceInOrder = (posts: readonly FakeSlackCall[], alerts: readonly AlertRecord[]) => {
  const posted = posts.map((call) => alertOf(call, alerts));
  expect(posted.filter((id) => id === undefined)).toEqual([]);
  expect([...posted].sort()).toEqual(alerts.map((a) => a.id).sort());
  for (const team of new Set(alerts.map((a) => a.team))) {
    const channelPosts = posts.filter((call) => call.args.channel === benchChannelOf(team));
    expect(channelPosts.map((call) => alertOf(call, alerts))).toEqual(
      alerts.filter((a) => a.team === team).map((a) => a.id),
    );
  }
};

/** Every alert stored DELIVERED with its message's ts, and out of the queue unless critical. */
const expectAllDelivered = async (alerts: readonly AlertRecord[]) => {
  const stored = await new AlertDeliveryStore(client, table.tableName, FAST_RETRY).loadMany(alerts);
  for (const alert of alerts) {
    const item = stored.get(alertKeyOf(alert));
    expect(item?.delivery).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    expect(item?.delivery.ts).toMatch(/^\d+\.\d+$/);
    expect(item?.GSI2PK !== undefined).toBe(alert.level === 'CRITICAL');
  }
};

describe('a sweep of many due alerts', () => {
  it('posts every alert exactly once, in raised order per channel, reading each team’s settings once', async () => {
    const alerts = await seed(120);
    const before = lastSeq();
    commands.length = 0;
    expect(await runSweep()).toEqual({
      delivered: 120,
      renotified: 0,
      acknowledgementsShown: 0,
      overdueVitals: 0,
      failures: 0,
    });
    expectEachPostedOnceInOrder(postsSince(before), alerts);
    expect([...settingsStore.teamReads].sort()).toEqual(TEAMS);
    const count = (name: string) => commands.filter((c) => c === name).length;
    // The queue (two pages of 100) holds the alerts themselves; leased as the queue returned them,
    // none is read again: no BatchGetItem, no GetItem per alert (only each team's settings).
    expect(count('BatchGetItemCommand')).toBe(0);
    expect(count('GetItemCommand')).toBe(TEAMS.length);
    // Per batch: one transaction taking its leases; the delivery records written together (the
    // first alone, the others in transactions of those made meanwhile), not one update per alert.
    const recordWrites =
      count('UpdateItemCommand') + count('TransactWriteItemsCommand') - Math.ceil(120 / SWEEP_READ_BATCH);
    expect(recordWrites).toBeGreaterThanOrEqual(1);
    expect(recordWrites).toBeLessThanOrEqual(120 / 4);
    await expectAllDelivered(alerts);

    // Delivered: the next sweep posts nothing (critical ones are due again only in 15 minutes).
    const again = lastSeq();
    expect(await runSweep()).toMatchObject({ delivered: 0, failures: 0 });
    expect(postsSince(again)).toEqual([]);
  });

  it('a team without a channel is read once and its alerts wait; the other teams’ are posted', async () => {
    const alerts = await seed(40, ['hem-a', UNMAPPED]);
    const before = lastSeq();
    expect(await runSweep()).toMatchObject({
      delivered: alerts.filter((a) => a.team === 'hem-a').length,
      failures: 0,
    });
    expectEachPostedOnceInOrder(
      postsSince(before),
      alerts.filter((a) => a.team === 'hem-a'),
    );
    expect([...settingsStore.teamReads].sort()).toEqual(['hem-a', UNMAPPED]);
  });

  it('each sweep reads the settings afresh (a channel mapped between sweeps is used by the next one)', async () => {
    const alerts = await seed(8, ['hem-a', UNMAPPED]);
    const waiting = alerts.filter((a) => a.team === UNMAPPED).length;
    expect(waiting).toBe(4);
    expect(await runSweep()).toMatchObject({ delivered: alerts.length - waiting });
    await configureTeams(new TeamSettingsService(settingsStore), [UNMAPPED]);
    settingsStore.teamReads.length = 0;
    // The team's alerts wait for the re-notify interval once they found no channel.
    const later = new Date(SWEEP_AT.getTime() + 16 * 60_000);
    const repository = new EpisodeRepository(client, table.tableName, FAST_RETRY);
    const before = lastSeq();
    const result = await sweep(
      {
        repository,
        deliverer: new AlertDeliverer({
          store: new AlertDeliveryStore(client, table.tableName, FAST_RETRY),
          settings: new TeamSettingsService(settingsStore),
          slack: webApiPoster(createWebClient('xoxb-test', slack.apiUrl)),
          clock: () => later,
          renotifyMinutes: 15,
        }),
        monitor: new OverdueVitalsMonitor({ repository, newId: monotonicFactory() }),
        log: () => undefined,
      },
      later,
    );
    // The critical ones posted by the first sweep are re-notified meanwhile (in their threads).
    const critical = alerts.filter((a) => a.team === 'hem-a' && a.level === 'CRITICAL').length;
    expect(critical).toBeGreaterThan(0);
    expect(result).toMatchObject({ delivered: waiting, renotified: critical, failures: 0 });
    expect(postsSince(before).map((c) => c.args.channel)).toEqual(
      Array(waiting).fill(benchChannelOf(UNMAPPED)),
    );
    expect(settingsStore.teamReads.filter((t) => t === UNMAPPED)).toHaveLength(1);
  });

  it('two sweeps at once still post every alert exactly once (the lease)', async () => {
    const alerts = await seed(60);
    const before = lastSeq();
    const results = await Promise.all([runSweep(), runSweep({ with: deliverer() })]);
    expect(results.reduce((sum, r) => sum + r.delivered, 0)).toBe(60);
    expect(results.reduce((sum, r) => sum + r.failures, 0)).toBe(0);
    const posted = postsSince(before).map((call) => alertOf(call, alerts));
    expect(posted).toHaveLength(60);
    expect(new Set(posted).size).toBe(60);
  });

  it('the leases of each read batch are taken in one transaction, not one update per alert', async () => {
    const alerts = await seed(60);
    const before = lastSeq();
    commands.length = 0;
    expect(await runSweep()).toMatchObject({ delivered: 60, failures: 0 });
    expectEachPostedOnceInOrder(postsSince(before), alerts);
    const count = (name: string) => commands.filter((c) => c === name).length;
    // 60 alerts read in batches of SWEEP_READ_BATCH: one lease transaction per batch, taken before
    // any of the batch's posts (no lease update per alert).
    const leases = Math.ceil(60 / SWEEP_READ_BATCH);
    const firstUpdate = commands.indexOf('UpdateItemCommand');
    expect(
      commands.slice(0, firstUpdate).filter((c) => c === 'TransactWriteItemsCommand').length,
    ).toBeGreaterThanOrEqual(1);
    expect(count('TransactWriteItemsCommand') + count('UpdateItemCommand')).toBeLessThan(leases + 60 / 4);
  });

  it('a queue copy older than the alert (raised again, acknowledged) is not leased: the alert is read as stored and posted as it is now', async () => {
    const alerts = await seed(30);
    const repository = new EpisodeRepository(client, table.tableName, FAST_RETRY);
    // The queue as read before two changes reached the table (the index lags it).
    const lagging = await repository.dueInQueue('ALERT#OPEN', SWEEP_AT.toISOString());
    expect(lagging).toHaveLength(30);
    const [raisedAgain, acknowledged] = [alerts[3], alerts[11]];
    if (!raisedAgain || !acknowledged) throw new Error('nothing seeded');
    const newText = { en: 'Raised again: CRS grade 3 persists', 'zh-CN': '再次触发：CRS 3 级持续' };
    await client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { PK: raisedAgain.PK, SK: raisedAgain.SK },
        UpdateExpression: 'SET occurrences = :two, #text = :text',
        ExpressionAttributeNames: { '#text': 'text' },
        ExpressionAttributeValues: { ':two': 2, ':text': newText },
      }),
    );
    await client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { PK: acknowledged.PK, SK: acknowledged.SK },
        UpdateExpression: 'SET acknowledgedAt = :at, acknowledgedBy = :by',
        ExpressionAttributeValues: {
          ':at': '2026-03-03T02:05:00.000Z',
          ':by': { userId: 'U-ONCALL-1', displayName: 'On-call 1' },
        },
      }),
    );
    const before = lastSeq();
    commands.length = 0;
    expect(await runSweep({ queue: lagging })).toMatchObject({ delivered: 30, failures: 0 });
    const posts = postsSince(before);
    // An acknowledged alert's message has no Acknowledge button (which carries the alert id).
    const [acknowledgedPost, ...others] = [
      ...posts.filter((call) => alertOf(call, alerts) === undefined),
      ...posts.filter((call) => alertOf(call, alerts) !== undefined),
    ];
    expectEachPostedOnceInOrder(
      others,
      alerts.filter((alert) => alert !== acknowledged),
    );
    expect(posts).toHaveLength(30);
    // The two changed alerts were read again (one BatchGetItem for their batch) and posted as stored now.
    expect(commands.filter((c) => c === 'BatchGetItemCommand')).toHaveLength(1);
    const raisedAgainPost = posts.find((call) => alertOf(call, alerts) === raisedAgain.id);
    expect(JSON.stringify(raisedAgainPost?.args)).toContain(newText.en);
    expect(acknowledgedPost?.args.channel).toBe(benchChannelOf(acknowledged.team));
    expect(JSON.stringify(acknowledgedPost?.args)).toContain('U-ONCALL-1');
    const stored = await new AlertDeliveryStore(client, table.tableName, FAST_RETRY).load(acknowledged);
    expect(stored?.delivery).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    expect(stored?.delivery.acknowledgementShownAt).toBeDefined();
  });

  it('an alert another deliverer holds is left out of its batch’s lease transaction; the others are posted once, it is not', async () => {
    const alerts = await seed(30);
    const held = alerts[7];
    if (!held) throw new Error('nothing seeded');
    const store = new AlertDeliveryStore(client, table.tableName, FAST_RETRY);
    const stored = await store.load(held);
    if (!stored) throw new Error('alert not stored');
    expect(await store.lease(stored, SWEEP_AT, 60_000)).toBeDefined();
    const before = lastSeq();
    const result = await runSweep();
    expect(result).toMatchObject({ delivered: 29, failures: 0 });
    const posted = postsSince(before).map((call) => alertOf(call, alerts));
    expect(posted).toHaveLength(29);
    expect(posted).not.toContain(held.id);
    expect(new Set(posted).size).toBe(29);
  });

  it('Slack’s 429 on one channel is waited out (Retry-After) in that channel, in order; every alert still posted once', async () => {
    const alerts = await seed(30);
    await injectSlackFailure(slack, {
      method: 'chat.postMessage',
      channel: benchChannelOf('hem-b'),
      count: 1,
      status: 429,
      retryAfter: 1,
    });
    const before = lastSeq();
    expect(await runSweep()).toMatchObject({ delivered: 30, failures: 0 });
    const calls = slack.api.calls().filter((c) => c.seq > before && c.method === 'chat.postMessage');
    expect(calls.filter((c) => c.status === 429)).toHaveLength(1);
    expectEachPostedOnceInOrder(postsSince(before), alerts);
    // While hem-b waited out its Retry-After, the other channels went on.
    const limited = calls.findIndex((c) => c.status === 429);
    const retried = calls.findIndex((c, i) => i > limited && c.args.channel === benchChannelOf('hem-b'));
    expect(calls.slice(limited + 1, retried).some((c) => c.args.channel !== benchChannelOf('hem-b'))).toBe(
      true,
    );
  });
});

describe('delivery records written together (AlertDeliveryStore.recordMany)', () => {
  const delivered = (ts: string) =>
    ({
      status: 'DELIVERED',
      channel: 'C0HEMA',
      ts,
      attempts: 1,
      lastNotifiedAt: SWEEP_AT.toISOString(),
    }) as const;
  const NEXT_DUE = '2026-03-03T02:25:00.000Z';

  it('one transaction for the batch; an alert acknowledged meanwhile leaves the queue, one deleted meanwhile fails alone', async () => {
    const alerts = await seed(6, ['hem-a']);
    const store = new AlertDeliveryStore(client, table.tableName, FAST_RETRY);
    const loaded = await store.loadMany(alerts);
    const entries = alerts.map((alert, i) => {
      const stored = loaded.get(alertKeyOf(alert));
      if (!stored) throw new Error('alert not stored');
      return {
        alert: stored,
        delivery: delivered(`1700000000.00000${String(i)}`),
        nextDueAt: alert.level === 'CRITICAL' ? NEXT_DUE : undefined,
      };
    });
    const acknowledged = alerts.find((a) => a.level === 'CRITICAL');
    const deleted = alerts.at(-1);
    if (!acknowledged || !deleted || acknowledged === deleted) throw new Error('seed changed');
    await client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { PK: acknowledged.PK, SK: acknowledged.SK },
        UpdateExpression: 'SET acknowledgedAt = :at',
        ExpressionAttributeValues: { ':at': SWEEP_AT.toISOString() },
      }),
    );
    await client.send(
      new DeleteCommand({ TableName: table.tableName, Key: { PK: deleted.PK, SK: deleted.SK } }),
    );
    commands.length = 0;

    const outcomes = await store.recordMany(entries);

    expect(outcomes.map((o) => o.status)).toEqual(
      alerts.map((a) => (a === deleted ? 'rejected' : 'fulfilled')),
    );
    const after = await store.loadMany(alerts);
    alerts.forEach((alert, i) => {
      if (alert === deleted) {
        expect(after.has(alertKeyOf(alert))).toBe(false);
        return;
      }
      const item = after.get(alertKeyOf(alert));
      expect(item?.delivery).toMatchObject({ status: 'DELIVERED', ts: `1700000000.00000${String(i)}` });
      // Critical and unacknowledged: due again at NEXT_DUE; the others out of the queue.
      const queued = alert.level === 'CRITICAL' && alert !== acknowledged;
      expect(item?.GSI2SK?.startsWith(NEXT_DUE) ?? false).toBe(queued);
    });
    // Refused transaction, the two failed ones alone (the acknowledged one twice: its queued
    // update, then out of the queue), then the other four in one transaction.
    expect(commands.filter((c) => c === 'TransactWriteItemsCommand')).toHaveLength(2);
    expect(commands.filter((c) => c === 'UpdateItemCommand').length).toBeLessThanOrEqual(4);
  });

  it('an empty list writes nothing; a single record is one update', async () => {
    const [alert] = await seed(1, ['hem-a']);
    if (!alert) throw new Error('nothing seeded');
    const store = new AlertDeliveryStore(client, table.tableName, FAST_RETRY);
    const stored = await store.load(alert);
    if (!stored) throw new Error('alert not stored');
    commands.length = 0;
    expect(await store.recordMany([])).toEqual([]);
    expect(commands).toEqual([]);
    expect(await store.recordMany([{ alert: stored, delivery: delivered('1700000000.000009') }])).toEqual([
      { status: 'fulfilled', value: undefined },
    ]);
    expect(commands).toEqual(['UpdateItemCommand']);
  });
});
