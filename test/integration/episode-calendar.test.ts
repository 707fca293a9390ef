import { monotonicFactory } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeRepository } from '../../functions/episodes/repository.ts';
import { EpisodeService } from '../../functions/episodes/service.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';
import { actor, documentClient, newEpisodeInput, testClock } from '../support/episodes.ts';

/**
 * Days since infusion (CRS-S1's three weeks, the ESC-SUSPECT message) count in the hospital's
 * calendar (HOSPITAL_TIME_ZONE), whatever offset the measurement time was written with. The
 * episode is infused on 2026-03-01; midnight in Shanghai is 16:00 UTC the day before.
 */
let table: TestTable;
beforeEach(async () => {
  table = await createTestTable('episode-calendar');
});
afterEach(async () => table.drop());

const serviceIn = (timeZone: string | undefined, now: string) =>
  new EpisodeService({
    repository: new EpisodeRepository(documentClient(table), table.tableName, {
      maxAttempts: 3,
      baseDelayMs: 1,
      maxDelayMs: 5,
    }),
    clock: testClock(now).now,
    newId: monotonicFactory(),
    ...(timeZone === undefined ? {} : { timeZone }),
  });

const daysSinceInfusionAt = async (timeZone: string | undefined, measuredAt: string): Promise<unknown> => {
  const service = serviceIn(timeZone, measuredAt);
  const episode = await service.createEpisode(actor('clinician'), newEpisodeInput());
  const recording = await service.recordVitals(actor('nurse'), {
    episodeId: episode.id,
    measuredAt,
    temperatureCelsius: 38.6,
  });
  const suspicion = recording.gradings.find((grading) => grading.domain === 'CRS_SUSPICION');
  return (suspicion?.inputs as { daysSinceInfusion?: number } | undefined)?.daysSinceInfusion;
};

describe("days since infusion in the hospital's calendar", () => {
  it.each([
    ['2026-03-01T15:59:59.000Z', 0], // 23:59:59 on 1 March in Shanghai: still the infusion day
    ['2026-03-01T16:00:00.000Z', 1], // midnight in Shanghai: day 1, though UTC still says 1 March
    ['2026-03-02T08:00:00+08:00', 1],
    ['2026-03-22T15:59:59.000Z', 21], // the last day of CRS-S1's three weeks
    ['2026-03-22T16:00:00.000Z', 22],
  ])('Asia/Shanghai (the default): vital signs at %s are day %i', async (measuredAt, day) => {
    expect(await daysSinceInfusionAt(undefined, measuredAt)).toBe(day);
  });

  it('follows the configured time zone', async () => {
    expect(await daysSinceInfusionAt('UTC', '2026-03-01T16:00:00.000Z')).toBe(0);
    expect(await daysSinceInfusionAt('UTC', '2026-03-02T00:00:00.000Z')).toBe(1);
  });
});
