import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EpisodeForbiddenError,
  EpisodeNotFoundError,
  EpisodeValidationError,
} from '../../functions/episodes/errors.ts';
import type { EpisodeService } from '../../functions/episodes/service.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';
import { actor, newEpisodeInput, serviceFor, testClock } from '../support/episodes.ts';

let table: TestTable;
const clock = testClock('2026-03-03T02:00:00+08:00');
let service: EpisodeService;
const clinician = actor('clinician');
const nurse = actor('nurse');

beforeAll(async () => {
  table = await createTestTable('lifecycle');
  service = serviceFor(table, clock.now);
});
afterAll(async () => table.drop());

describe('an episode from infusion to acknowledged critical alert', () => {
  it('grades a febrile hypotensive patient on norepinephrine as CRS 3 with a critical alert, doses in mg, and the timeline', async () => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    expect(episode).toMatchObject({
      id: expect.stringMatching(/^EP-\d+$/) as unknown,
      status: 'ACTIVE',
      version: 1,
      team: 'hem-a',
    });

    const recording = await service.recordVitals(nurse, {
      episodeId: episode.id,
      measuredAt: '2026-03-03T02:00:00+08:00',
      temperatureCelsius: 38.9,
      systolicBp: 84,
      heartRate: 124,
      spo2Percent: 95,
      vasopressors: ['NOREPINEPHRINE'],
    });
    const crs = recording.gradings.find((g) => g.domain === 'CRS');
    expect(crs?.grade).toBe(3);
    expect(crs?.drivers.map((d) => d.code)).toEqual(expect.arrayContaining(['fever']));
    const toci = crs?.recommendations.find((r) => r.dose?.drug.toLowerCase() === 'tocilizumab');
    expect(toci?.dose?.mg).toBe(560); // 8 mg/kg × 70 kg
    expect(recording.alerts.map((a) => [a.escalationId, a.level])).toEqual(
      expect.arrayContaining([['ESC-CRS3', 'CRITICAL']]),
    );
    expect(recording.episode).toMatchObject({ version: 2, summary: { crsGrade: 3 } });

    clock.advanceMinutes(20);
    const dose = await service.recordDose(clinician, {
      episodeId: episode.id,
      drug: 'TOCILIZUMAB',
      mg: 560,
      route: 'IV',
      givenAt: '2026-03-03T02:15:00+08:00',
    });
    expect(dose.gradings[0]).toMatchObject({ domain: 'TOCILIZUMAB', status: 'ALLOWED' });
    expect(dose.episode.summary.tocilizumabDoseTimes).toEqual(['2026-03-03T02:15:00+08:00']);

    const critical = recording.alerts.find((a) => a.escalationId === 'ESC-CRS3');
    const ack = await service.acknowledgeAlert(clinician, { episodeId: episode.id, alertId: critical?.id });
    expect(ack.alert).toMatchObject({
      acknowledgedBy: { userId: clinician.userId },
      acknowledgedAt: clock.now().toISOString(),
    });
    expect(ack.episode.summary.openAlerts.map((a) => a.escalationId)).not.toContain('ESC-CRS3');
    const again = await service.acknowledgeAlert(clinician, { episodeId: episode.id, alertId: critical?.id });
    expect(again.alreadyAcknowledged).toBe(true);

    const state = await service.getEpisode(actor('viewer'), episode.id);
    expect(state.vitals).toHaveLength(1);
    expect(state.doses).toHaveLength(1);
    expect(state.alerts.find((a) => a.id === critical?.id)?.acknowledgedAt).toBeDefined();
    expect(state.head.version).toBe(4);
  });
});

describe('authorisation', () => {
  it('a nurse records vitals but cannot record a dose', async () => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    await expect(
      service.recordDose(nurse, { episodeId: episode.id, drug: 'TOCILIZUMAB', mg: 560, route: 'IV' }),
    ).rejects.toBeInstanceOf(EpisodeForbiddenError);
    const state = await service.getEpisode(clinician, episode.id);
    expect(state.doses).toHaveLength(0);
    expect(state.head.version).toBe(1);
  });

  it("another team's episode answers exactly like a missing one", async () => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const outsider = actor('clinician', ['hem-b']);
    const missing = await service.getEpisode(outsider, 'EP-999999').catch((e: unknown) => e);
    const foreign = await service.getEpisode(outsider, episode.id).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(EpisodeNotFoundError);
    expect(foreign).toBeInstanceOf(EpisodeNotFoundError);
    expect((foreign as Error).message.replace(episode.id, 'X')).toBe(
      (missing as Error).message.replace('EP-999999', 'X'),
    );
    await expect(
      service.recordVitals(outsider, { episodeId: episode.id, temperatureCelsius: 39 }),
    ).rejects.toBeInstanceOf(EpisodeNotFoundError);
  });

  it('a user cannot create an episode for a team they are not in', async () => {
    await expect(
      service.createEpisode(actor('clinician', ['hem-b']), newEpisodeInput('hem-a')),
    ).rejects.toBeInstanceOf(EpisodeForbiddenError);
  });
});

describe('validation', () => {
  it('names the field, the allowed range and the value, and writes nothing', async () => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const error = (await service
      .recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 99.1 })
      .catch((e: unknown) => e)) as EpisodeValidationError;
    expect(error).toBeInstanceOf(EpisodeValidationError);
    expect(error.issues).toEqual([
      expect.objectContaining({
        field: 'input.temperatureCelsius',
        allowed: 'between 25 and 45 °C',
        received: 99.1,
      }),
    ]);
    expect((await service.getEpisode(clinician, episode.id)).head.version).toBe(1);
  });

  it('refuses a patient name as the patient reference', async () => {
    const error = (await service
      .createEpisode(clinician, { ...newEpisodeInput(), patientRef: 'ZhangSan' })
      .catch((e: unknown) => e)) as EpisodeValidationError;
    expect(error.issues[0]?.field).toBe('input.patientRef');
  });

  it('refuses observations in the future', async () => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const later = new Date(clock.now().getTime() + 6 * 60_000).toISOString();
    await expect(
      service.recordVitals(nurse, { episodeId: episode.id, temperatureCelsius: 38, measuredAt: later }),
    ).rejects.toBeInstanceOf(EpisodeValidationError);
  });
});

describe('corrections', () => {
  it('a corrected temperature is a new record that re-grades; the original stays in the timeline', async () => {
    const episode = await service.createEpisode(clinician, newEpisodeInput());
    const typo = await service.recordVitals(nurse, {
      episodeId: episode.id,
      temperatureCelsius: 39.8,
      systolicBp: 120,
      measuredAt: clock.now().toISOString(),
    });
    expect(typo.episode.summary.crsGrade).toBe(1);
    const fixed = await service.correctRecord(nurse, {
      episodeId: episode.id,
      recordId: typo.record.id,
      reason: 'typed 39.8 for 36.8',
      values: { temperatureCelsius: 36.8, systolicBp: 120, measuredAt: clock.now().toISOString() },
    });
    expect(fixed.record).toMatchObject({
      kind: 'VITALS',
      correction: { corrects: typo.record.id, reason: 'typed 39.8 for 36.8' },
    });
    expect(fixed.episode.summary.crsGrade).toBe(0);
    const state = await service.getEpisode(clinician, episode.id);
    expect(state.records.filter((r) => r.kind === 'VITALS')).toHaveLength(2);
    expect(state.vitals.map((v) => v.id)).toEqual([fixed.record.id]);
  });
});
