import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStoreDeadline } from '../../functions/episodes/deadline.ts';
import {
  DoseRefusedError,
  EpisodeForbiddenError,
  IdempotencyConflictError,
  StoreUnavailableError,
} from '../../functions/episodes/errors.ts';
import type { Recording } from '../../functions/episodes/service.ts';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';
import { actor, documentClient, newEpisodeInput, serviceFor, testClock } from '../support/episodes.ts';

/**
 * Group commit: recordings queued for one episode in one process are folded in order and committed
 * together (one TransactWriteItems per group, within its 100 items), each graded exactly as if it
 * had been recorded alone after the one before it.
 */
let table: TestTable;
const clock = testClock('2026-03-03T06:00:00+08:00');
const clinician = actor('clinician');
const nurse = actor('nurse');
const viewer = actor('viewer');

beforeAll(async () => {
  table = await createTestTable('group-commit');
});
afterAll(async () => table.drop());

/** A document client on DynamoDB Local that counts commands and the items of each transaction. */
const countingClient = () => {
  const commands: string[] = [];
  const transactionSizes: number[] = [];
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_AWS, endpoint: table.endpoint }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  client.middlewareStack.add(
    (next, context) => (args) => {
      commands.push(String(context.commandName));
      const items = (args.input as { TransactItems?: unknown[] }).TransactItems;
      if (items) transactionSizes.push(items.length);
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  const count = (name: string) => commands.filter((c) => c === name).length;
  return { client, commands, transactionSizes, count };
};

/** A mocked client passing every command through to DynamoDB Local unless a test overrides it. */
const faultyClient = () => {
  const real = documentClient(table);
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_AWS, endpoint: table.endpoint }));
  const mock = mockClient(client);
  mock.on(QueryCommand).callsFake((input: QueryCommand['input']) => real.send(new QueryCommand(input)));
  mock.on(GetCommand).callsFake((input: GetCommand['input']) => real.send(new GetCommand(input)));
  mock
    .on(TransactWriteCommand)
    .callsFake((input: TransactWriteCommand['input']) => real.send(new TransactWriteCommand(input)));
  return { client, mock, real };
};

const MINUTE = 60_000;
const base = Date.parse('2026-03-03T01:00:00+08:00');

/**
 * Writer i's vital signs: a course through CRS grades 0 → 1 (fever, CRS-G1) → 2 (hypotension without
 * vasopressor, CRS-G2) → 3 (a vasopressor, CRS-G3) and back, with every 10th entered late (its
 * measuredAt before the one entered before it: a re-fold, EPI-4). Heart rate names the writer.
 */
const vitalsOf = (episodeId: string, i: number) => {
  const late = i > 0 && i % 10 === 0;
  const phase = Math.floor(i / 12) % 4;
  return {
    episodeId,
    measuredAt: new Date(base + (late ? i - 1.5 : i) * MINUTE).toISOString(),
    heartRate: 60 + i,
    temperatureCelsius: phase === 0 ? 37.2 : 38.6 + (i % 5) / 10,
    systolicBp: phase >= 2 ? 84 : 118,
    ...(phase === 3 ? { vasopressors: ['NOREPINEPHRINE'] } : {}),
  };
};

/** A value with every record id (a ULID) blanked: two courses compare by what they hold. */
const withoutIds = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value).replace(/[0-9A-HJKMNP-TV-Z]{26}/g, 'ULID'));

/** What a recording graded and raised, without ids. */
const clinicalOutcome = (recording: Recording) =>
  withoutIds({
    heartRate: (recording.record as { values?: { heartRate?: number } }).values?.heartRate,
    refolded: recording.refolded ?? false,
    gradings: recording.gradings.map((g) => ({
      domain: g.domain,
      grade: g.grade,
      status: g.status,
      needs: g.needs,
      drivers: g.drivers,
      recommendations: g.recommendations,
    })),
    alerts: recording.alerts.map((a) => [a.escalationId, a.level, a.crsEpisode]),
    repeated: (recording.repeatedAlerts ?? []).map((a) => [a.escalationId, a.occurrences]),
    summary: recording.episode.summary,
    version: recording.episode.version,
    timeline: recording.episode.timeline,
  });

