import {
  BatchGetCommand,
  TransactWriteCommand,
  QueryCommand,
  DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { withStoreDeadline } from '../../functions/episodes/deadline.ts';
import { StoreUnavailableError } from '../../functions/episodes/errors.ts';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local.ts';
import { countingDocumentClient, createTestTable, type TestTable } from '../support/dynamodb.ts';
import { actor, documentClient, newEpisodeInput, serviceFor, testClock } from '../support/episodes.ts';

let table: TestTable;
const clock = testClock('2026-03-03T02:00:00+08:00');
const clinician = actor('clinician');
const nurse = actor('nurse');

beforeAll(async () => {
  table = await createTestTable('concurrency');
});
afterAll(async () => table.drop());

/** A document client whose commands are counted by name (real DynamoDB Local behind it). */
const countingClient = () => {
  const commands: string[] = [];
  return { client: countingDocumentClient(table.endpoint, commands), commands };
};

/** A mocked client that passes every command through to DynamoDB Local unless a test overrides it. */
const faultyClient = () => {
  const real = documentClient(table);
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_AWS, endpoint: table.endpoint }));
  const mock = mockClient(client);
  mock.on(QueryCommand).callsFake((input: QueryCommand['input']) => real.send(new QueryCommand(input)));
  mock
    .on(TransactWriteCommand)
    .callsFake((input: TransactWriteCommand['input']) => real.send(new TransactWriteCommand(input)));
  mock.on(GetCommand).callsFake((input: GetCommand['input']) => real.send(new GetCommand(input)));
  mock.on(UpdateCommand).callsFake((input: UpdateCommand['input']) => real.send(new UpdateCommand(input)));
  mock
    .on(BatchGetCommand)
    .callsFake((input: BatchGetCommand['input']) => real.send(new BatchGetCommand(input)));
  return { client, mock, real };
};

const throttled = () =>
  Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ProvisionedThroughputExceededException',
    $metadata: { httpStatusCode: 400 },
  });

describe('concurrent writers', () => {
  it('20 concurrent recordVitals on one episode are all stored, final version 21', async () => {
    const { client, commands } = countingClient();
    // Two processes (each serialises its own writes to an episode); between them, the head's version.
    const service = serviceFor(table, clock.now, client);
    const other = serviceFor(table, clock.now, client);
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const writes = Array.from({ length: 20 }, (_, i) =>
      (i % 2 === 0 ? service : other).recordVitals(nurse, {
        episodeId: episode.id,
        measuredAt: new Date(Date.parse('2026-03-03T01:00:00+08:00') + i * 60_000).toISOString(),
        temperatureCelsius: 37 + i / 10,
        systolicBp: 120,
      }),
    );
    const results = await Promise.all(writes);
    expect(new Set(results.map((r) => r.episode.version)).size).toBe(20);
    const state = await service.getEpisode(clinician, episode.id);
    expect(state.vitals).toHaveLength(20);
    expect(state.head.version).toBe(21);
    expect(state.gradings.filter((g) => g.domain === 'CRS')).toHaveLength(20);
    expect(results.every((r) => r.record.kind === 'VITALS')).toBe(true);
    // Each process commits its queued writes in groups; a group that lost to the other process
    // (the head moved on) re-reads the head only and re-grades.
    const transactions = commands.filter((c) => c === 'TransactWriteItemsCommand').length;
    expect(transactions).toBeLessThan(20);
  }, 120_000);

  it('in one process, writes queued on an episode are committed together from the head already read: 1 GetItem, 1 TransactWriteItems', async () => {
    const { client, commands } = countingClient();
    const service = serviceFor(table, clock.now, client);
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    commands.length = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        service.recordVitals(nurse, {
          episodeId: episode.id,
          measuredAt: new Date(Date.parse('2026-03-03T01:00:00+08:00') + i * 60_000).toISOString(),
          temperatureCelsius: 38 + i / 10,
          systolicBp: 110,
        }),
      ),
    );
    expect(results.map((r) => r.episode.version).sort((a, b) => a - b)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(commands.filter((c) => c === 'GetItemCommand')).toHaveLength(1);
    expect(commands.filter((c) => c === 'TransactWriteItemsCommand')).toHaveLength(1);
    const state = await service.getEpisode(clinician, episode.id);
    expect(state.vitals).toHaveLength(10);
    expect(state.head.version).toBe(11);
  });

  it('a write still queued at the caller’s deadline is StoreUnavailable (NOT_WRITTEN) and never runs later', async () => {
    const { client, mock, real } = faultyClient();
    const service = serviceFor(table, clock.now, client);
    const episode = await serviceFor(table, clock.now, real).createEpisode(clinician, newEpisodeInput());
    // The first write's transaction takes 500 ms; the second is queued behind it with 200 ms to go.
    let firstSent: () => void = () => undefined;
    const firstOnItsWay = new Promise<void>((resolve) => (firstSent = resolve));
    mock
      .on(TransactWriteCommand)
      .callsFakeOnce(async (input: TransactWriteCommand['input']) => {
        firstSent();
        await sleep(500);
        return real.send(new TransactWriteCommand(input));
      })
      .callsFake((input: TransactWriteCommand['input']) => real.send(new TransactWriteCommand(input)));
    const slow = service.recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 38.1 });
    await firstOnItsWay;
    const queued = await withStoreDeadline(Date.now() + 200, () =>
      service.recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 38.9 }).then(
        () => 'stored',
        (error: unknown) => error,
      ),
    );
    expect(queued).toBeInstanceOf(StoreUnavailableError);
    expect((queued as StoreUnavailableError).outcome).toBe('NOT_WRITTEN');
    await slow;
    await sleep(300);
    const state = await serviceFor(table, clock.now, real).getEpisode(clinician, episode.id);
    expect(state.vitals.map((v) => v.values.temperatureCelsius)).toEqual([38.1]);
    expect(state.head.version).toBe(2);
  });
});

