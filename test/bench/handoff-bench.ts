/**
 * `npm run bench:handoff`: the cost of a team's shift handoff (HANDOFF-1) for 30 active episodes
 * with long courses (every 15 min of vitals for `--hours`, fever and grade changes): DynamoDB
 * reads per handoff (through the recording proxy, so every call is seen), read units, and the
 * handoff's latency p50/p99 through the episode service. Target: under 1 s locally.
 * `handoffBenchSection()` returns the printable rows for other reports.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { pathToFileURL } from 'node:url';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import { EpisodeService } from '../../functions/episodes/service.ts';
import { LOCAL_AWS, startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { ensureEpisodesTable } from '../../functions/local/table-bootstrap.ts';
import { startDynamoRecorder } from './dynamodb-recorder.ts';
import { ms, summarise } from './stats.ts';

export type HandoffBenchOptions = {
  readonly episodes?: number;
  /** Hours of 15-minute vitals per episode. */
  readonly hours?: number;
  readonly runs?: number;
};

export const handoffBenchSection = async (options: HandoffBenchOptions = {}): Promise<string[]> => {
  const episodes = options.episodes ?? 30;
  const hours = options.hours ?? 24;
  const runs = options.runs ?? 50;
  const dynamo = await startDynamoDbLocal({ readyTimeoutMs: 180_000 });
  const recorder = await startDynamoRecorder(dynamo.endpoint);
  try {
    const raw = new DynamoDBClient({ ...LOCAL_AWS, endpoint: recorder.endpoint });
    const tableName = `bench-handoff-${Date.now()}`;
    await ensureEpisodesTable(raw, tableName);
    let now = Date.parse('2026-03-02T00:00:00Z');
    const service = new EpisodeService({
      repository: new EpisodeRepository(
        DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } }),
        tableName,
      ),
      clock: () => new Date(now),
      newId: monotonicFactory(),
    });
    const team = 'bench';
    const actor = { userId: 'bench', role: 'clinician' as const, teams: [team], via: 'graphql' as const };
    const ids: string[] = [];
    for (let i = 0; i < episodes; i += 1) {
      const head = await service.createEpisode(actor, {
        patientRef: `P-B-${i}`,
        team,
        weightKg: 70,
        heightCm: 170,
        product: 'CARTITUDE_1',
        infusionDate: '2026-03-01',
      });
      ids.push(head.id);
    }
    const start = now;
    for (let step = 0; step < hours * 4; step += 1) {
      const at = start + step * 15 * 60_000;
      now = at + 60_000;
      await Promise.all(
        ids.map((episodeId, i) =>
          service.recordVitals(actor, {
            episodeId,
            measuredAt: new Date(at).toISOString(),
            // A course that rises and falls: fever in alternate hours for every other episode.
            temperatureCelsius: i % 2 === 0 && Math.floor(step / 4) % 2 === 1 ? 38.6 : 37.2,
            systolicBp: i % 3 === 0 && step % 8 === 5 ? 85 : 120,
            spo2Percent: 96,
            oxygen: 'ROOM_AIR',
            vasopressors: [],
          }),
        ),
      );
    }
    const before = recorder.calls.length;
    const latencies: number[] = [];
    for (let r = 0; r < runs; r += 1) {
      const t = performance.now();
      await service.handoff(actor, { team });
      latencies.push(performance.now() - t);
    }
    const calls = recorder.calls.slice(before);
    const reads = calls.filter((c) => c.operation !== 'Streams.GetRecords');
    const units = reads.reduce((sum, c) => sum + c.readUnits, 0);
    const bytes = reads.reduce((sum, c) => sum + c.responseBytes, 0);
    const s = summarise(latencies);
    raw.destroy();
    return [
      `Shift handoff: team of ${episodes} active episodes, ${hours} h of 15-minute vitals each (${episodes * hours * 4} recordings)`,
      `  DynamoDB calls per handoff   ${(reads.length / runs).toFixed(2)}  (${[...new Set(reads.map((c) => c.operation))].join(', ')})`,
      `  read units per handoff       ${(units / runs).toFixed(1)}`,
      `  bytes answered per handoff   ${Math.round(bytes / runs)}`,
      `  latency p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  (${runs} runs; target < 1 s)`,
    ];
  } finally {
    await recorder.close();
    await dynamo.stop();
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const hours = Number(process.argv.find((a) => a.startsWith('--hours='))?.slice(8) ?? 24);
  for (const line of await handoffBenchSection({ hours })) console.log(line);
}