describe('group commit', () => {
  it('100 concurrent recordings are stored once each, graded exactly as recorded one after another (CRS-G1, CRS-G2, CRS-G3, EPI-4, EPI-6), in far fewer than 100 transactions', async () => {
    const writers = 100;
    const { client, count, transactionSizes, commands } = countingClient();
    const service = serviceFor(table, clock.now, client);
    const grouped = await service.createEpisode(clinician, newEpisodeInput());
    const sequential = await service.createEpisode(clinician, newEpisodeInput());

    const expected: Recording[] = [];
    for (let i = 0; i < writers; i += 1)
      expected.push(await service.recordVitals(nurse, vitalsOf(sequential.id, i)));
    commands.length = 0;
    transactionSizes.length = 0;

    const results = await Promise.all(
      Array.from({ length: writers }, (_, i) => service.recordVitals(nurse, vitalsOf(grouped.id, i))),
    );
    const transactions = count('TransactWriteItemsCommand');
    console.info(
      `${writers} concurrent recordings: ${transactions} transactions (items: ${transactionSizes.join(', ')}), ${count('GetItemCommand')} GetItem`,
    );
    expect(results.map(clinicalOutcome)).toEqual(expected.map(clinicalOutcome));
    // Late entries (every 10th) re-fold from stored records: each starts a group of its own.
    expect(results.filter((r) => r.refolded)).toHaveLength(9);
    expect(transactions).toBeLessThanOrEqual(30);
    expect(Math.max(...transactionSizes)).toBeLessThanOrEqual(100);
    expect(count('GetItemCommand')).toBe(1);

    const state = await service.getEpisode(clinician, grouped.id);
    const heartRates = state.vitals.map((v) => v.values.heartRate).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(heartRates).toEqual(Array.from({ length: writers }, (_, i) => 60 + i));
    expect(state.head.version).toBe(writers + 1);
    expect(state.head.counts?.vitals).toBe(writers);
    const reference = await service.getEpisode(clinician, sequential.id);
    expect(withoutIds(state.head.summary)).toEqual(withoutIds(reference.head.summary));
    expect(withoutIds(state.head.timeline)).toEqual(withoutIds(reference.head.timeline));
    // EPI-6: one alert per escalation and CRS episode, its repeats counted as if sequential.
    const alerts = (s: typeof state) =>
      s.alerts
        .map((a) => [a.escalationId, a.crsEpisode, a.occurrences])
        .sort((a, b) => String(a).localeCompare(String(b)));
    expect(alerts(state)).toEqual(alerts(reference));
  }, 180_000);

  it('a lone recording is still 1 GetItem and 1 TransactWriteItems', async () => {
    const { client, commands } = countingClient();
    const service = serviceFor(table, clock.now, client);
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    commands.length = 0;
    await service.recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 38.3 });
    expect(commands).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
  });

  it('members refused in a group (TOCI-5 dose over the cap, a role that may not record) get their own errors; the others are stored', async () => {
    const { client, count, commands } = countingClient();
    const service = serviceFor(table, clock.now, client);
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    commands.length = 0;
    const vitals = (i: number) =>
      service.recordVitals(nurse, {
        episodeId: episode.id,
        measuredAt: new Date(base + i * MINUTE).toISOString(),
        temperatureCelsius: 38.5,
        heartRate: 80 + i,
      });
    const outcomes = await Promise.allSettled([
      vitals(0),
      vitals(1),
      // 900 mg is over the 800 mg cap: refused without an override reason.
      service.recordDose(clinician, {
        episodeId: episode.id,
        drug: 'TOCILIZUMAB',
        mg: 900,
        route: 'IV',
        givenAt: new Date(base + 2 * MINUTE).toISOString(),
      }),
      vitals(3),
      service.recordVitals(viewer, { episodeId: episode.id, temperatureCelsius: 39 }),
      vitals(5),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(DoseRefusedError);
    expect((outcomes[4] as PromiseRejectedResult).reason).toBeInstanceOf(EpisodeForbiddenError);
    const versions = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.episode.version] : []));
    expect(versions).toEqual([2, 3, 4, 5]);
    expect(count('TransactWriteItemsCommand')).toBe(1);
    const state = await service.getEpisode(clinician, episode.id);
    expect(state.vitals.map((v) => v.values.heartRate)).toEqual([80, 81, 83, 85]);
    expect(state.doses).toHaveLength(0);
    expect(state.head.version).toBe(5);
  });

  it('idempotent replays inside one group: each key is stored once, its repeats answer the first result, another input under a used key is a conflict', async () => {
    const { client, count, commands } = countingClient();
    const service = serviceFor(table, clock.now, client);
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    // A key used before the burst: its repeat in the group is refused by the store and replayed.
    const earlier = await service.recordVitals(
      nurse,
      { episodeId: episode.id, measuredAt: new Date(base).toISOString(), temperatureCelsius: 37 },
      { idempotencyKey: 'group-key-earlier' },
    );
    commands.length = 0;
    const input = (i: number) => ({
      episodeId: episode.id,
      measuredAt: new Date(base + (i + 1) * MINUTE).toISOString(),
      temperatureCelsius: 38.2,
      heartRate: 90 + i,
    });
    const send = (i: number, key: string) => service.recordVitals(nurse, input(i), { idempotencyKey: key });
    const outcomes = await Promise.allSettled([
      send(0, 'group-key-0'),
      send(1, 'group-key-1'),
      send(0, 'group-key-0'),
      send(2, 'group-key-2'),
      send(1, 'group-key-1'),
      service.recordVitals(
        nurse,
        { episodeId: episode.id, measuredAt: new Date(base).toISOString(), temperatureCelsius: 37 },
        { idempotencyKey: 'group-key-earlier' },
      ),
      send(3, 'group-key-0'),
      send(0, 'group-key-0'),
    ]);
    const value = (i: number) => (outcomes[i] as PromiseFulfilledResult<Recording>).value;
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect([0, 1, 3].map((i) => value(i).replayed)).toEqual([false, false, false]);
    expect([2, 4, 5, 7].map((i) => value(i).replayed)).toEqual([true, true, true, true]);
    expect(value(2).record.id).toBe(value(0).record.id);
    expect(value(7).record.id).toBe(value(0).record.id);
    expect(value(2).gradings.map((g) => g.id)).toEqual(value(0).gradings.map((g) => g.id));
    expect(value(4).record.id).toBe(value(1).record.id);
    expect(value(5).record.id).toBe(earlier.record.id);
    expect((outcomes[6] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyConflictError);
    // One group for the new keys; the write under the used key alone (it re-folds: entered late),
    // refused by the store for its key and answered its first result. Repeats cost no transaction.
    expect(count('TransactWriteItemsCommand')).toBeLessThanOrEqual(3);
    const state = await service.getEpisode(clinician, episode.id);
    expect(state.vitals.map((v) => v.values.heartRate)).toEqual([undefined, 90, 91, 92]);
    expect(state.head.version).toBe(5);
  });
});