describe('idempotency', () => {
  it('the same key sent 5 times writes once and answers the first result', async () => {
    const service = serviceFor(table, clock.now);
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const input = { episodeId: episode.id, temperatureCelsius: 38.4, systolicBp: 110 };
    const first = await service.recordVitals(nurse, input, { idempotencyKey: 'slack:trigger-123' });
    const retries = await Promise.all(
      Array.from({ length: 4 }, () =>
        service.recordVitals(nurse, input, { idempotencyKey: 'slack:trigger-123' }),
      ),
    );
    for (const retry of retries) {
      expect(retry.replayed).toBe(true);
      expect(retry.record.id).toBe(first.record.id);
      expect(retry.gradings.map((g) => g.id)).toEqual(first.gradings.map((g) => g.id));
    }
    const state = await service.getEpisode(clinician, episode.id);
    expect(state.vitals).toHaveLength(1);
    expect(state.head.version).toBe(2);
  });

  it('concurrent first sends with one key still write once', async () => {
    const service = serviceFor(table, clock.now);
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const input = { episodeId: episode.id, temperatureCelsius: 38.4 };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        service.recordVitals(nurse, input, { idempotencyKey: 'concurrent-key-1' }),
      ),
    );
    expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
    expect((await service.getEpisode(clinician, episode.id)).vitals).toHaveLength(1);
  });

  it('a key is remembered for 24 hours, then it is a new request', async () => {
    const at = testClock('2026-03-03T02:00:00Z');
    const service = serviceFor(table, at.now);
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const input = { episodeId: episode.id, temperatureCelsius: 37.2 };
    const first = await service.recordVitals(nurse, input, { idempotencyKey: 'day-old-key-1' });
    at.advanceMinutes(24 * 60 - 1);
    expect((await service.recordVitals(nurse, input, { idempotencyKey: 'day-old-key-1' })).record.id).toBe(
      first.record.id,
    );
    at.advanceMinutes(2);
    expect(
      (await service.recordVitals(nurse, input, { idempotencyKey: 'day-old-key-1' })).record.id,
    ).not.toBe(first.record.id);
  });

  it('createEpisode with the same key creates one episode', async () => {
    const service = serviceFor(table, clock.now);
    const first = await service.createEpisode(clinician, newEpisodeInput(), {
      idempotencyKey: 'create-key-0001',
    });
    const again = await service.createEpisode(clinician, newEpisodeInput(), {
      idempotencyKey: 'create-key-0001',
    });
    expect(again.id).toBe(first.id);
  });
});

describe('efficiency (SDK commands counted)', () => {
  it('a recording is 1 Query and 1 TransactWriteItems; reading an episode is 1 Query; a list is 1 Query', async () => {
    const { client, commands } = countingClient();
    const service = serviceFor(table, clock.now, client);
    const episode = await service.createEpisode(
      actor('clinician', ['hem-count']),
      newEpisodeInput('hem-count'),
    );
    commands.length = 0;
    await service.recordVitals(actor('nurse', ['hem-count']), {
      episodeId: episode.id,
      temperatureCelsius: 39,
      systolicBp: 85,
      vasopressors: ['NOREPINEPHRINE'],
    });
    expect(commands).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    commands.length = 0;
    await service.getEpisode(actor('viewer', ['hem-count']), episode.id);
    expect(commands).toEqual(['QueryCommand']);
    commands.length = 0;
    await service.listEpisodes(actor('clinician', ['hem-count']), { team: 'hem-count' });
    expect(commands).toEqual(['QueryCommand']);
  });
});

