/**
 * Test support: an episode as the handoff reads it, folded from timeline records with the grade
 * changes kept as every write keeps them (nextGradeChanges after each record).
 */
import { foldTimeline } from '../timeline/fold.ts';
import type { TimelineRecord } from '../timeline/records.ts';
import { DEFAULT_TIMELINE_SETTINGS } from '../timeline/settings.ts';
import { emptyTimeline } from '../timeline/state.ts';
import { nextGradeChanges, type ShiftGradeChange } from './grade-changes.ts';
import type { HandoffAlert, HandoffEpisode } from './schemas.ts';

export const vitals = (
  id: string,
  at: string,
  values: Partial<Omit<Extract<TimelineRecord, { kind: 'VITALS' }>, 'kind' | 'id' | 'at'>> = {},
): TimelineRecord => ({
  kind: 'VITALS',
  id,
  at,
  temperatureCelsius: 37,
  systolicBp: 120,
  oxygen: 'ROOM_AIR',
  vasopressors: [],
  spo2Percent: 97,
  ...values,
});

export const toci = (id: string, at: string): TimelineRecord => ({
  kind: 'DOSE',
  id,
  at,
  drug: 'TOCILIZUMAB',
  mg: 560,
  route: 'IV',
});

export const episodeOf = (
  episodeId: string,
  records: readonly TimelineRecord[],
  options: {
    readonly infusionDate?: string | null;
    readonly alerts?: readonly HandoffAlert[];
    readonly lymphodepletionStartDate?: string | null;
  } = {},
): HandoffEpisode => {
  const infusionDate = options.infusionDate === undefined ? '2026-03-01' : options.infusionDate;
  const fold = foldTimeline(records, {
    patient: { weightKg: 70, infusionDate },
    settings: DEFAULT_TIMELINE_SETTINGS,
  });
  let before = emptyTimeline();
  let changes: ShiftGradeChange[] = [];
  for (const step of fold.steps) {
    changes = nextGradeChanges(changes, before, step.state, step.record.at);
    before = step.state;
  }
  return {
    episodeId,
    patientRef: `P-${episodeId.slice(3).padStart(4, '0')}`,
    product: 'CARTITUDE_1',
    infusionDate,
    lymphodepletionStartDate: options.lymphodepletionStartDate ?? null,
    timeline: fold.state,
    gradeChanges: changes,
    alerts: options.alerts ?? [],
  };
};