describe('group commit under faults', () => {
  const burst = (service: ReturnType<typeof serviceFor>, episodeId: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      service.recordVitals(nurse, {
        episodeId,
        measuredAt: new Date(base + i * MINUTE).toISOString(),
        temperatureCelsius: 38.4,
        heartRate: 100 + i,
      }),
    );

  it('a group whose head moved on (condition failed) re-reads the head alone and commits every member once', async () => {
    const { client, mock, real } = faultyClient();
    const service = serviceFor(table, clock.now, client);
    const episode = await serviceFor(table, clock.now, real).createEpisode(clinician, newEpisodeInput());
    const other = serviceFor(table, clock.now, real);
    // Another process records while this one's first group is on its way.
    mock
      .on(TransactWriteCommand)
      .callsFakeOnce(async (input: TransactWriteCommand['input']) => {
        await other.recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 37.1, heartRate: 70 });
        return real.send(new TransactWriteCommand(input));
      })
      .callsFake((input: TransactWriteCommand['input']) => real.send(new TransactWriteCommand(input)));
    const results = await Promise.all(burst(service, episode.id, 8));
    expect(new Set(results.map((r) => r.episode.version)).size).toBe(8);
    const state = await service.getEpisode(clinician, episode.id);
    expect(state.vitals.map((v) => v.values.heartRate).sort()).toEqual([
      100, 101, 102, 103, 104, 105, 106, 107, 70,
    ]);
    expect(state.head.version).toBe(10);
    expect(mock.commandCalls(GetCommand).length).toBe(2);
  });

  it('a throttled group transaction is retried and stored once', async () => {
    const { client, mock, real } = faultyClient();
    const service = serviceFor(table, clock.now, client);
    const episode = await serviceFor(table, clock.now, real).createEpisode(clinician, newEpisodeInput());
    const throttled = Object.assign(new Error('Transaction cancelled'), {
      name: 'TransactionCanceledException',
      CancellationReasons: [{ Code: 'ThrottlingError' }],
      $metadata: { httpStatusCode: 400 },
    });
    mock
      .on(TransactWriteCommand)
      .rejectsOnce(throttled)
      .callsFake((input: TransactWriteCommand['input']) => real.send(new TransactWriteCommand(input)));
    const results = await Promise.all(burst(service, episode.id, 6));
    expect(results.map((r) => r.episode.version)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(2);
    const state = await service.getEpisode(clinician, episode.id);
    expect(state.vitals).toHaveLength(6);
  });

  it('queued past its caller’s deadline: NOT_WRITTEN, and never written; sent in a group that stalls past it: UNKNOWN', async () => {
    const { client, mock, real } = faultyClient();
    const service = serviceFor(table, clock.now, client);
    const episode = await serviceFor(table, clock.now, real).createEpisode(clinician, newEpisodeInput());
    // The first transaction is held until the second write has timed out in the queue; the second
    // (the group queued behind it) until the third one's caller has been answered.
    let releaseFirst: () => void = () => undefined;
    let releaseSecond: () => void = () => undefined;
    let secondSent: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const secondHeld = new Promise<void>((resolve) => (releaseSecond = resolve));
    const secondOnItsWay = new Promise<void>((resolve) => (secondSent = resolve));
    mock
      .on(TransactWriteCommand)
      .callsFakeOnce(async (input: TransactWriteCommand['input']) => {
        await firstHeld;
        return real.send(new TransactWriteCommand(input));
      })
      .callsFakeOnce(async (input: TransactWriteCommand['input']) => {
        secondSent();
        await secondHeld;
        return real.send(new TransactWriteCommand(input));
      })
      .callsFake((input: TransactWriteCommand['input']) => real.send(new TransactWriteCommand(input)));
    const record = (heartRate: number, ms: number | undefined) => {
      const write = () =>
        service.recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 38, heartRate }).then(
          () => 'stored',
          (error: unknown) => error,
        );
      return ms === undefined ? write() : withStoreDeadline(Date.now() + ms, write);
    };
    const first = record(60, undefined);
    await sleep(50);
    const expired = record(61, 200); // still queued when its deadline passes
    const inFlight = record(62, 3_000); // sent in the second group, which stalls past its deadline
    const patient = record(63, undefined);
    const queuedOutcome = await expired;
    releaseFirst();
    await secondOnItsWay;
    const sentOutcome = await inFlight;
    releaseSecond();
    expect(await first).toBe('stored');
    expect(queuedOutcome).toBeInstanceOf(StoreUnavailableError);
    expect((queuedOutcome as StoreUnavailableError).outcome).toBe('NOT_WRITTEN');
    expect(sentOutcome).toBeInstanceOf(StoreUnavailableError);
    expect((sentOutcome as StoreUnavailableError).outcome).toBe('UNKNOWN');
    expect(await patient).toBe('stored');
    const state = await serviceFor(table, clock.now, real).getEpisode(clinician, episode.id);
    // The UNKNOWN one was in fact stored with its group; the NOT_WRITTEN one never.
    expect(state.vitals.map((v) => v.values.heartRate).sort()).toEqual([60, 62, 63]);
    expect(state.head.version).toBe(4);
  });
});
