import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EpisodeValidationError } from '../../functions/episodes/errors.ts';
import type { EpisodeService } from '../../functions/episodes/service.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';
import { actor, newEpisodeInput, serviceFor, testClock } from '../support/episodes.ts';

let table: TestTable;
let service: EpisodeService;
const clock = testClock('2026-03-20T09:00:00+08:00');
const clinician = actor('clinician');
const nurse = actor('nurse');

beforeAll(async () => {
  table = await createTestTable('labs');
  service = serviceFor(table, clock.now);
});
afterAll(async () => table.drop());

describe('lab results', () => {
  it.each([
    [3.9, false, 'IVIG', 'IG-2', ['ESC-IGG']],
    [4.0, true, 'IVIG', 'IG-3', ['ESC-IGG']],
    [6.0, true, 'IVIG', 'IG-3', ['ESC-IGG']],
    [6.1, true, 'EVALUATE_IMMUNOGLOBULINS_AND_B_CELLS', 'IG-4', []],
    [5.0, false, 'MONITOR', 'IG-1', []],
  ])('IgG %s g/L with infection %s → %s (%s), alerts %j', async (igg, infection, status, ruleId, alerts) => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const recording = await service.recordLabResult(nurse, {
      episodeId: episode.id,
      iggGPerL: igg,
      infection,
    });
    const grading = recording.gradings.find((g) => g.domain === 'IMMUNOGLOBULIN');
    expect(grading).toMatchObject({ status });
    expect(grading?.drivers[0]?.ruleId).toBe(ruleId);
    expect(recording.alerts.map((a) => a.escalationId)).toEqual(alerts);
  });

  it('IgG 4–6 g/L without the infection status is UNKNOWN, never "monitor"', async () => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const recording = await service.recordLabResult(nurse, { episodeId: episode.id, iggGPerL: 5 });
    expect(recording.gradings[0]).toMatchObject({
      domain: 'IMMUNOGLOBULIN',
      status: 'UNKNOWN',
      needs: ['infection'],
    });
  });

  it('grades cytopenias (CYTO-1) and marks grade 3–4 as severe', async () => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const severe = await service.recordLabResult(nurse, {
      episodeId: episode.id,
      ancE9PerL: 0.4,
      plateletsE9PerL: 60,
    });
    expect(severe.gradings).toEqual([expect.objectContaining({ domain: 'CYTOPENIA', status: 'SEVERE' })]);
    const mild = await service.recordLabResult(nurse, {
      episodeId: episode.id,
      ancE9PerL: 1.0,
      haemoglobinGPerL: 80,
    });
    expect(mild.gradings[0]?.status).toBe('NOT_SEVERE');
  });

  it('rejects a lab entry with no value and one out of range, writing nothing', async () => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    await expect(
      service.recordLabResult(nurse, { episodeId: episode.id, infection: true }),
    ).rejects.toBeInstanceOf(EpisodeValidationError);
    const error = (await service
      .recordLabResult(nurse, { episodeId: episode.id, iggGPerL: 61 })
      .catch((e: unknown) => e)) as EpisodeValidationError;
    expect(error.issues[0]).toMatchObject({
      field: 'input.iggGPerL',
      allowed: 'between 0 and 60 g/L',
      received: 61,
    });
    expect((await service.getEpisode(clinician, episode.id)).head.version).toBe(1);
  });
});

describe('the episode plan (INF-2)', () => {
  it.each([
    ['2026-02-26', '2026-03-01', 'OK', []],
    ['2026-02-22', '2026-03-01', 'LATE', []],
    ['2026-02-21', '2026-03-01', 'LATE', []],
    ['2026-02-20', '2026-03-01', 'VIOLATION', ['ESC-INF']],
  ])('lymphodepletion ending %s, infusion %s → %s', async (end, infusion, status, alerts) => {
    const episode = await service.createEpisode(clinician, {
      ...newEpisodeInput(),
      lymphodepletionStartDate: '2026-02-18',
      lymphodepletionEndDate: end,
      infusionDate: infusion,
    });
    const state = await service.getEpisode(clinician, episode.id);
    expect(state.gradings.find((g) => g.domain === 'INFUSION_WINDOW')?.status).toBe(status);
    expect(state.alerts.map((a) => a.escalationId)).toEqual(alerts);
  });

  it('rejects dates out of order, naming the field', async () => {
    const error = (await service
      .createEpisode(clinician, {
        ...newEpisodeInput(),
        lymphodepletionEndDate: '2026-03-01',
        infusionDate: '2026-03-01',
      })
      .catch((e: unknown) => e)) as EpisodeValidationError;
    expect(error.issues[0]).toMatchObject({
      field: 'input.infusionDate',
      allowed: 'a date after lymphodepletionEndDate (2026-03-01)',
    });
  });
});