describe('fault injection', () => {
  it('throttling is retried with backoff, then succeeds', async () => {
    const { client, mock, real } = faultyClient();
    const service = serviceFor(table, clock.now, client);
    const episode = await serviceFor(table, clock.now, real).createEpisode(clinician, newEpisodeInput());
    mock
      .on(GetCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(throttled())
      .callsFake((input: GetCommand['input']) => real.send(new GetCommand(input)));
    const recording = await service.recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 38.2 });
    expect(recording.episode.version).toBe(2);
    expect(mock.commandCalls(GetCommand)).toHaveLength(3);
  });

  it('persistent throttling is reported as StoreUnavailableError, and nothing is written', async () => {
    const { client, mock, real } = faultyClient();
    const episode = await serviceFor(table, clock.now, real).createEpisode(clinician, newEpisodeInput());
    mock.on(TransactWriteCommand).rejects(throttled());
    const service = serviceFor(table, clock.now, client);
    await expect(
      service.recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 38.2 }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(3);
    expect((await serviceFor(table, clock.now, real).getEpisode(clinician, episode.id)).head.version).toBe(1);
  });

  it('a write stalled past the caller’s deadline answers UNKNOWN at once; applied late, the same key replays it and it is stored once', async () => {
    const { client, mock, real } = faultyClient();
    const episode = await serviceFor(table, clock.now, real).createEpisode(clinician, newEpisodeInput());
    let applied: Promise<unknown> = Promise.resolve();
    // DynamoDB stalls, then applies the transaction after the client has given up.
    mock
      .on(TransactWriteCommand)
      .callsFakeOnce((input: TransactWriteCommand['input']) => {
        applied = sleep(600).then(() => real.send(new TransactWriteCommand(input)));
        return new Promise<never>(() => undefined);
      })
      .callsFake((input: TransactWriteCommand['input']) => real.send(new TransactWriteCommand(input)));
    const service = serviceFor(table, clock.now, client);
    const vitals = {
      episodeId: episode.id,
      temperatureCelsius: 39.1,
      systolicBp: 84,
      vasopressors: ['NOREPINEPHRINE'],
    };
    const started = performance.now();
    const outcome = await withStoreDeadline(Date.now() + 300, () =>
      service.recordVitals(nurse, vitals, { idempotencyKey: 'stalled-write-0001' }).then(
        () => 'stored',
        (error: unknown) => error,
      ),
    );
    const answeredMs = performance.now() - started;
    expect(outcome).toBeInstanceOf(StoreUnavailableError);
    expect((outcome as StoreUnavailableError).outcome).toBe('UNKNOWN');
    expect(answeredMs).toBeLessThan(1_500);
    console.info(`stalled write answered UNKNOWN after ${answeredMs.toFixed(0)} ms (deadline 300 ms)`);

    await applied;
    const again = await service.recordVitals(nurse, vitals, { idempotencyKey: 'stalled-write-0001' });
    expect(again.replayed).toBe(true);
    const state = await serviceFor(table, clock.now, real).getEpisode(clinician, episode.id);
    expect(state.head.version).toBe(2);
    expect(state.records.filter((r) => r.kind === 'VITALS')).toHaveLength(1);
  });

  it('a cancelled transaction leaves nothing behind', async () => {
    const { client, mock, real } = faultyClient();
    const episode = await serviceFor(table, clock.now, real).createEpisode(clinician, newEpisodeInput());
    const before = await serviceFor(table, clock.now, real).getEpisode(clinician, episode.id);
    mock.on(TransactWriteCommand).rejects(
      Object.assign(new Error('Transaction cancelled'), {
        name: 'TransactionCanceledException',
        CancellationReasons: [{ Code: 'None' }, { Code: 'ValidationError' }],
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const service = serviceFor(table, clock.now, client);
    await expect(
      service.recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 40, systolicBp: 70 }),
    ).rejects.toMatchObject({
      name: 'TransactionCanceledException',
    });
    const state = await serviceFor(table, clock.now, real).getEpisode(clinician, episode.id);
    expect(state.records).toEqual(before.records);
    expect(state.head.version).toBe(1);
  });

  it('a timeout on the write is retried with the same client token and stored once', async () => {
    const { client, mock, real } = faultyClient();
    const episode = await serviceFor(table, clock.now, real).createEpisode(clinician, newEpisodeInput());
    const timeout = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    mock
      .on(TransactWriteCommand)
      .callsFakeOnce(async (input: TransactWriteCommand['input']) => {
        await real.send(new TransactWriteCommand(input)); // applied, but the answer is lost
        throw timeout;
      })
      .callsFake((input: TransactWriteCommand['input']) => real.send(new TransactWriteCommand(input)));
    const service = serviceFor(table, clock.now, client);
    await service.recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 38.6 });
    const tokens = mock
      .commandCalls(TransactWriteCommand)
      .map((call) => call.args[0].input.ClientRequestToken);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(tokens[1]);
    const state = await serviceFor(table, clock.now, real).getEpisode(clinician, episode.id);
    expect(state.vitals).toHaveLength(1);
    expect(state.head.version).toBe(2);
  });
});
