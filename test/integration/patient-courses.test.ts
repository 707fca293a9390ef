import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewTimeline, DEFAULT_TIMELINE_SETTINGS, type TimelineState } from '../../rules/index.ts';
import { COURSES } from '../../rules/timeline/scenarios/courses.ts';
import type { Entry } from '../../rules/timeline/scenarios/course.ts';
import { DoseRefusedError, EpisodeValidationError } from '../../functions/episodes/errors.ts';
import type { EpisodeHead, EpisodeRecord, GradingRecord } from '../../functions/episodes/records.ts';
import type { EpisodeService, Recording } from '../../functions/episodes/service.ts';
import { createTestTable, type TestTable } from '../support/dynamodb.ts';
import { actor, newEpisodeInput, serviceFor, testClock } from '../support/episodes.ts';

/**
 * The patient courses of rules/timeline/scenarios, played through the episode service on
 * DynamoDB Local: every entry stored (or refused) as GraphQL and Slack store it, every
 * expectation checked on what the service stored and answered.
 */
let table: TestTable;
const clock = testClock('2026-03-01T00:00:00Z');
let service: EpisodeService;
const clinician = actor('clinician');

beforeAll(async () => {
  table = await createTestTable('courses');
  service = serviceFor(table, clock.now);
});
afterAll(async () => table.drop());

type Outcome = { readonly recording?: Recording; readonly refused?: string; readonly head: EpisodeHead };

const graded = (recording: Recording | undefined, domain: GradingRecord['domain']) =>
  recording?.gradings.find((g) => g.domain === domain);

const play = async (episodeId: string, entry: Entry, ids: Map<string, EpisodeRecord>): Promise<Outcome> => {
  const at = 'at' in entry && entry.at ? entry.at : undefined;
  if (at) clock.set(new Date(Date.parse(at) + 60_000).toISOString());
  try {
    let recording: Recording;
    if ('vitals' in entry)
      recording = await service.recordVitals(clinician, { episodeId, measuredAt: entry.at, ...entry.vitals });
    else if ('neuro' in entry)
      recording = await service.recordNeuroAssessment(clinician, {
        episodeId,
        assessedAt: entry.at,
        ...entry.neuro,
      });
    else if ('dose' in entry)
      recording = await service.recordDose(clinician, { episodeId, givenAt: entry.at, ...entry.dose });
    else if ('death' in entry)
      recording = await service.recordDeath(clinician, {
        episodeId,
        diedAt: entry.at,
        attribution: entry.death,
      });
    else {
      const original = ids.get(entry.corrects);
      if (!original || !('values' in original)) throw new Error(`no record ${entry.corrects}`);
      const timeField = original.kind === 'DOSE' ? 'givenAt' : 'measuredAt';
      const time = entry.at ?? (original.values as Record<string, string>)[timeField];
      recording = await service.correctRecord(clinician, {
        episodeId,
        recordId: original.id,
        reason: 'entered against the wrong time',
        values: entry.with === null ? null : { ...entry.with, [timeField]: time },
      });
    }
    ids.set(entry.label, recording.record);
    return { recording, head: recording.episode };
  } catch (error) {
    const head = (await service.getEpisode(clinician, episodeId)).head;
    if (error instanceof DoseRefusedError)
      return { refused: error.problems.map((p) => p.code).join(','), head };
    if (error instanceof EpisodeValidationError) {
      const successor = [...ids].find(([, record]) => error.message.includes(`corrected by ${record.id}`));
      return { refused: successor ? `SUPERSEDED:${successor[0]}` : error.message, head };
    }
    throw error;
  }
};

describe('patient courses through the episode service on DynamoDB Local', () => {
  for (const course of COURSES) {
    it(course.name, async () => {
      const episode = await service.createEpisode(clinician, {
        ...newEpisodeInput(),
        weightKg: course.weightKg,
      });
      const ids = new Map<string, EpisodeRecord>();
      for (const [entry, want] of course.steps) {
        const label = `${entry.label} (${want.rules.join(' ')})`;
        const { recording, refused, head } = await play(episode.id, entry, ids);
        if (want.refused !== undefined) expect(refused ?? '', label).toContain(want.refused);
        else expect(refused, label).toBeUndefined();
        const crs = graded(recording, 'CRS');
        if (want.crs !== undefined) expect(crs?.grade, label).toBe(want.crs);
        if (want.lowerBound !== undefined)
          expect(crs?.status, label).toBe(want.lowerBound ? 'LOWER_BOUND' : 'GRADED');
        if (want.needs !== undefined)
          expect([...(crs?.needs ?? [])].sort(), label).toEqual([...want.needs].sort());
        if (want.current !== undefined) expect(head.summary.crsGrade, label).toBe(want.current);
        if (want.episode !== undefined)
          expect(crs?.crsEpisode ?? graded(recording, 'TOCILIZUMAB')?.crsEpisode ?? null, label).toBe(
            want.episode,
          );
        if (want.alerts !== undefined)
          expect((recording?.alerts ?? []).map((a) => a.escalationId).sort(), label).toEqual(
            [...want.alerts].sort(),
          );
        if (want.repeats !== undefined)
          expect((recording?.repeatedAlerts ?? []).map((a) => a.escalationId).sort(), label).toEqual(
            [...want.repeats].sort(),
          );
        if (want.hlh !== undefined)
          expect(graded(recording, 'CRS_HLH')?.status ?? null, label).toBe(want.hlh);
        const timeline: TimelineState | undefined = head.timeline;
        if (timeline === undefined) throw new Error(`${label}: the head carries no timeline state`);
        const time = 'at' in entry && entry.at ? entry.at : (timeline.last?.at ?? clock.now().toISOString());
        const view = viewTimeline(timeline, time, DEFAULT_TIMELINE_SETTINGS);
        if (want.toci !== undefined)
          expect(graded(recording, 'TOCILIZUMAB')?.status ?? view.tocilizumab.status, label).toBe(want.toci);
        if (want.tociCount !== undefined) expect(view.tocilizumab.dosesCounted, label).toBe(want.tociCount);
        if (want.masked !== undefined)
          expect(
            (crs?.sources ?? []).some((s) => s.component === 'therapy'),
            label,
          ).toBe(want.masked);
        if (want.carried !== undefined)
          expect(
            (crs?.sources ?? [])
              .filter((s) => ['oxygen', 'vasopressors', 'spo2'].includes(s.component))
              .map((s) => s.component)
              .sort(),
            label,
          ).toEqual([...want.carried].sort());
        const icans = graded(recording, 'ICANS');
        if (want.icans !== undefined) expect(icans?.grade, label).toBe(want.icans);
        if (want.concurrentCrs !== undefined)
          expect(
            (icans?.inputs as { concurrentCrs: { grade: number } | null } | undefined)?.concurrentCrs
              ?.grade ?? null,
            label,
          ).toBe(want.concurrentCrs);
      }
    });
  }
});
